import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { bigintNumber } from '../../database/bigint-number.transformer.js';

/** Whether MSP has confirmed the order exists; `pending` orders are settled by a replay or a sync. */
export type CreateState = 'pending' | 'created';

@Entity({ name: 'orders' })
@Index('orders_client_created_idx', ['clientId', 'createdAt', 'id'])
export class Order {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  /** The caller's order id, which is also MSP's: unique per MSP website, so unique here. */
  @Column({ name: 'order_id', type: 'text', unique: true })
  orderId: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text', nullable: true })
  gateway: string | null;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  amount: number;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text' })
  status: string;

  @Column({ name: 'financial_status', type: 'text', nullable: true })
  financialStatus: string | null;

  /** MSP's PSP id: 16+ digits, so text, never a JS number. */
  @Column({ name: 'transaction_id', type: 'text', nullable: true })
  transactionId: string | null;

  @Column({ name: 'payment_url', type: 'text', nullable: true })
  paymentUrl: string | null;

  @Column({ name: 'session_id', type: 'text', nullable: true })
  sessionId: string | null;

  /** Snapshot of the customer as sent; never card data. */
  @Column({ type: 'jsonb', nullable: true })
  customer: Record<string, unknown> | null;

  @Column({ name: 'customer_id', type: 'uuid', nullable: true })
  customerId: string | null;

  @Column({ name: 'notification_url', type: 'text', nullable: true })
  notificationUrl: string | null;

  @Column({ name: 'notification_method', type: 'text', nullable: true })
  notificationMethod: string | null;

  @Column({ name: 'redirect_url', type: 'text', nullable: true })
  redirectUrl: string | null;

  @Column({ name: 'cancel_url', type: 'text', nullable: true })
  cancelUrl: string | null;

  @Column({ name: 'flexible_3d', type: 'boolean', nullable: true })
  flexible3d: boolean | null;

  @Column({ name: 'request_hash', type: 'text' })
  requestHash: string;

  /** The caller's request without card data: the audit record and the source for a retried create. */
  @Column({ type: 'jsonb' })
  request: Record<string, unknown>;

  @Column({ name: 'create_state', type: 'text' })
  createState: CreateState;

  /** The `data` we answered the create with, replayed verbatim for an identical retry. */
  @Column({ name: 'create_response', type: 'jsonb', nullable: true })
  createResponse: Record<string, unknown> | null;

  /** Last order snapshot from MSP (card data stripped): payment_details, costs, related transactions. */
  @Column({ name: 'msp_snapshot', type: 'jsonb', nullable: true })
  mspSnapshot: Record<string, unknown> | null;

  @Column({ name: 'amount_refunded', type: 'bigint', transformer: bigintNumber, default: 0 })
  amountRefunded: number;

  /** MSP's `modified` of the last applied snapshot (MSP sends it without a zone). */
  @Column({ name: 'msp_modified', type: 'timestamp', nullable: true })
  mspModified: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  flags: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
