// The floor: the same two paths written by hand with node:http + pg + undici, no framework.
// It does the essential work the service does: key check, validation, the MSP call, the same rows in
// one transaction; for notifications, HMAC verification, then lock, update and insert.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';
import { request } from 'undici';

const { DATABASE_URL, MSP_API_KEY, MSP_BASE_URL, API_KEY, PORT } = process.env;
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 10 });
const keys = new Map([[createHash('sha256').update(API_KEY).digest('hex'), 'bench']]);
const mspKey = MSP_API_KEY.trim();

await pool.query(`
  CREATE TABLE IF NOT EXISTS orders (id bigserial PRIMARY KEY, client text NOT NULL, order_id text UNIQUE NOT NULL, currency char(3) NOT NULL,
    amount bigint NOT NULL, description text NOT NULL, status text NOT NULL, financial_status text, request jsonb NOT NULL,
    payment_url text, msp_modified timestamp, created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now());
  CREATE TABLE IF NOT EXISTS order_events (id bigserial PRIMARY KEY, order_pk bigint NOT NULL REFERENCES orders(id), from_status text,
    to_status text NOT NULL, source text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());`);

const send = (res, status, body, type = 'application/json') => res.writeHead(status, { 'content-type': type }).end(body);
const fail = (res, status, code, info) => send(res, status, JSON.stringify({ success: false, data: {}, error_code: code, error_info: info }));

function validate(b) {
  if (!b || typeof b !== 'object') return [1016, 'body'];
  if (!(typeof b.order_id === 'string' || Number.isInteger(b.order_id)) || String(b.order_id).length > 50) return [1006, 'order_id'];
  if (typeof b.currency !== 'string' || !/^[A-Z]{3}$/.test(b.currency)) return [1002, 'currency'];
  if (!Number.isInteger(b.amount) || b.amount < 1) return [1001, 'amount'];
  if (typeof b.description !== 'string' || !b.description || b.description.length > 200) return [1008, 'description'];
  return null;
}

async function createOrder(req, res, raw) {
  const key = req.headers.api_key;
  if (typeof key !== 'string' || !keys.has(createHash('sha256').update(key).digest('hex'))) return fail(res, 401, 1032, 'Invalid API key');
  let body;
  try {
    body = JSON.parse(raw);
  } catch {
    return fail(res, 400, 1016, 'Malformed JSON');
  }
  const bad = validate(body);
  if (bad) return fail(res, 400, bad[0], `Invalid ${bad[1]}`);
  const orderId = String(body.order_id);
  const { gateway_info: _card, ...stored } = body;
  const ins = await pool.query(
    `WITH o AS (INSERT INTO orders (client, order_id, currency, amount, description, status, financial_status, request)
       VALUES ('bench', $1, $2, $3, $4, 'initialized', 'initialized', $5) ON CONFLICT (order_id) DO NOTHING RETURNING id),
     e AS (INSERT INTO order_events (order_pk, to_status, source) SELECT id, 'initialized', 'api' FROM o)
     SELECT id FROM o`,
    [orderId, body.currency, body.amount, body.description, JSON.stringify(stored)],
  );
  if (!ins.rowCount) return fail(res, 409, 1006, 'order_id already used');
  const msp = await request(`${MSP_BASE_URL}/orders`, {
    method: 'POST', headers: { api_key: MSP_API_KEY, 'content-type': 'application/json' },
    body: JSON.stringify({ ...body, payment_options: { ...body.payment_options, notification_url: `http://127.0.0.1:${PORT}/webhooks/multisafepay` } }),
  });
  const answer = await msp.body.json();
  await pool.query(`UPDATE orders SET payment_url = $2, updated_at = now() WHERE order_id = $1`, [orderId, answer.data.payment_url]);
  send(res, 200, JSON.stringify({ success: true, data: answer.data }));
}

function verify(auth, raw) {
  if (typeof auth !== 'string') return false;
  const decoded = Buffer.from(auth, 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i <= 0) return false;
  const ts = decoded.slice(0, i);
  const given = Buffer.from(decoded.slice(i + 1), 'hex');
  const expected = createHmac('sha512', mspKey).update(`${ts}:`).update(raw).digest();
  return given.length === expected.length && timingSafeEqual(given, expected) && Math.abs(Date.now() / 1000 - Number(ts)) <= 600;
}

async function notification(req, res, rawBuf) {
  if (!verify(req.headers.auth, rawBuf)) return send(res, 403, 'bad signature', 'text/plain');
  const snap = JSON.parse(rawBuf.toString('utf8'));
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(
      `SELECT id, status, financial_status, msp_modified::text AS m FROM orders WHERE order_id = $1 FOR UPDATE`, [String(snap.order_id)]);
    const o = rows[0];
    const stored = o?.m?.replace(' ', 'T');
    if (o && !(stored && snap.modified < stored) && (o.status !== snap.status || o.financial_status !== snap.financial_status)) {
      await client.query(`UPDATE orders SET status = $2, financial_status = $3, msp_modified = $4, updated_at = now() WHERE id = $1`,
        [o.id, snap.status, snap.financial_status, snap.modified]);
      await client.query(`INSERT INTO order_events (order_pk, from_status, to_status, source) VALUES ($1, $2, $3, 'notification')`, [o.id, o.status, snap.status]);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
  send(res, 200, 'OK', 'text/plain');
}

createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks);
    const path = (req.url ?? '').split('?')[0];
    const work = req.method === 'POST' && path === '/v1/json/orders' ? createOrder(req, res, raw.toString('utf8'))
      : req.method === 'POST' && path === '/webhooks/multisafepay' ? notification(req, res, raw)
      : Promise.resolve(fail(res, 404, 1000, 'Not found'));
    work.catch(() => fail(res, 500, 9999, 'Internal error'));
  });
}).listen(Number(PORT), '127.0.0.1', () => process.send?.('ready'));
