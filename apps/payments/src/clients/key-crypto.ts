import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Caller keys are high-entropy random strings, so a fast hash is a safe lookup key (no password stretching needed). */
export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

export const keyPrefix = (key: string): string => key.slice(0, 6);

export const generateApiKey = (): string => `pk_${randomBytes(24).toString('base64url')}`;

/**
 * The key itself is kept too, AES-256-GCM encrypted with MASTER_KEY, because outbound notifications are
 * signed with the caller's own key (MSP's scheme), which a hash cannot do. Format: base64(iv|tag|ciphertext).
 */
export function encryptSecret(masterKey: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
}

export function decryptSecret(masterKey: Buffer, sealed: string): string {
  const raw = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', masterKey, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
