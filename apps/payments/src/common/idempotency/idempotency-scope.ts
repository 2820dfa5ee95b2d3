export const IDEMPOTENT_SCOPE = 'payments:idempotentScope';
