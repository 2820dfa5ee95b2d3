import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedClient } from '../../clients/api-clients.service.js';
import { DomainError } from '../../common/errors/domain-error.js';
import type { ListDeliveriesQuery } from './list-deliveries.query.js';
import { DeliveryWorker } from './delivery-worker.js';

export interface DeliveryView {
  id: string;
  order_id: string;
  status: string;
  method: string;
  target_url: string;
  attempts: number;
  next_attempt_at: string | null;
  last_attempt_at: string | null;
  delivered_at: string | null;
  last_response: string | null;
  created_at: string;
}

const VIEW_COLUMNS = `id::text, order_id, status, method, target_url, attempts, next_attempt_at, last_attempt_at, delivered_at,
  last_response, created_at`;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const toView = (r: Record<string, any>): DeliveryView => ({
  id: r.id, order_id: r.order_id, status: r.status, method: r.method, target_url: r.target_url, attempts: r.attempts,
  next_attempt_at: iso(r.next_attempt_at), last_attempt_at: iso(r.last_attempt_at), delivered_at: iso(r.delivered_at),
  last_response: r.last_response, created_at: iso(r.created_at)!,
});

/** The caller's view of what we sent it; a caller sees only its own deliveries. */
@Injectable()
export class DeliveriesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly worker: DeliveryWorker,
  ) {}

  async list(client: AuthenticatedClient, q: ListDeliveriesQuery): Promise<{ data: DeliveryView[]; pager: { limit: number; cursor: { after: string | null } } }> {
    const limit = q.limit ?? 25;
    if (q.after !== undefined && !/^\d{1,18}$/.test(q.after)) {
      throw new DomainError('invalid_request', 'Invalid cursor', { fields: [{ field: 'after', message: 'not a cursor issued by this service' }] });
    }
    const rows: Record<string, any>[] = await this.db.query(
      `SELECT ${VIEW_COLUMNS} FROM deliveries
       WHERE client_id = $1 AND ($2::text IS NULL OR order_id = $2) AND ($3::text IS NULL OR status = $3)
         AND ($4::bigint IS NULL OR id < $4)
       ORDER BY id DESC LIMIT $5`,
      [client.id, q.order_id ?? null, q.status ?? null, q.after ?? null, limit + 1],
    );
    const page = rows.slice(0, limit).map(toView);
    return { data: page, pager: { limit, cursor: { after: rows.length > limit ? page[page.length - 1].id : null } } };
  }

  async retry(client: AuthenticatedClient, id: string): Promise<DeliveryView> {
    await this.owned(client, id);
    const sent = await this.worker.sendNow(id);
    if (!sent) throw new DomainError('busy', 'This notification is being sent right now; look again in a moment');
    return this.owned(client, id);
  }

  private async owned(client: AuthenticatedClient, id: string): Promise<DeliveryView> {
    const rows = /^\d{1,18}$/.test(id)
      ? await this.db.query(`SELECT ${VIEW_COLUMNS} FROM deliveries WHERE id = $1 AND client_id = $2`, [id, client.id])
      : [];
    if (!rows.length) throw new DomainError('not_found', `Notification ${id} not found`);
    return toView(rows[0]);
  }
}
