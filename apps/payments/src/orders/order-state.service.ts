import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { stripCardData, type MspOrder } from '@app/multisafepay';
import { mspTimeOrUndefined } from '../common/http/msp-time.js';
import type { OrderEventSource } from './entities/order-event.entity.js';
import { decideTransition, toOrderStatus, type OrderStatus } from './order-status.js';

export type ApplyOutcome = 'applied' | 'duplicate' | 'stale' | 'ignored' | 'unknown_order';

export interface ApplyResult {
  outcome: ApplyOutcome;
  reason?: string;
}

interface LockedOrder {
  id: string;
  status: OrderStatus;
  financial_status: string | null;
  msp_modified: string | null;
}

/** pg prints `timestamp` with a space; MSP uses a `T`. Same-format ISO strings compare correctly as text. */
const isoOf = (pgText: string | null): string | null => (pgText ? pgText.replace(' ', 'T') : null);

/**
 * The single path by which an MSP order snapshot changes a stored order (create answers, refreshes,
 * notifications, reconciliation). Runs under a row lock in a short transaction; never calls MSP.
 */
@Injectable()
export class OrderStateService {
  private readonly logger = new Logger(OrderStateService.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async applySnapshot(orderId: string, snapshot: MspOrder, source: OrderEventSource): Promise<ApplyResult> {
    return this.db.transaction((em) => this.applyLocked(em, orderId, snapshot, source));
  }

  /** For callers already inside a transaction. Takes the order's row lock itself. */
  async applyLocked(em: EntityManager, orderId: string, snapshot: MspOrder, source: OrderEventSource): Promise<ApplyResult> {
    const rows: LockedOrder[] = await em.query(
      `SELECT id, status, financial_status, msp_modified::text AS msp_modified FROM orders WHERE order_id = $1 FOR UPDATE`,
      [orderId],
    );
    const order = rows[0];
    if (!order) return { outcome: 'unknown_order' };
    const to = toOrderStatus(snapshot.status as string | undefined);
    if (!to) return { outcome: 'ignored', reason: `unknown status ${String(snapshot.status)}` };

    const modified = mspTimeOrUndefined(snapshot.modified);
    const stored = isoOf(order.msp_modified);
    if (modified && stored && modified < stored) return { outcome: 'stale' };

    const decision = decideTransition(order.status, to);
    const financial = typeof snapshot.financial_status === 'string' ? snapshot.financial_status.toLowerCase() : order.financial_status;
    const financialChanged = financial !== order.financial_status;
    if (decision.kind === 'illegal') {
      return { outcome: 'ignored', reason: `transition ${order.status} -> ${to} is not allowed` };
    }
    if (decision.kind === 'same' && !financialChanged) return { outcome: 'duplicate' };

    const flag = decision.kind === 'apply' ? decision.flag : undefined;
    if (flag) this.logger.warn(`Order ${orderId}: ${order.status} -> ${to} flagged ${flag}`);
    const refunded = typeof snapshot.amount_refunded === 'number' ? snapshot.amount_refunded : null;
    await em.query(
      `UPDATE orders SET status = $2, financial_status = $3, msp_modified = COALESCE($4::timestamp, msp_modified),
         msp_snapshot = $5, transaction_id = COALESCE(transaction_id, $6), amount_refunded = COALESCE($7, amount_refunded),
         flags = CASE WHEN $8::text IS NULL OR $8 = ANY(flags) THEN flags ELSE array_append(flags, $8) END,
         updated_at = now()
       WHERE id = $1`,
      [order.id, to, financial, modified ?? null, JSON.stringify(stripCardData(snapshot)), snapshot.transaction_id ?? null, refunded, flag ?? null],
    );
    await em.query(
      `INSERT INTO order_events (order_pk, from_status, to_status, from_financial_status, to_financial_status, source, msp_modified, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7::timestamp, $8)`,
      [order.id, order.status, to, order.financial_status, financial, source, modified ?? null, flag ?? null],
    );
    return { outcome: 'applied' };
  }
}
