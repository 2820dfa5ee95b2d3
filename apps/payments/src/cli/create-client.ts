import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { generateApiKey, encryptSecret, hashApiKey, keyPrefix } from '../clients/key-crypto.js';
import { ConfigError, loadConfig } from '../config/load-config.js';
import { dataSourceOptions } from '../database/data-source.js';
import { embeddedDatabaseUrl } from '../database/embedded-postgres.js';

/**
 * `npm run client:create -- <name>`: creates a caller and prints its key once (only its hash and an
 * encrypted copy are stored). Needs DATABASE_URL (or a running `npm start` with its embedded Postgres).
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Za-z0-9_.-]+$/.test(name)) {
    process.stderr.write('usage: npm run client:create -- <name>   (letters, digits, _ . -)\n');
    process.exit(64);
  }
  const config = loadConfig(process.env);
  const url = config.database.url ?? embeddedDatabaseUrl(config.database.embeddedPort, 'payments');
  const db = await new DataSource(dataSourceOptions(url, 1)).initialize();
  try {
    const key = generateApiKey();
    const rows = await db.query(
      `INSERT INTO api_clients (name, key_hash, key_prefix, key_ciphertext) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name) DO NOTHING RETURNING id`,
      [name, hashApiKey(key), keyPrefix(key), encryptSecret(config.clients.masterKey, key)],
    );
    if (!rows.length) {
      process.stderr.write(`A client named "${name}" already exists.\n`);
      process.exitCode = 1;
      return;
    }
    process.stdout.write(`Created client "${name}". Its API key (shown once, store it now):\n${key}\n`);
  } finally {
    await db.destroy();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof ConfigError ? e.message : (e as Error).message}\n`);
  process.exit(1);
});
