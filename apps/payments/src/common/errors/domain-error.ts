/**
 * Failures the service explains to callers. Each kind has one place where it becomes an HTTP answer
 * (see error-catalogue.ts and the global filter); code elsewhere only says what went wrong.
 */
export type DomainErrorKind =
  | 'invalid_request'
  | 'malformed_body'
  | 'unauthorized'
  | 'not_found'
  | 'order_not_found'
  | 'order_id_conflict'
  | 'busy'
  | 'duplicate'
  | 'customer_not_found'
  | 'idempotency_mismatch'
  | 'refund_refused'
  | 'action_refused'
  | 'msp_rejected'
  | 'msp_timeout'
  | 'msp_unavailable'
  | 'unavailable';

export interface FieldProblem {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly info: string,
    readonly extra: { mspCode?: number; httpStatus?: number; fields?: FieldProblem[] } = {},
  ) {
    super(info);
    this.name = 'DomainError';
  }
}
