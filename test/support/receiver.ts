import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface Received {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

type Behaviour = (req: Received, res: ServerResponse) => void;

export const answerOk: Behaviour = (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('OK');

/** A caller's notification endpoint, for real: a node:http server on loopback recording what arrives. */
export async function startReceiver(initial: Behaviour = answerOk) {
  const received: Received[] = [];
  let behaviour = initial;
  const open = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Received = { method: req.method ?? '', url: new URL(req.url ?? '/', 'http://receiver'), headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
      received.push(r);
      open.add(res);
      res.on('close', () => open.delete(res));
      behaviour(r, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    behave(b: Behaviour) {
      behaviour = b;
    },
    async waitFor(n: number, timeoutMs = 10_000): Promise<Received[]> {
      const until = Date.now() + timeoutMs;
      while (received.length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
      return received;
    },
    async close() {
      for (const res of open) res.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}
