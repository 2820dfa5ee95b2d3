import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { signNotification, verifyNotification } from './signature.js';

interface Vector {
  name: string;
  api_key: string;
  auth: string;
  body: string;
  expect: { window_0: boolean; fake_key: boolean; key_with_spaces: boolean; window_600_now: boolean };
}

const vectors: Vector[] = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../../test/fixtures/msp/signature-vectors.json'), 'utf8'),
).vectors;
const tsOf = (auth: string) => Number(Buffer.from(auth, 'base64').toString().split(':')[0]);

describe.each(vectors)('MSP signature vector: $name', (v) => {
  it('verifies with the age check off', () => {
    expect(verifyNotification({ apiKey: v.api_key, rawBody: v.body, auth: v.auth, maxAgeSeconds: 0 }) === 'valid').toBe(v.expect.window_0);
  });
  it('refuses a fake key', () => {
    expect(verifyNotification({ apiKey: 'a-fake-API-key', rawBody: v.body, auth: v.auth, maxAgeSeconds: 0 }) === 'valid').toBe(v.expect.fake_key);
  });
  it('trims the key', () => {
    expect(verifyNotification({ apiKey: `  ${v.api_key} `, rawBody: v.body, auth: v.auth, maxAgeSeconds: 0 }) === 'valid').toBe(v.expect.key_with_spaces);
  });
  it('is expired with a 600 s window today, and valid inside the window at its own time', () => {
    expect(verifyNotification({ apiKey: v.api_key, rawBody: v.body, auth: v.auth, maxAgeSeconds: 600 }) === 'valid').toBe(v.expect.window_600_now);
    expect(verifyNotification({ apiKey: v.api_key, rawBody: v.body, auth: v.auth, maxAgeSeconds: 600 })).toBe('expired');
    expect(verifyNotification({ apiKey: v.api_key, rawBody: v.body, auth: v.auth, maxAgeSeconds: 600, now: tsOf(v.auth) + 599 })).toBe('valid');
    expect(verifyNotification({ apiKey: v.api_key, rawBody: v.body, auth: v.auth, maxAgeSeconds: 600, now: tsOf(v.auth) + 601 })).toBe('expired');
  });
  it('works over raw bytes and fails on a one-byte change', () => {
    const bytes = Buffer.from(v.body, 'utf8');
    expect(verifyNotification({ apiKey: v.api_key, rawBody: bytes, auth: v.auth, maxAgeSeconds: 0 })).toBe('valid');
    const changed = Buffer.from(bytes);
    changed[10] ^= 1;
    expect(verifyNotification({ apiKey: v.api_key, rawBody: changed, auth: v.auth, maxAgeSeconds: 0 })).toBe('invalid');
  });
  it('is reproduced exactly by signNotification', () => {
    expect(signNotification(v.api_key, v.body, tsOf(v.auth))).toBe(v.auth);
  });
});

describe('verifyNotification input handling', () => {
  it('tells missing from invalid', () => {
    expect(verifyNotification({ apiKey: 'k', rawBody: '{}', auth: undefined, maxAgeSeconds: 0 })).toBe('missing');
    expect(verifyNotification({ apiKey: 'k', rawBody: '{}', auth: '', maxAgeSeconds: 0 })).toBe('missing');
    expect(verifyNotification({ apiKey: 'k', rawBody: '{}', auth: 'not base64 at all!', maxAgeSeconds: 0 })).toBe('invalid');
    expect(verifyNotification({ apiKey: 'k', rawBody: '{}', auth: Buffer.from('123:abc').toString('base64'), maxAgeSeconds: 0 })).toBe('invalid');
  });
  it('round-trips and rejects a far-future timestamp', () => {
    const now = Math.floor(Date.now() / 1000);
    expect(verifyNotification({ apiKey: 'key', rawBody: '{"a":1}', auth: signNotification('key', '{"a":1}', now), maxAgeSeconds: 600 })).toBe('valid');
    expect(verifyNotification({ apiKey: 'key', rawBody: '{"a":1}', auth: signNotification('key', '{"a":1}', now + 3600), maxAgeSeconds: 600 })).toBe('expired');
  });
});
