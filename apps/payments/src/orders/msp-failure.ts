import {
  MspApiError, MspProtocolError, MspServerError, MspTimeoutError, MspUnreachableError,
} from '@app/multisafepay';
import { DomainError } from '../common/errors/domain-error.js';

/** MSP error codes that say something about *our* MSP account or key, not about the caller's request. */
const OUR_CONFIGURATION = new Set([1019, 1020, 1032]);

/**
 * Turns an adapter error into what the caller should hear. `pendingNote` tells the caller what became of
 * the work when the outcome at MSP is unknown.
 */
export function mspFailure(e: unknown, pendingNote = ''): DomainError | unknown {
  const note = pendingNote ? ` ${pendingNote}` : '';
  if (e instanceof MspTimeoutError) return new DomainError('msp_timeout', `MultiSafepay did not answer in time.${note}`);
  if (e instanceof MspUnreachableError) return new DomainError('msp_unavailable', `MultiSafepay is unreachable.${note}`);
  if (e instanceof MspServerError) return new DomainError('msp_unavailable', `MultiSafepay answered HTTP ${e.httpStatus}.${note}`);
  if (e instanceof MspProtocolError) return new DomainError('msp_unavailable', `MultiSafepay sent an unreadable answer.${note}`);
  if (e instanceof MspApiError) {
    if (OUR_CONFIGURATION.has(e.code)) {
      return new DomainError('msp_unavailable', 'The payment provider refused this service\'s credentials; operators have been alerted.');
    }
    const httpStatus = e.httpStatus >= 400 && e.httpStatus < 500 ? e.httpStatus : 422;
    return new DomainError('msp_rejected', e.info, { mspCode: e.code, httpStatus: httpStatus === 401 ? 422 : httpStatus });
  }
  return e;
}

/** Whether MSP definitely did not act (it answered with a refusal), as opposed to an unknown outcome. */
export const isDefinitiveRefusal = (e: unknown): e is MspApiError => e instanceof MspApiError && !OUR_CONFIGURATION.has(e.code);
