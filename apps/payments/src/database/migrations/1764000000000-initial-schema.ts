import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_clients (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        key_hash text NOT NULL UNIQUE,
        key_prefix text NOT NULL,
        key_ciphertext text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES api_clients(id),
        order_id text NOT NULL,
        type text NOT NULL,
        gateway text,
        currency char(3) NOT NULL,
        amount bigint NOT NULL CHECK (amount >= 0),
        description text NOT NULL,
        status text NOT NULL,
        financial_status text,
        transaction_id text,
        payment_url text,
        session_id text,
        customer jsonb,
        notification_url text,
        notification_method text,
        redirect_url text,
        cancel_url text,
        flexible_3d boolean,
        request_hash text NOT NULL,
        request jsonb NOT NULL,
        create_state text NOT NULL CHECK (create_state IN ('pending', 'created')),
        create_response jsonb,
        msp_snapshot jsonb,
        amount_refunded bigint NOT NULL DEFAULT 0 CHECK (amount_refunded >= 0),
        msp_modified timestamp,
        flags text[] NOT NULL DEFAULT '{}',
        -- millisecond precision so a JS Date in a page cursor is exact
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT orders_order_id_key UNIQUE (order_id)
      )`);
    await q.query(`CREATE INDEX orders_client_created_idx ON orders (client_id, created_at, id)`);
    await q.query(`CREATE INDEX orders_status_updated_idx ON orders (status, updated_at)`);
    await q.query(`
      CREATE TABLE order_events (
        id bigserial PRIMARY KEY,
        order_pk uuid NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        from_status text,
        to_status text NOT NULL,
        from_financial_status text,
        to_financial_status text,
        source text NOT NULL CHECK (source IN ('api', 'notification', 'reconciliation', 'refresh')),
        msp_modified timestamp,
        reason text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX order_events_order_idx ON order_events (order_pk, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE order_events');
    await q.query('DROP TABLE orders');
    await q.query('DROP TABLE api_clients');
  }
}
