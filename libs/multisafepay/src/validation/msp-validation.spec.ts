import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SEED_ORDER_EXAMPLE } from '../wire/seed-order.example.js';
import { validateCreateOrderRequest } from './msp-validation.js';

const seed = (change: Record<string, unknown> = {}) => ({ ...structuredClone(SEED_ORDER_EXAMPLE), ...change });
const EXAMPLES = resolve(import.meta.dirname, '../../../../test/fixtures/msp/examples/requests/post-orders');

describe('validateCreateOrderRequest', () => {
  it('accepts the seed verbatim and normalises blanks away', () => {
    const r = validateCreateOrderRequest(seed());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.order_id).toBe('my-order-id-1');
    expect(r.value.customer?.forwarded_ip).toBeUndefined();
    expect(r.value.gateway_info?.card_number).toBeUndefined();
    expect(r.value.gateway_info?.flexible_3d).toBe(true);
    expect(r.value.payment_options?.close_window).toBeUndefined();
  });

  it('turns a numeric order_id into a string and strips unknown fields', () => {
    const r = validateCreateOrderRequest(seed({ order_id: 12345, surprise: 1 }));
    expect(r.ok && r.value.order_id).toBe('12345');
    expect(r.ok && 'surprise' in r.value).toBe(false);
  });

  it.each([
    [{ amount: 10.5 }, 1001, 'amount'],
    [{ amount: 0 }, 1001, 'amount'],
    [{ amount: '1000' }, 1001, 'amount'],
    [{ amount: undefined }, 1001, 'amount'],
    [{ currency: 'EURO' }, 1002, 'currency'],
    [{ currency: 'XYZ' }, 1002, 'currency'],
    [{ description: 'x'.repeat(201) }, 1008, 'description'],
    [{ order_id: '' }, 1006, 'order_id'],
    [{ order_id: 'x'.repeat(51) }, 1006, 'order_id'],
    [{ var1: 'x'.repeat(501) }, 1010, 'var1'],
    [{ gateway: 'not a gateway!' }, 1023, 'gateway'],
    [{ type: 'bogus' }, 1016, 'type'],
  ])('answers %j with code %i on %s', (change, code, field) => {
    const r = validateCreateOrderRequest(seed(change));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.error_code).toBe(code);
    expect(r.error.fields.map((f) => f.field)).toContain(field);
  });

  it('reports nested fields with dotted paths and the most important code first', () => {
    const r = validateCreateOrderRequest(seed({ amount: -1, customer: { ...SEED_ORDER_EXAMPLE.customer, ip_address: 'x', email: 'nope' } }));
    expect(!r.ok && r.error.error_code).toBe(1001);
    expect(!r.ok && r.error.fields.map((f) => f.field)).toEqual(expect.arrayContaining(['amount', 'customer.ip_address', 'customer.email']));
  });

  it('never echoes card data in its messages', () => {
    const r = validateCreateOrderRequest(seed({ gateway_info: { card_number: '4111-1111-1111-1111', card_cvc: '12345' } }));
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain('4111-1111');
    expect(JSON.stringify(r)).not.toContain('12345');
  });

  it('refuses non-objects with 1016', () => {
    for (const body of [null, [1], 'x', 42]) {
      const r = validateCreateOrderRequest(body);
      expect(!r.ok && r.error.error_code).toBe(1016);
    }
  });

  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));
  it('knows all 59 published create-order examples', () => expect(files).toHaveLength(59));
  it.each(files)('accepts or refuses %s with an MSP code', (file) => {
    const r = validateCreateOrderRequest(JSON.parse(readFileSync(resolve(EXAMPLES, file), 'utf8')));
    if (!r.ok) expect(r.error.error_code).toBeGreaterThanOrEqual(1000);
  });
});
