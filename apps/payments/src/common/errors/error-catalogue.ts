import type { DomainErrorKind } from './domain-error.js';

/**
 * MSP error code and HTTP status for each kind. MSP's own codes where one fits (API-NOTES §1.10);
 * 1014 ("unspecified error") where the fault is upstream and MSP has no code for it.
 */
export const ERROR_CATALOGUE: Record<DomainErrorKind, { mspCode: number; httpStatus: number }> = {
  invalid_request: { mspCode: 1016, httpStatus: 400 },
  malformed_body: { mspCode: 1016, httpStatus: 400 },
  unauthorized: { mspCode: 1032, httpStatus: 401 },
  not_found: { mspCode: 1000, httpStatus: 404 },
  order_not_found: { mspCode: 1006, httpStatus: 404 },
  order_id_conflict: { mspCode: 1006, httpStatus: 409 },
  busy: { mspCode: 1000, httpStatus: 409 },
  duplicate: { mspCode: 1000, httpStatus: 409 },
  customer_not_found: { mspCode: 1000, httpStatus: 404 },
  idempotency_mismatch: { mspCode: 1016, httpStatus: 422 },
  refund_refused: { mspCode: 1034, httpStatus: 422 },
  action_refused: { mspCode: 1000, httpStatus: 422 },
  msp_rejected: { mspCode: 1014, httpStatus: 422 },
  msp_timeout: { mspCode: 1014, httpStatus: 504 },
  msp_unavailable: { mspCode: 1014, httpStatus: 502 },
  unavailable: { mspCode: 9999, httpStatus: 503 },
};
