import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppModule } from '../app.module.js';
import { ApiClientsService } from '../clients/api-clients.service.js';
import type { AppConfig } from '../config/app-config.js';
import { buildOpenApiDocument, mountOpenApi } from '../openapi/openapi.js';
import { installEnvelopeHandlers } from './fastify-envelope.js';
import { toAnswer } from '../common/errors/envelope-exception.filter.js';

/**
 * Builds the service (not listening yet). Used by main.ts and by the tests, so both run the same app:
 * Fastify, raw bodies kept for signature checks, MSP envelopes for every error, OpenAPI at /docs.
 */
export async function createPaymentsApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    // Errors Fastify's router raises before any handler (a malformed URL, an over-long parameter).
    frameworkErrors: (error: Error, _request: FastifyRequest, reply: FastifyReply) => {
      const answer = toAnswer(error);
      void reply.status(answer.status).header('content-type', 'application/json; charset=utf-8').send(answer.body);
    },
  });
  installEnvelopeHandlers(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    rawBody: true,
    logger: logLevels(config.logLevel),
    abortOnError: false,
  });
  // No enableShutdownHooks(): main.ts owns the signals, so it can close the app and then stop the embedded
  // Postgres and the sandbox (Nest's hook re-raises the signal and the process would die before that).
  mountOpenApi(app, buildOpenApiDocument(app));
  await app.init();
  if (config.clients.seeds) await app.get(ApiClientsService).syncSeeds(config.clients.seeds);
  Logger.flush();
  return app;
}

const LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;
const logLevels = (level: AppConfig['logLevel']) => LEVELS.slice(0, LEVELS.indexOf(level) + 1) as (typeof LEVELS)[number][];
