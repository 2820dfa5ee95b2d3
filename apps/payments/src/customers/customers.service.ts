import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { codeTable, CustomerDto, MultiSafepayClient, validateMspBody, type MspOrder } from '@app/multisafepay';
import type { AuthenticatedClient } from '../clients/api-clients.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import { mspFailure } from '../orders/msp-failure.js';
import { Order } from '../orders/entities/order.entity.js';
import { toMspOrderView } from '../orders/order-view.js';
import { toCustomerView, type CustomerRow } from './customer.view.js';

const CUSTOMER_CODES = codeTable([
  [/(^|\.)(ip_address|forwarded_ip)$/, 1007, 'Invalid IP address'],
  [/(^|\.)country$/, 1018, 'Invalid country code'],
]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COLUMNS = 'id, reference, profile, created_at, updated_at, erased_at';

function validated(body: unknown): Record<string, unknown> {
  const r = validateMspBody(CustomerDto, body, CUSTOMER_CODES);
  if (!r.ok) throw new DomainError('invalid_request', r.error.error_info, { mspCode: r.error.error_code, fields: r.error.fields });
  return JSON.parse(JSON.stringify(r.value)) as Record<string, unknown>;
}

/** Customer profiles (MSP's customer object + the caller's reference), their saved cards, and erasure. */
@Injectable()
export class CustomersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly msp: MultiSafepayClient,
  ) {}

  async create(client: AuthenticatedClient, body: unknown) {
    const profile = validated(body);
    const reference = typeof profile.reference === 'string' ? profile.reference : null;
    delete profile.reference;
    const rows: CustomerRow[] = await this.db.query(
      `INSERT INTO customers (client_id, reference, profile) VALUES ($1, $2, $3)
       ON CONFLICT (client_id, reference) WHERE reference IS NOT NULL AND erased_at IS NULL DO NOTHING RETURNING ${COLUMNS}`,
      [client.id, reference, JSON.stringify(profile)],
    );
    if (!rows.length) throw new DomainError('duplicate', `A customer with reference "${reference}" already exists`);
    return toCustomerView(rows[0]);
  }

  async owned(client: AuthenticatedClient, id: string): Promise<CustomerRow> {
    const rows: CustomerRow[] = UUID.test(id)
      ? await this.db.query(`SELECT ${COLUMNS} FROM customers WHERE id = $1 AND client_id = $2`, [id, client.id])
      : [];
    if (!rows.length) throw new DomainError('customer_not_found', `Customer ${id} not found`);
    return rows[0];
  }

  async get(client: AuthenticatedClient, id: string) {
    return toCustomerView(await this.owned(client, id));
  }

  async byReference(client: AuthenticatedClient, reference: string) {
    const rows: CustomerRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM customers WHERE client_id = $1 AND reference = $2 AND erased_at IS NULL`, [client.id, reference]);
    return rows.map(toCustomerView);
  }

  async update(client: AuthenticatedClient, id: string, body: unknown) {
    const current = await this.owned(client, id);
    if (current.erased_at) throw new DomainError('customer_not_found', `Customer ${id} was erased`);
    const change = validated(body);
    const reference = typeof change.reference === 'string' ? change.reference : current.reference;
    delete change.reference;
    const [rows]: [CustomerRow[], number] = await this.db.query(
      `UPDATE customers SET profile = profile || $3::jsonb, reference = $4, updated_at = now() WHERE id = $1 AND client_id = $2 RETURNING ${COLUMNS}`,
      [id, client.id, JSON.stringify(change), reference],
    );
    return toCustomerView(rows[0]);
  }

  async orders(client: AuthenticatedClient, id: string) {
    await this.owned(client, id);
    const orders = await this.db.getRepository(Order).find({ where: { customerId: id, clientId: client.id }, order: { createdAt: 'DESC' }, take: 100 });
    return orders.map(toMspOrderView);
  }

  async tokens(client: AuthenticatedClient, id: string) {
    await this.owned(client, id);
    return this.db.query(
      `SELECT id, token, brand, last4, expiry, recurring_model, order_id, created_at FROM payment_tokens
       WHERE customer_id = $1 AND deleted_at IS NULL ORDER BY created_at`, [id]);
  }

  /** Removes a saved card here and at MSP (MSP first: if it fails, nothing changes here). */
  async deleteToken(client: AuthenticatedClient, id: string, tokenId: string): Promise<void> {
    const customer = await this.owned(client, id);
    const rows: { token: string }[] = UUID.test(tokenId)
      ? await this.db.query(`SELECT token FROM payment_tokens WHERE id = $1 AND customer_id = $2 AND deleted_at IS NULL`, [tokenId, id])
      : [];
    if (!rows.length) throw new DomainError('not_found', `Token ${tokenId} not found`);
    try {
      await this.msp.deleteToken(customer.reference ?? customer.id, rows[0].token);
    } catch (e) {
      throw mspFailure(e);
    }
    await this.db.query(`UPDATE payment_tokens SET deleted_at = now() WHERE id = $1`, [tokenId]);
  }

  /**
   * Given an order request naming `customer_id` or a stored `customer.reference`: MSP's customer object filled
   * from the profile (the request's own fields, like ip_address, win), and the link to keep on the order.
   */
  async resolveForOrder(client: AuthenticatedClient, request: Record<string, unknown>): Promise<{ id: string; customer: Record<string, unknown> } | undefined> {
    const given = (request.customer ?? {}) as Record<string, unknown>;
    let row: CustomerRow | undefined;
    if (typeof request.customer_id === 'string') {
      row = await this.owned(client, request.customer_id).catch(() => undefined);
      if (!row || row.erased_at) throw new DomainError('customer_not_found', `Customer ${request.customer_id} not found`, { mspCode: 1016, httpStatus: 400 });
    } else if (typeof given.reference === 'string') {
      const rows: CustomerRow[] = await this.db.query(
        `SELECT ${COLUMNS} FROM customers WHERE client_id = $1 AND reference = $2 AND erased_at IS NULL`, [client.id, given.reference]);
      row = rows[0];
    }
    if (!row) return undefined;
    return { id: row.id, customer: { ...row.profile, ...(row.reference ? { reference: row.reference } : {}), ...given } };
  }

  /** Called in the state transaction: a completed recurring payment leaves a token on the customer. */
  async saveTokenLocked(em: EntityManager, orderPk: string, snapshot: MspOrder): Promise<void> {
    const details = (snapshot.payment_details ?? {}) as Record<string, unknown>;
    if (!details.recurring_id || snapshot.status !== 'completed') return;
    await em.query(
      `INSERT INTO payment_tokens (customer_id, token, brand, last4, expiry, recurring_model, order_id)
       SELECT customer_id, $2, $3, $4, $5, $6, order_id FROM orders WHERE id = $1 AND customer_id IS NOT NULL
       ON CONFLICT (customer_id, token) DO NOTHING`,
      [orderPk, String(details.recurring_id), details.type ?? null, details.last4 === undefined ? null : String(details.last4),
        details.card_expiry_date === undefined ? null : String(details.card_expiry_date), details.recurring_model ?? null],
    );
  }

  /**
   * GDPR erasure: personal data goes everywhere we stored it (profile, order snapshots and requests, inbox
   * bodies, delivery payloads, stored idempotent answers); amounts, statuses, ids and history stay.
   */
  async erase(client: AuthenticatedClient, id: string): Promise<void> {
    const customer = await this.owned(client, id);
    const email = typeof customer.profile.email === 'string' ? customer.profile.email : null;
    const personal = ['customer', 'delivery', 'payment_methods'];
    await this.db.transaction(async (em) => {
      const orders: { id: string; order_id: string }[] = await em.query(
        `SELECT id, order_id FROM orders WHERE client_id = $1 AND (customer_id = $2 OR ($3::text IS NOT NULL AND customer->>'email' = $3)) FOR UPDATE`,
        [client.id, id, email],
      );
      const pks = orders.map((o) => o.id);
      const ids = orders.map((o) => o.order_id);
      await em.query(
        `UPDATE orders SET customer = NULL, request = request - $2::text[],
           msp_snapshot = (msp_snapshot - $2::text[]) #- '{payment_details,account_holder_name}',
           create_response = create_response - $2::text[]
         WHERE id = ANY($1::uuid[])`,
        [pks, personal],
      );
      await em.query(`UPDATE inbound_notifications SET body = NULL, headers = headers - 'auth', error = NULL WHERE order_id = ANY($1::text[])`, [ids]);
      await em.query(`UPDATE deliveries SET payload = (payload - $2::text[]) #- '{payment_details,account_holder_name}' WHERE order_pk = ANY($1::uuid[])`, [pks, personal]);
      const traces = [email, customer.profile.first_name, customer.profile.last_name, customer.reference].filter((v): v is string => typeof v === 'string' && v.length > 1);
      if (traces.length) {
        await em.query(
          `DELETE FROM idempotency_keys WHERE client_id = $1 AND EXISTS (SELECT 1 FROM unnest($2::text[]) t WHERE response::text LIKE '%' || t || '%')`,
          [client.id, traces],
        );
      }
      await em.query(`UPDATE payment_tokens SET deleted_at = COALESCE(deleted_at, now()) WHERE customer_id = $1`, [id]);
      await em.query(
        `UPDATE customers SET profile = '{}'::jsonb, reference = NULL, erased_at = now(), updated_at = now() WHERE id = $1`, [id]);
    });
  }
}
