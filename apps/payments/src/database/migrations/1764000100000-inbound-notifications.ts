import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InboundNotifications1764000100000 implements MigrationInterface {
  name = 'InboundNotifications1764000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inbound_notifications (
        id bigserial PRIMARY KEY,
        received_at timestamptz NOT NULL DEFAULT now(),
        method text NOT NULL,
        query jsonb NOT NULL,
        headers jsonb NOT NULL,
        body bytea,
        source_ip text,
        order_id text,
        payload_type text,
        signature text NOT NULL CHECK (signature IN ('valid', 'invalid', 'missing', 'expired')),
        outcome text CHECK (outcome IN ('applied', 'duplicate', 'stale', 'ignored', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        processed_at timestamptz,
        error text
      )`);
    await q.query(`CREATE INDEX inbound_notifications_order_idx ON inbound_notifications (order_id, id)`);
    await q.query(`ALTER TABLE order_events ADD COLUMN inbound_notification_id bigint REFERENCES inbound_notifications(id)`);
    await q.query(`ALTER TABLE orders ADD COLUMN next_sync_at timestamptz, ADD COLUMN sync_attempts int NOT NULL DEFAULT 0`);
    await q.query(`UPDATE orders SET next_sync_at = now() WHERE status NOT IN ('declined', 'cancelled', 'void', 'expired', 'refunded', 'chargedback')`);
    await q.query(`CREATE INDEX orders_sync_due_idx ON orders (next_sync_at) WHERE next_sync_at IS NOT NULL`);
    await q.query(`
      CREATE TABLE sync_cursors (
        name text PRIMARY KEY,
        cursor text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE sync_cursors');
    await q.query('DROP INDEX orders_sync_due_idx');
    await q.query('ALTER TABLE orders DROP COLUMN next_sync_at, DROP COLUMN sync_attempts');
    await q.query('ALTER TABLE order_events DROP COLUMN inbound_notification_id');
    await q.query('DROP TABLE inbound_notifications');
  }
}
