import { stringifyMspJson } from '@app/multisafepay';

/** MSP's error, as the sandbox answers it. */
export class MspSandboxError extends Error {
  constructor(readonly code: number, readonly info: string, readonly httpStatus: number) {
    super(info);
  }
}

/** Pre-serialised success envelope: bigint ids come out as bare JSON numbers, as MSP sends them. */
export const mspOk = (data: unknown, extra: Record<string, unknown> = {}): string => stringifyMspJson({ success: true, data, ...extra });

export const mspError = (code: number, info: string): string =>
  JSON.stringify({ success: false, data: {}, error_code: code, error_info: info });
