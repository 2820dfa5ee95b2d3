import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedClient } from '../clients/api-clients.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { ListOrdersQuery } from './dto/list-orders.query.js';
import { Order } from './entities/order.entity.js';
import { toOrderStatus } from './order-status.js';
import { toMspOrderView } from './order-view.js';

export interface OrderPage {
  data: Record<string, unknown>[];
  pager: { limit: number; cursor: { after: string | null } };
}

interface Cursor {
  createdAt: string;
  id: string;
}

const encodeCursor = (o: Order): string =>
  Buffer.from(JSON.stringify({ createdAt: o.createdAt.toISOString(), id: o.id })).toString('base64url');

function decodeCursor(raw: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.createdAt === 'string' && typeof c.id === 'string' && !Number.isNaN(Date.parse(c.createdAt))) return c;
  } catch {
    // fall through to the error below
  }
  throw new DomainError('invalid_request', 'Invalid cursor: pass pager.cursor.after from a previous page', {
    fields: [{ field: 'after', message: 'not a cursor issued by this service' }],
  });
}

/** Newest first, keyset-paginated on (created_at, id) so pages stay stable while orders are added. */
@Injectable()
export class OrderListingService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(client: AuthenticatedClient, query: ListOrdersQuery): Promise<OrderPage> {
    const limit = query.limit ?? 25;
    const qb = this.db.getRepository(Order).createQueryBuilder('o').where('o.client_id = :client', { client: client.id });
    if (query.status) qb.andWhere('o.status = :status', { status: toOrderStatus(query.status) });
    if (query.created_from) qb.andWhere('o.created_at >= :from', { from: new Date(query.created_from) });
    if (query.created_until) qb.andWhere('o.created_at < :until', { until: new Date(query.created_until) });
    if (query.after) {
      const c = decodeCursor(query.after);
      qb.andWhere('(o.created_at, o.id) < (:cAt, :cId)', { cAt: new Date(c.createdAt), cId: c.id });
    }
    const rows = await qb.orderBy('o.created_at', 'DESC').addOrderBy('o.id', 'DESC').limit(limit + 1).getMany();
    const page = rows.slice(0, limit);
    return {
      data: page.map(toMspOrderView),
      pager: { limit, cursor: { after: rows.length > limit ? encodeCursor(page[page.length - 1]) : null } },
    };
  }
}
