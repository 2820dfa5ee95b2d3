import type { FieldProblem } from '../errors/domain-error.js';

/** MSP's success envelope, which callers written against MSP already parse. */
export interface SuccessEnvelope<T> {
  success: true;
  data: T;
}

export interface ErrorEnvelope {
  success: false;
  data: Record<string, never>;
  error_code: number;
  error_info: string;
  fields?: FieldProblem[];
}

export const ok = <T>(data: T): SuccessEnvelope<T> => ({ success: true, data });

export const failure = (errorCode: number, errorInfo: string, fields?: FieldProblem[]): ErrorEnvelope =>
  fields?.length
    ? { success: false, data: {}, error_code: errorCode, error_info: errorInfo, fields }
    : { success: false, data: {}, error_code: errorCode, error_info: errorInfo };
