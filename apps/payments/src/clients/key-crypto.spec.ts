import { randomBytes } from 'node:crypto';
import { decryptSecret, encryptSecret, generateApiKey, hashApiKey } from './key-crypto.js';

describe('key crypto', () => {
  const master = randomBytes(32);

  it('round-trips a key through encryption and never stores it in clear', () => {
    const key = generateApiKey();
    const sealed = encryptSecret(master, key);
    expect(sealed).not.toContain(key);
    expect(decryptSecret(master, sealed)).toBe(key);
  });

  it('refuses a tampered ciphertext or the wrong master key', () => {
    const sealed = Buffer.from(encryptSecret(master, 'secret-key-123456'), 'base64');
    sealed[sealed.length - 1] ^= 1;
    expect(() => decryptSecret(master, sealed.toString('base64'))).toThrow();
    expect(() => decryptSecret(randomBytes(32), encryptSecret(master, 'x'))).toThrow();
  });

  it('hashes deterministically and distinctly', () => {
    expect(hashApiKey('a')).toBe(hashApiKey('a'));
    expect(hashApiKey('a')).not.toBe(hashApiKey('b'));
    expect(generateApiKey()).toMatch(/^pk_[A-Za-z0-9_-]{32}$/);
  });
});
