import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiFaults } from './api/api-faults.js';
import { SandboxModule } from './sandbox.module.js';
import type { SandboxOptions } from './sandbox-options.js';

export interface StartSandboxOptions extends Partial<Omit<SandboxOptions, 'apiKey'>> {
  apiKey: string;
  /** 0 = any free port. */
  port?: number;
  host?: string;
  logger?: boolean;
}

export interface RunningSandbox {
  url: string;
  apiBaseUrl: string;
  app: NestFastifyApplication;
  close(): Promise<void>;
}

/** Starts the MSP simulator (used by main.ts, `npm start` and the tests). */
export async function startSandbox(opts: StartSandboxOptions): Promise<RunningSandbox> {
  const host = opts.host ?? '127.0.0.1';
  // payment_url ends in a slash (…/connect/<session>/?lang=…), as MSP's does.
  const adapter = new FastifyAdapter({ bodyLimit: 1024 * 1024, routerOptions: { ignoreTrailingSlash: true } });
  const fastify = adapter.getInstance();
  const hanging = new Set<() => void>();

  // MSP's Node SDK sends `application/json; charset=UTF-8;`: normalise that exact form for Fastify's parser.
  fastify.addHook('onRequest', async (request) => {
    const type = request.headers['content-type'];
    if (type && /^application\/json\s*;\s*charset=utf-8\s*;\s*$/i.test(type)) request.headers['content-type'] = 'application/json; charset=utf-8';
  });

  // Mutable on purpose: with port 0 the public URL is only known after listen().
  const options: SandboxOptions = {
    apiKey: opts.apiKey,
    publicUrl: opts.publicUrl ?? '',
    notificationRetryMs: opts.notificationRetryMs ?? 15 * 60_000,
    unclearedSettleMs: opts.unclearedSettleMs ?? 3 * 60_000,
    notificationTimeoutMs: opts.notificationTimeoutMs ?? 10_000,
  };
  const app = await NestFactory.create<NestFastifyApplication>(SandboxModule.forRoot(options), adapter, {
    logger: opts.logger === false ? false : ['error', 'warn'],
  });

  // Injected API faults apply to every MSP endpoint alike, after the body is read: like a slow MSP, a delayed
  // request is still carried out even if the client gave up waiting (its answer is what gets lost).
  const faults = app.get(ApiFaults);
  fastify.addHook('preHandler', async (request, reply) => {
    const path = request.url.split('?')[0];
    if (!path.startsWith('/v1/json/')) return;
    const fault = faults.take(request.method, path);
    if (!fault) return;
    if (fault.latency_ms) await new Promise((r) => setTimeout(r, fault.latency_ms));
    if (fault.hang) {
      await new Promise<void>((resolve) => hanging.add(resolve));
      return reply.hijack();
    }
    if (fault.status) {
      return reply.status(fault.status).header('content-type', 'text/html').send(`<html><body><h1>${fault.status} Service unavailable</h1></body></html>`);
    }
  });

  await app.listen(opts.port ?? 4010, host);
  const address = fastify.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port ?? 4010;
  const url = `http://${host}:${port}`;
  if (!opts.publicUrl) options.publicUrl = url;
  return {
    url,
    apiBaseUrl: `${url}/v1/json`,
    app,
    async close() {
      for (const release of hanging) release();
      fastify.server.closeAllConnections?.();
      await app.close();
    },
  };
}
