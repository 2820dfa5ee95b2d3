import type { FastifyInstance } from 'fastify';
import { toAnswer } from '../common/errors/envelope-exception.filter.js';

/**
 * Errors Fastify raises before a Nest handler runs (bad JSON, unsupported or odd content types, body limits)
 * must also answer in MSP's envelope. MSP's Node SDK sends `application/json; charset=UTF-8;` (note the
 * trailing semicolon), which Fastify's strict parser rejects, so JSON is matched by media type alone.
 */
export function installEnvelopeHandlers(fastify: FastifyInstance): void {
  fastify.setErrorHandler((error, _request, reply) => {
    const answer = toAnswer(error);
    void reply.status(answer.status).send(answer.body);
  });
  fastify.addHook('onRequest', async (request) => {
    const type = request.headers['content-type'];
    if (type && /^application\/json\s*;\s*charset=utf-8\s*;\s*$/i.test(type)) {
      request.headers['content-type'] = 'application/json; charset=utf-8';
    }
  });
}
