import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateApiKey } from '../clients/key-crypto.js';

/** The development caller's key: made once per data folder so it survives restarts, readable only by us. */
export async function devClientKey(dataDir: string): Promise<string> {
  const file = join(dataDir, 'dev-api-key');
  const existing = await readFile(file, 'utf8').catch(() => '');
  if (existing.trim()) return existing.trim();
  const key = generateApiKey();
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return key;
}
