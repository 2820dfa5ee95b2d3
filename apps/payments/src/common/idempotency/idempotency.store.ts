import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../errors/domain-error.js';

export type IdempotencyStart = { kind: 'new' } | { kind: 'replay'; status: number; body: unknown };

const TTL_HOURS = 24;
const WAIT_MS = 15_000;

/**
 * Idempotency keys in Postgres (unique per caller, scope and key; expire after a day). The first request
 * with a key claims it; a concurrent twin waits for the first answer and replays it.
 */
@Injectable()
export class IdempotencyStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async begin(clientId: string, scope: string, key: string, hash: string): Promise<IdempotencyStart> {
    await this.db.query(`DELETE FROM idempotency_keys WHERE client_id = $1 AND scope = $2 AND key = $3 AND expires_at < now()`, [clientId, scope, key]);
    const claimed = await this.db.query(
      `INSERT INTO idempotency_keys (client_id, scope, key, request_hash, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5))
       ON CONFLICT DO NOTHING RETURNING key`,
      [clientId, scope, key, hash, TTL_HOURS],
    );
    if (claimed.length) return { kind: 'new' };
    const until = Date.now() + WAIT_MS;
    for (;;) {
      const rows: { request_hash: string; status_code: number | null; response: unknown }[] = await this.db.query(
        `SELECT request_hash, status_code, response FROM idempotency_keys WHERE client_id = $1 AND scope = $2 AND key = $3`, [clientId, scope, key]);
      const row = rows[0];
      if (!row) return this.begin(clientId, scope, key, hash); // the first attempt failed transiently and let go
      if (row.request_hash !== hash) {
        throw new DomainError('idempotency_mismatch', 'This Idempotency-Key was already used with a different request');
      }
      if (row.status_code !== null) return { kind: 'replay', status: row.status_code, body: row.response };
      if (Date.now() > until) throw new DomainError('busy', 'A request with this Idempotency-Key is still being processed; retry shortly');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async complete(clientId: string, scope: string, key: string, status: number, body: unknown): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys SET status_code = $4, response = $5 WHERE client_id = $1 AND scope = $2 AND key = $3`,
      [clientId, scope, key, status, JSON.stringify(body)],
    );
  }

  /** A transient failure is never the final answer: let the key go so a retry runs again. */
  async release(clientId: string, scope: string, key: string): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_keys WHERE client_id = $1 AND scope = $2 AND key = $3 AND status_code IS NULL`, [clientId, scope, key]);
  }
}
