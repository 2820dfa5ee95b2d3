import type { FastifyInstance } from 'fastify';

/** The original Content-Type of a webhook request, which is read as raw bytes whatever it claims. */
export const WEBHOOK_CONTENT_TYPE = 'x-original-content-type';
const RAW_WEBHOOK_TYPE = 'application/x-raw-webhook';

/**
 * Fastify-level set-up the Nest layer cannot do:
 * - MSP's Node SDK sends `application/json; charset=UTF-8;` (trailing semicolon), which Fastify's strict
 *   parser refuses, so that exact form is normalised;
 * - MSP's webhook must be stored byte for byte before anything can fail, even malformed JSON, so its body is
 *   never parsed by Fastify.
 */
export function installEnvelopeHandlers(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(RAW_WEBHOOK_TYPE, { parseAs: 'buffer' }, (request, body, done) => {
    (request as unknown as { rawBody: Buffer }).rawBody = body as Buffer;
    done(null, body);
  });
  fastify.addHook('onRequest', async (request) => {
    const type = request.headers['content-type'];
    if (request.url.startsWith('/webhooks/')) {
      if (type) request.headers[WEBHOOK_CONTENT_TYPE] = type;
      request.headers['content-type'] = RAW_WEBHOOK_TYPE;
      return;
    }
    if (type && /^application\/json\s*;\s*charset=utf-8\s*;\s*$/i.test(type)) {
      request.headers['content-type'] = 'application/json; charset=utf-8';
    }
  });
}
