// A minimal MSP on loopback for the benchmark: answers create and read the way MSP does, nothing else.
import { createServer } from 'node:http';

const key = process.env.MSP_API_KEY;
const port = Number(process.env.STUB_PORT);
let seq = 0;

createServer((req, res) => {
  if (req.headers.api_key !== key) {
    res.writeHead(401, { 'content-type': 'application/json' }).end('{"success":false,"data":{},"error_code":1032,"error_info":"Invalid API key"}');
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    if (req.method === 'POST' && req.url === '/v1/json/orders') {
      const { order_id: orderId } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      seq += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        `{"success":true,"data":{"order_id":${JSON.stringify(String(orderId))},"payment_url":"http://127.0.0.1:${port}/connect/s${seq}/","session_id":"s${seq}"}}`,
      );
      return;
    }
    const m = /^\/v1\/json\/orders\/([^/?]+)/.exec(req.url ?? '');
    if (req.method === 'GET' && m) {
      const id = decodeURIComponent(m[1]);
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        `{"success":true,"data":{"transaction_id":17955500000000001,"order_id":${JSON.stringify(id)},"status":"initialized","financial_status":"initialized","amount":1000,"currency":"EUR","modified":"2026-01-01T00:00:00"}}`,
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"success":false,"data":{},"error_code":1000,"error_info":"Not found"}');
  });
}).listen(port, '127.0.0.1', () => process.send?.('ready'));
