import { SetMetadata } from '@nestjs/common';

export const IDEMPOTENT_SCOPE = 'payments:idempotentScope';

/** The route honours the `Idempotency-Key` header; `scope` keeps keys of different operations apart. */
export const Idempotent = (scope: string) => SetMetadata(IDEMPOTENT_SCOPE, scope);
