import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { failure, type ErrorEnvelope } from '../http/envelope.js';
import { StoredAnswer } from '../idempotency/stored-answer.js';
import { DomainError } from './domain-error.js';
import { ERROR_CATALOGUE } from './error-catalogue.js';

interface Answer {
  status: number;
  body: ErrorEnvelope;
}

function fromDomain(e: DomainError): Answer {
  const entry = ERROR_CATALOGUE[e.kind];
  return {
    status: e.extra.httpStatus ?? entry.httpStatus,
    body: failure(e.extra.mspCode ?? entry.mspCode, e.info, e.extra.fields),
  };
}

/** Errors raised by Nest or Fastify themselves (routing, body parsing, limits). */
function fromFramework(e: { statusCode?: number; status?: number; code?: string; message?: string }): Answer {
  const status = e.statusCode ?? e.status ?? 500;
  if (status === 404) return { status, body: failure(1000, 'Not found') };
  if (status === 413) return { status, body: failure(1016, 'Request body too large') };
  if (status === 414) return { status, body: failure(1016, 'URL or path parameter too long') };
  if (e.code === 'FST_ERR_BAD_URL') return { status: 400, body: failure(1016, 'Malformed URL') };
  if (status === 415) return { status, body: failure(1016, 'Unsupported content type: send application/json') };
  if (e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return { status: 400, body: failure(1016, 'Empty JSON body') };
  if (status === 400 && (e.code?.startsWith('FST_ERR_CTP') || /JSON/i.test(e.message ?? ''))) {
    return { status, body: failure(1016, 'Malformed JSON body') };
  }
  if (status === 405) return { status, body: failure(1000, 'Method not allowed') };
  if (status < 500) return { status, body: failure(1016, e.message ?? 'Bad request') };
  return { status: 500, body: failure(9999, 'Internal error') };
}

/** Turns every failure into MSP's error envelope; the only place errors become HTTP answers. */
@Catch()
export class EnvelopeExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const answer = toAnswer(exception);
    if (answer.status >= 500) {
      // Log the kind and route only: messages of unexpected errors may quote request data.
      const name = exception instanceof Error ? exception.name : typeof exception;
      this.logger.error(`${request.method} ${request.routeOptions?.url ?? 'unknown route'} -> ${answer.status} (${name})`,
        exception instanceof DomainError ? undefined : (exception as Error)?.stack);
    }
    void reply.status(answer.status).header('content-type', 'application/json; charset=utf-8').send(answer.body);
  }
}

export function toAnswer(exception: unknown): Answer {
  if (exception instanceof StoredAnswer) return { status: exception.status, body: exception.body as ErrorEnvelope };
  if (exception instanceof DomainError) return fromDomain(exception);
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return fromFramework({ statusCode: status, message: status < 500 ? exception.message : undefined });
  }
  if (exception && typeof exception === 'object' && ('statusCode' in exception || 'code' in exception)) {
    return fromFramework(exception as { statusCode?: number; code?: string; message?: string });
  }
  return { status: HttpStatus.INTERNAL_SERVER_ERROR, body: failure(9999, 'Internal error') };
}
