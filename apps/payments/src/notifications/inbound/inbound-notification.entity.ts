import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type SignatureResult = 'valid' | 'invalid' | 'missing' | 'expired';
export type InboundOutcome = 'applied' | 'duplicate' | 'stale' | 'ignored' | 'failed';

/** A notification from MSP exactly as received: the audit trail and the source for replays. */
@Entity({ name: 'inbound_notifications' })
export class InboundNotification {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ type: 'text' })
  method: string;

  @Column({ type: 'jsonb' })
  query: Record<string, string>;

  @Column({ type: 'jsonb' })
  headers: Record<string, string>;

  @Column({ type: 'bytea', nullable: true })
  body: Buffer | null;

  @Column({ name: 'source_ip', type: 'text', nullable: true })
  sourceIp: string | null;

  @Column({ name: 'order_id', type: 'text', nullable: true })
  orderId: string | null;

  @Column({ name: 'payload_type', type: 'text', nullable: true })
  payloadType: string | null;

  @Column({ type: 'text' })
  signature: SignatureResult;

  @Column({ type: 'text', nullable: true })
  outcome: InboundOutcome | null;

  @Column({ type: 'int' })
  attempts: number;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;
}
