// npm run bench [-- --smoke] [-- --duration 10] : create-order and notification throughput of the service
// beside a hand-written node:http + pg floor, same machine, same Postgres, same stub MSP, in one run.
import { spawn, spawnSync, fork } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const SMOKE = args.includes('--smoke');
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const DURATION = Number(flag('--duration', SMOKE ? 2 : 10));
const CONNECTIONS = SMOKE ? [16] : flag('--connections', '1,16,64').split(',').map(Number);
const REPETITIONS = SMOKE ? 1 : Number(flag('--repetitions', 3));
// For profiling one side or one path: --sides service --paths create-order
const SIDES = flag('--sides', 'service,floor').split(',');
const PATHS = flag('--paths', 'create-order,notification').split(',');
const MSP_KEY = 'bench-msp-key-0123456789';
const CALLER_KEY = 'bench-key-0123456789abcdef';
const PG_STATS = Boolean(process.env.BENCH_PG_STATS);
const hasTaskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0;

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

function startProcess(file, env, label, nodeArgs = []) {
  const argv = hasTaskset ? ['-c', '0', process.execPath, ...nodeArgs, file] : [...nodeArgs, file];
  const child = spawn(hasTaskset ? 'taskset' : process.execPath, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  child.on('exit', (code) => { if (code && !child.stopping) process.stderr.write(`${label} exited ${code}: ${err.slice(-2000)}\n`); });
  return child;
}

async function waitFor(url, ok = (s) => s === 200, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const status = await fetch(url).then((r) => r.status, () => 0);
    if (ok(status)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

const seed = (orderId) => ({
  type: 'redirect', order_id: orderId, gateway: 'CREDITCARD', currency: 'EUR', amount: 1000, description: 'Test Order Description',
  payment_options: { notification_url: 'https://www.example.com/client/notification?type=notification', redirect_url: 'https://www.example.com/client/notification?type=redirect', cancel_url: 'https://www.example.com/client/notification?type=cancel', close_window: '' },
  customer: { locale: 'nl_NL', ip_address: '123.123.123.123', forwarded_ip: '', first_name: 'Testperson-nl', last_name: 'Approved', address1: 'Kraanspoor', address2: '', house_number: '39', zip_code: '1033SC', city: 'Amsterdam', state: '', country: 'NL', phone: '0208500500', email: 'test@example.com', referrer: 'https://example.com', user_agent: 'Mozilla/5.0' },
  gateway_info: { card_number: '', card_holder_name: '', card_expiry_date: '', card_cvc: '', flexible_3d: true, term_url: '' },
});

function signed(orderId, k, visit) {
  // Every notification is news: a later `modified` each time, and the financial status flips on every visit
  // to the same order (so a duplicate is never what is measured).
  const modified = new Date(Date.UTC(2026, 0, 1) + k * 1000).toISOString().slice(0, 19);
  const body = JSON.stringify({ transaction_id: 17955500000000001, order_id: orderId, status: 'completed', financial_status: visit % 2 ? 'initialized' : 'completed', amount: 1000, amount_refunded: 0, currency: 'EUR', modified });
  const ts = Math.floor(Date.now() / 1000);
  const auth = Buffer.from(`${ts}:${createHmac('sha512', MSP_KEY).update(`${ts}:${body}`).digest('hex')}`).toString('base64');
  return { path: `/webhooks/multisafepay?transactionid=${encodeURIComponent(orderId)}&timestamp=${ts}`, body, auth };
}

async function prepareOrders(base, tag, count) {
  const ids = [];
  for (let i = 0; i < count; i += 25) {
    const batch = Array.from({ length: Math.min(25, count - i) }, (_, j) => `${tag}-${i + j}`);
    await Promise.all(batch.map(async (id) => {
      const r = await fetch(`${base}/v1/json/orders`, { method: 'POST', headers: { api_key: CALLER_KEY, 'content-type': 'application/json' }, body: JSON.stringify(seed(id)) });
      if (r.status !== 200) throw new Error(`prepare ${id}: ${r.status} ${await r.text()}`);
    }));
    ids.push(...batch);
  }
  return ids;
}

async function printStatementStats(url, pg) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const { rows } = await c.query(`SELECT d.datname, s.calls, round(s.total_exec_time)::int AS exec_ms, round(s.total_plan_time)::int AS plan_ms,
      round((s.total_exec_time + s.total_plan_time) / greatest(s.calls, 1) * 1000)::int AS us_per_call,
      (s.wal_bytes / greatest(s.calls, 1))::int AS wal_per_call, left(regexp_replace(s.query, '\\s+', ' ', 'g'), 110) AS query
    FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname LIKE 'bench_%'
    ORDER BY s.total_exec_time + s.total_plan_time DESC LIMIT 25`);
  await c.end();
  process.stdout.write('\ndatabase       calls  exec ms  plan ms  us/call  WAL B/call  statement\n');
  for (const r of rows) process.stdout.write(`${r.datname.padEnd(14)} ${String(r.calls).padStart(6)} ${String(r.exec_ms).padStart(8)} ${String(r.plan_ms).padStart(8)} ${String(r.us_per_call).padStart(8)} ${String(r.wal_per_call).padStart(11)}  ${r.query}\n`);
}

let counter = 0;
async function load(base, path, connections, tag, orders) {
  const requests = path === 'create-order'
    ? [{ method: 'POST', path: '/v1/json/orders', headers: { api_key: CALLER_KEY, 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: JSON.stringify(seed(`${tag}-${++counter}`)) }) }]
    : [{ method: 'POST', setupRequest: (req) => {
        // Counted per side, so each side's visits to an order alternate exactly, whatever ran in between.
        orders.sent = (orders.sent ?? 0) + 1;
        const k = orders.sent;
        const n = signed(orders[k % orders.length], k, Math.floor(k / orders.length));
        return { ...req, path: n.path, body: n.body, headers: { 'content-type': 'application/json', auth: n.auth } };
      } }];
  const result = await autocannon({ url: base, connections, duration: DURATION, requests, pipelining: 1 });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  if (!existsSync(join(ROOT, 'dist/apps/payments/apps/payments/src/main.js'))) {
    const b = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (b.status !== 0) process.exit(1);
  }
  const { startEmbeddedPostgres } = await import(pathToFileURL(join(ROOT, 'dist/apps/payments/apps/payments/src/database/embedded-postgres.js')).href);
  const dir = await mkdtemp(join(tmpdir(), 'payments-bench-'));
  await chmod(dir, 0o755);
  const pgPort = await freePort();
  const serviceDb = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: pgPort, database: 'bench_service', persistent: false,
    // BENCH_PG_STATS=1: which statements cost Postgres the most, per side, printed at the end.
    settings: PG_STATS ? { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track_planning': 'on' } : {} });
  // One Postgres for both sides, a database each.
  const floorUrl = serviceDb.url.replace(/bench_service$/, 'bench_floor');
  const pg = (await import('pg')).default;
  const admin = new pg.Client({ connectionString: serviceDb.url });
  await admin.connect();
  await admin.query('CREATE DATABASE bench_floor');
  await admin.end();
  const children = [];
  const cleanup = async () => {
    for (const c of children) { c.stopping = true; c.kill('SIGTERM'); }
    await new Promise((r) => setTimeout(r, 1500));
    await serviceDb.stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => cleanup().then(() => process.exit(130)));
  try {
    const stubPort = await freePort();
    children.push(startProcess(join(ROOT, 'bench/stub-msp.mjs'), { MSP_API_KEY: MSP_KEY, STUB_PORT: String(stubPort) }, 'stub MSP'));
    const servicePort = await freePort();
    const floorPort = await freePort();
    children.push(startProcess(join(ROOT, 'dist/apps/payments/apps/payments/src/main.js'), {
      DATABASE_URL: serviceDb.url, MSP_ENV: 'sandbox', MSP_API_KEY: MSP_KEY, MSP_BASE_URL: `http://127.0.0.1:${stubPort}/v1/json`,
      PORT: String(servicePort), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${servicePort}`, API_CLIENTS: `bench:${CALLER_KEY}`,
      LOG_LEVEL: 'warn', RECONCILE_INTERVAL_MS: '0', DELIVERY_POLL_MS: '0', NODE_ENV: 'production',
    }, 'service', process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []));
    children.push(startProcess(join(ROOT, 'bench/floor.mjs'), {
      DATABASE_URL: floorUrl, MSP_API_KEY: MSP_KEY, MSP_BASE_URL: `http://127.0.0.1:${stubPort}/v1/json`, API_KEY: CALLER_KEY, PORT: String(floorPort),
    }, 'floor'));
    await waitFor(`http://127.0.0.1:${stubPort}/`, (s) => s > 0);
    await waitFor(`http://127.0.0.1:${servicePort}/health/ready`);
    await waitFor(`http://127.0.0.1:${floorPort}/`, (s) => s > 0);
    const targets = { service: `http://127.0.0.1:${servicePort}`, floor: `http://127.0.0.1:${floorPort}` };
    const orders = {};
    for (const [name, base] of Object.entries(targets)) orders[name] = await prepareOrders(base, `notify-${name}`, SMOKE ? 50 : 400);

    const results = [];
    for (let rep = 0; rep < REPETITIONS; rep++) {
      const order = (rep % 2 ? ['floor', 'service'] : ['service', 'floor']).filter((t) => SIDES.includes(t));
      for (const path of PATHS) {
        for (const c of CONNECTIONS) {
          for (const target of order) {
            const r = await load(targets[target], path, c, `${target}-${rep}-${c}-${Date.now()}`, orders[target]);
            results.push({ path, c, target, ...r });
            process.stdout.write(`  rep ${rep + 1} ${path.padEnd(12)} c=${String(c).padEnd(3)} ${target.padEnd(7)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms${r.errors ? `  (${r.errors} errors)` : ''}\n`);
          }
        }
      }
    }

    process.stdout.write('\npath          conc  side     median req/s   p50 ms   p99 ms\n');
    const summary = {};
    for (const path of PATHS) {
      for (const c of CONNECTIONS) {
        for (const target of SIDES) {
          const rs = results.filter((r) => r.path === path && r.c === c && r.target === target);
          const row = { rps: median(rs.map((r) => r.rps)), p50: median(rs.map((r) => r.p50)), p99: median(rs.map((r) => r.p99)) };
          summary[`${path}|${c}|${target}`] = row;
          process.stdout.write(`${path.padEnd(13)} ${String(c).padEnd(5)} ${target.padEnd(8)} ${row.rps.toFixed(0).padStart(12)} ${String(row.p50).padStart(8)} ${String(row.p99).padStart(8)}\n`);
        }
      }
    }
    const top = CONNECTIONS[CONNECTIONS.length - 1];
    process.stdout.write('\n');
    for (const path of PATHS.filter(() => SIDES.length === 2)) {
      const s = summary[`${path}|${top}|service`].rps;
      const f = summary[`${path}|${top}|floor`].rps;
      process.stdout.write(`${path}: service ${s.toFixed(0)} req/s, floor ${f.toFixed(0)} req/s, ratio ${(s / f).toFixed(2)}\n`);
    }
    if (PG_STATS) await printStatementStats(serviceDb.url, pg);
  } finally {
    await cleanup();
  }
}

// The load generator on core 1, the servers on core 0: the same split for both sides.
if (hasTaskset && !process.env.BENCH_PINNED) {
  const child = spawn('taskset', ['-c', '1', process.execPath, ...process.execArgv, fileURLToPath(import.meta.url), ...args], {
    stdio: 'inherit', env: { ...process.env, BENCH_PINNED: '1' },
  });
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  await main();
}
