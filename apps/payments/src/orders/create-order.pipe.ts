import { Injectable, type PipeTransform } from '@nestjs/common';
import { validateCreateOrderRequest, type CreateOrderRequestDto } from '@app/multisafepay';
import { DomainError } from '../common/errors/domain-error.js';

/** MSP's own validation rules and codes (shared with the sandbox), so callers get the answers MSP would give. */
@Injectable()
export class CreateOrderPipe implements PipeTransform<unknown, CreateOrderRequestDto> {
  transform(body: unknown): CreateOrderRequestDto {
    const result = validateCreateOrderRequest(body);
    if (result.ok) return result.value;
    throw new DomainError('invalid_request', result.error.error_info, {
      mspCode: result.error.error_code,
      fields: result.error.fields,
    });
  }
}
