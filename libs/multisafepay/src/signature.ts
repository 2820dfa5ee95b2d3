import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureCheck = 'valid' | 'invalid' | 'missing' | 'expired';

const asBuffer = (body: Buffer | string): Buffer => (typeof body === 'string' ? Buffer.from(body, 'utf8') : body);

function digest(apiKey: string, timestamp: string, rawBody: Buffer): string {
  // MSP's scheme (API-NOTES §3.3): HMAC-SHA512, key = trimmed API key, message = "<ts>:" + the body's exact bytes.
  return createHmac('sha512', apiKey.trim()).update(`${timestamp}:`).update(rawBody).digest('hex');
}

/** The `Auth` header MSP sends with a POST notification: base64("<ts>:" + hex HMAC). */
export function signNotification(apiKey: string, rawBody: Buffer | string, timestamp: number): string {
  const ts = String(Math.floor(timestamp));
  return Buffer.from(`${ts}:${digest(apiKey, ts, asBuffer(rawBody))}`, 'utf8').toString('base64');
}

export interface VerifyInput {
  apiKey: string;
  rawBody: Buffer | string;
  auth: string | undefined | null;
  /** 0 turns the age check off. */
  maxAgeSeconds: number;
  /** Unix seconds; defaults to now. */
  now?: number;
}

/**
 * Verifies MSP's notification signature over the raw bytes in constant time. A timestamp older than
 * `maxAgeSeconds` is `expired`; so is one that far in the future (a replayed or forged clock).
 */
export function verifyNotification(input: VerifyInput): SignatureCheck {
  const auth = input.auth?.trim();
  if (!auth) return 'missing';
  let decoded: string;
  try {
    decoded = Buffer.from(auth, 'base64').toString('utf8');
  } catch {
    return 'invalid';
  }
  const colon = decoded.indexOf(':');
  if (colon <= 0) return 'invalid';
  const ts = decoded.slice(0, colon);
  const given = decoded.slice(colon + 1);
  if (!/^\d{1,12}$/.test(ts) || !/^[0-9a-f]{128}$/i.test(given)) return 'invalid';
  const expected = Buffer.from(digest(input.apiKey, ts, asBuffer(input.rawBody)), 'hex');
  const provided = Buffer.from(given, 'hex');
  if (provided.length !== expected.length || !timingSafeEqual(provided, expected)) return 'invalid';
  if (input.maxAgeSeconds > 0) {
    const now = input.now ?? Math.floor(Date.now() / 1000);
    if (Math.abs(now - Number(ts)) > input.maxAgeSeconds) return 'expired';
  }
  return 'valid';
}
