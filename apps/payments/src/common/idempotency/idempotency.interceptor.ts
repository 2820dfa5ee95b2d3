import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { from, mergeMap, catchError, of, type Observable } from 'rxjs';
import { stripCardData } from '@app/multisafepay';
import { requestHash } from '../../orders/request-hash.js';
import type { AuthenticatedClient } from '../../clients/api-clients.service.js';
import { CLIENT_KEY } from '../auth/current-client.decorator.js';
import { DomainError } from '../errors/domain-error.js';
import { toAnswer } from '../errors/envelope-exception.filter.js';
import { IDEMPOTENT_SCOPE } from './idempotency-scope.js';
import { IdempotencyStore } from './idempotency.store.js';
import { StoredAnswer } from './stored-answer.js';

/**
 * `Idempotency-Key` on creating POSTs: the same key and body replays the first answer (success or 4xx);
 * the same key with another body is refused; a 5xx is never stored, so a retry runs again.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly store: IdempotencyStore,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const scope = this.reflector.get<string | undefined>(IDEMPOTENT_SCOPE, context.getHandler());
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const key = request.headers['idempotency-key'];
    if (!scope || typeof key !== 'string') return next.handle();
    if (!key.trim() || key.length > 255) {
      throw new DomainError('invalid_request', 'Idempotency-Key must be 1 to 255 characters', { fields: [{ field: 'Idempotency-Key', message: 'must be 1 to 255 characters' }] });
    }
    const client = (request as unknown as Record<string, AuthenticatedClient>)[CLIENT_KEY];
    // Card data never reaches the stored hash.
    const hash = requestHash(stripCardData({ params: request.params, body: request.body }));
    return from(this.store.begin(client.id, scope, key, hash)).pipe(
      mergeMap((start) => {
        if (start.kind === 'replay') {
          if (start.status >= 300) throw new StoredAnswer(start.status, start.body);
          return of(start.body);
        }
        return next.handle().pipe(
          mergeMap(async (body) => {
            await this.store.complete(client.id, scope, key, 200, body);
            return body;
          }),
          catchError(async (error: unknown) => {
            const answer = toAnswer(error);
            if (answer.status >= 500) await this.store.release(client.id, scope, key);
            else await this.store.complete(client.id, scope, key, answer.status, answer.body);
            throw error;
          }),
        );
      }),
    );
  }
}
