import { startSandbox } from '../../apps/msp-sandbox/src/start-sandbox.js';

export const SANDBOX_KEY = 'sandbox-spec-key-0123456789';

export type RunningTestSandbox = Awaited<ReturnType<typeof startSandbox>>;

export function startTestSandbox(): Promise<RunningTestSandbox> {
  return startSandbox({ port: 0, apiKey: SANDBOX_KEY, logger: false });
}

export interface MspCall {
  /** undefined = the right key in the `api_key` header; null = no key at all. */
  key?: string | null;
  body?: unknown;
  /** Sent as is, for malformed bodies and odd content types. */
  rawBody?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface MspAnswer {
  status: number;
  /** Parsed JSON, or undefined when the answer is not JSON. */
  body: any;
  /** The raw text: big ids are checked here, where JSON.parse has not rounded them. */
  text: string;
  headers: Headers;
}

/** One HTTP call to the sandbox over the network, as any MSP client would make it. */
export async function call(sandbox: RunningTestSandbox, method: string, path: string, opts: MspCall = {}): Promise<MspAnswer> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  if (opts.key !== null) headers.api_key = opts.key ?? SANDBOX_KEY;
  let body: string | undefined;
  if (opts.rawBody !== undefined) body = opts.rawBody;
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  const res = await fetch(`${sandbox.url}${path}`, { method, headers, body, signal: opts.signal });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, body: parsed, text, headers: res.headers };
}

/** The control API needs no key. */
export async function control(sandbox: RunningTestSandbox, method: string, path: string, body?: unknown): Promise<MspAnswer> {
  return call(sandbox, method, `/_sandbox${path}`, { key: null, body });
}

export const mspErrorEnvelope = (code: number) => ({ success: false, data: {}, error_code: code, error_info: expect.any(String) });
