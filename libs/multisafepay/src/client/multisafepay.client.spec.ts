import { createServer, type Server } from 'node:http';
import { HttpService } from '@nestjs/axios';
import axios from 'axios';
import { MspApiError, MspProtocolError, MspServerError, MspTimeoutError, MspUnreachableError } from '../errors.js';
import { MultiSafepayClient } from './multisafepay.client.js';

/** MSP itself is the edge we do not own: a local node:http server stands in for it here. */
describe('MultiSafepayClient against a stand-in MSP', () => {
  let server: Server;
  let base: string;
  let answer: (req: { url?: string; headers: Record<string, unknown> }, res: import('node:http').ServerResponse) => void;
  const seen: { url?: string; apiKey?: unknown; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => {
        seen.push({ url: req.url, apiKey: req.headers.api_key, body });
        answer(req, res);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}/v1/json`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const client = (timeoutMs = 1000, url = base) => new MultiSafepayClient(new HttpService(axios.create()), { baseUrl: url, apiKey: 'secret-msp-key', timeoutMs });

  it('sends the api_key header and keeps a 17-digit transaction_id exact', async () => {
    answer = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true,"data":{"order_id":"o-1","transaction_id":17472052901237122,"status":"completed"}}');
    const order = await client().getOrder('o 1');
    expect(order.transaction_id).toBe('17472052901237122');
    expect(seen.at(-1)).toMatchObject({ url: '/v1/json/orders/o%201', apiKey: 'secret-msp-key' });
  });

  it("turns MSP's error envelope into MspApiError with its code", async () => {
    answer = (_req, res) => res.writeHead(404, { 'content-type': 'application/json' }).end('{"success":false,"data":{},"error_code":1006,"error_info":"Invalid transaction ID"}');
    const error = await client().getOrder('missing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MspApiError);
    expect(error).toMatchObject({ code: 1006, info: 'Invalid transaction ID', httpStatus: 404 });
  });

  it('tells a 5xx page, an unreadable answer, a hang and a closed port apart, never echoing the key', async () => {
    answer = (_req, res) => res.writeHead(503, { 'content-type': 'text/html' }).end('<h1>down</h1>');
    await expect(client().getOrder('x')).rejects.toBeInstanceOf(MspServerError);
    answer = (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>hello</h1>');
    await expect(client().getOrder('x')).rejects.toBeInstanceOf(MspProtocolError);
    answer = () => undefined; // never answers
    const hung = await client(200).getOrder('x').catch((e: unknown) => e);
    expect(hung).toBeInstanceOf(MspTimeoutError);
    const closed = await client(1000, 'http://127.0.0.1:9/v1/json').getOrder('x').catch((e: unknown) => e);
    expect(closed).toBeInstanceOf(MspUnreachableError);
    for (const e of [hung, closed]) expect(String((e as Error).message)).not.toContain('secret-msp-key');
  });

  it('puts list queries in the URL and reads the pager', async () => {
    answer = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true,"data":[{"order_id":"a"}],"pager":{"after":"c2"}}');
    const page = await client().listTransactions({ limit: 2, after: 'c 1&x' });
    expect(page).toEqual({ data: [{ order_id: 'a' }], pager: { after: 'c2' } });
    expect(seen.at(-1)!.url).toBe('/v1/json/transactions?limit=2&after=c+1%26x');
  });

  it('posts the order body as JSON and returns the envelope data', async () => {
    answer = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true,"data":{"order_id":"o-2","payment_url":"https://pay/x","session_id":"x"}}');
    const created = await client().createOrder({ order_id: 'o-2', amount: 1000 });
    expect(created).toEqual({ order_id: 'o-2', payment_url: 'https://pay/x', session_id: 'x' });
    expect(JSON.parse(seen.at(-1)!.body)).toEqual({ order_id: 'o-2', amount: 1000 });
  });
});
