import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CustomersRefundsIdempotency1764000300000 implements MigrationInterface {
  name = 'CustomersRefundsIdempotency1764000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE customers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES api_clients(id),
        reference text,
        profile jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        erased_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX customers_client_reference_key ON customers (client_id, reference) WHERE reference IS NOT NULL AND erased_at IS NULL`);
    await q.query(`ALTER TABLE orders ADD COLUMN customer_id uuid REFERENCES customers(id)`);
    await q.query(`CREATE INDEX orders_customer_idx ON orders (customer_id, created_at) WHERE customer_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE payment_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES customers(id),
        token text NOT NULL,
        brand text,
        last4 text,
        expiry text,
        recurring_model text,
        order_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        CONSTRAINT payment_tokens_customer_token_key UNIQUE (customer_id, token)
      )`);
    await q.query(`
      CREATE TABLE refunds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_pk uuid NOT NULL REFERENCES orders(id),
        client_id uuid NOT NULL REFERENCES api_clients(id),
        amount bigint NOT NULL CHECK (amount > 0),
        currency char(3) NOT NULL,
        description text,
        status text NOT NULL CHECK (status IN ('requested', 'initialized', 'reserved', 'completed', 'declined', 'void', 'failed')),
        msp_refund_id text,
        error text,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refunds_order_idx ON refunds (order_pk, created_at)`);
    await q.query(`
      CREATE TABLE idempotency_keys (
        client_id uuid NOT NULL REFERENCES api_clients(id),
        scope text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status_code int,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (client_id, scope, key)
      )`);
    await q.query(`CREATE INDEX idempotency_keys_expiry_idx ON idempotency_keys (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE idempotency_keys');
    await q.query('DROP TABLE refunds');
    await q.query('DROP TABLE payment_tokens');
    await q.query('ALTER TABLE orders DROP COLUMN customer_id');
    await q.query('DROP TABLE customers');
  }
}
