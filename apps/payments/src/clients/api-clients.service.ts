import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type ApiClientSeed, type AppConfig } from '../config/app-config.js';
import { ApiClient } from './api-client.entity.js';
import { decryptSecret, encryptSecret, hashApiKey, keyPrefix } from './key-crypto.js';

export interface AuthenticatedClient {
  id: string;
  name: string;
}

const CACHE_TTL_MS = 30_000;

/** The caller `npm start` creates when API_CLIENTS is unset. */
export const DEV_CLIENT = 'dev';

@Injectable()
export class ApiClientsService {
  private readonly logger = new Logger(ApiClientsService.name);
  /** Key hash -> client; short TTL so a revocation takes effect within seconds without a query per request. */
  private readonly cache = new Map<string, { client: AuthenticatedClient | null; until: number }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async authenticate(key: string): Promise<AuthenticatedClient | null> {
    const hash = hashApiKey(key);
    const hit = this.cache.get(hash);
    const now = Date.now();
    if (hit && hit.until > now) return hit.client;
    const row = await this.db
      .getRepository(ApiClient)
      .findOne({ where: { keyHash: hash }, select: { id: true, name: true, revokedAt: true } });
    const client = row && !row.revokedAt ? { id: row.id, name: row.name } : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hash, { client, until: now + CACHE_TTL_MS });
    return client;
  }

  /**
   * Makes the table match API_CLIENTS: new names are added, changed keys rotated. Safe when several
   * instances boot at once (upsert on the unique name). Keys are never logged, only their prefixes.
   */
  async syncSeeds(seeds: ApiClientSeed[]): Promise<void> {
    for (const seed of seeds) {
      await this.upsert(seed.name, seed.key);
      this.logger.log(`API client "${seed.name}" ready (key ${keyPrefix(seed.key)}…)`);
    }
    // The development caller exists only while API_CLIENTS is unset.
    await this.db.query(
      `UPDATE api_clients SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL AND NOT (name = ANY($2::text[]))`,
      [DEV_CLIENT, seeds.map((s) => s.name)],
    );
    this.cache.clear();
  }

  async upsert(name: string, key: string): Promise<AuthenticatedClient> {
    const rows: { id: string; name: string }[] = await this.db.query(
      `INSERT INTO api_clients (name, key_hash, key_prefix, key_ciphertext) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name) DO UPDATE SET key_hash = EXCLUDED.key_hash, key_prefix = EXCLUDED.key_prefix,
         key_ciphertext = EXCLUDED.key_ciphertext, revoked_at = NULL
       WHERE api_clients.key_hash <> EXCLUDED.key_hash OR api_clients.revoked_at IS NOT NULL
       RETURNING id, name`,
      [name, hashApiKey(key), keyPrefix(key), encryptSecret(this.config.clients.masterKey, key)],
    );
    this.cache.clear();
    if (rows.length) return rows[0];
    const existing = await this.db.getRepository(ApiClient).findOneByOrFail({ name });
    return { id: existing.id, name: existing.name };
  }

  /** The caller's key in clear, for signing what we send to it. */
  async signingKey(clientId: string): Promise<string> {
    const row = await this.db.getRepository(ApiClient).findOneByOrFail({ id: clientId });
    return decryptSecret(this.config.clients.masterKey, row.keyCiphertext);
  }
}
