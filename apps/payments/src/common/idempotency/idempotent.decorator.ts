import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { IDEMPOTENT_SCOPE } from './idempotency-scope.js';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';

/**
 * The route honours the `Idempotency-Key` header; `scope` keeps keys of different operations apart. The
 * interceptor is attached here, not globally, so other routes (the webhook, reads) pay nothing for it.
 */
export const Idempotent = (scope: string) => applyDecorators(SetMetadata(IDEMPOTENT_SCOPE, scope), UseInterceptors(IdempotencyInterceptor));
