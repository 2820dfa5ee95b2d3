import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type OrderEventSource = 'api' | 'notification' | 'reconciliation' | 'refresh';

/** One row per applied state change: the order's history. */
@Entity({ name: 'order_events' })
@Index('order_events_order_idx', ['orderPk', 'id'])
export class OrderEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'order_pk', type: 'uuid' })
  orderPk: string;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus: string;

  @Column({ name: 'from_financial_status', type: 'text', nullable: true })
  fromFinancialStatus: string | null;

  @Column({ name: 'to_financial_status', type: 'text', nullable: true })
  toFinancialStatus: string | null;

  @Column({ type: 'text' })
  source: OrderEventSource;

  @Column({ name: 'msp_modified', type: 'timestamp', nullable: true })
  mspModified: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
