import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Deliveries1764000200000 implements MigrationInterface {
  name = 'Deliveries1764000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE deliveries (
        id bigserial PRIMARY KEY,
        client_id uuid NOT NULL REFERENCES api_clients(id),
        order_pk uuid NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        order_id text NOT NULL,
        event_id bigint REFERENCES order_events(id),
        target_url text NOT NULL,
        method text NOT NULL CHECK (method IN ('POST', 'GET')),
        payload jsonb,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed', 'dead')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_attempt_at timestamptz,
        last_response text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
      )`);
    await q.query(`CREATE INDEX deliveries_due_idx ON deliveries (next_attempt_at) WHERE status IN ('pending', 'failed')`);
    await q.query(`CREATE INDEX deliveries_client_idx ON deliveries (client_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE deliveries');
  }
}
