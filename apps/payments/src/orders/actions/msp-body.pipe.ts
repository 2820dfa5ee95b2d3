import { Injectable, type PipeTransform } from '@nestjs/common';
import { codeTable, validateMspBody } from '@app/multisafepay';
import { DomainError } from '../../common/errors/domain-error.js';

const ACTION_CODES = codeTable([
  [/^amount$/, 1001, 'Invalid amount'],
  [/^currency$/, 1002, 'Invalid currency'],
]);

/** Validates an MSP action body (refund, update, capture) with MSP's codes. */
export function mspBodyPipe<T extends object>(cls: new () => T): PipeTransform<unknown, T> {
  @Injectable()
  class MspBodyPipe implements PipeTransform<unknown, T> {
    transform(body: unknown): T {
      const r = validateMspBody(cls, body, ACTION_CODES);
      if (r.ok) return r.value;
      throw new DomainError('invalid_request', r.error.error_info, { mspCode: r.error.error_code, fields: r.error.fields });
    }
  }
  return new MspBodyPipe();
}
