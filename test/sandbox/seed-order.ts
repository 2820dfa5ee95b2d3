import { SEED_ORDER_EXAMPLE } from '@app/multisafepay';

/** The project's canonical example body, verbatim (a redirect card order with Flexible 3D). */
export const SEED_ORDER = SEED_ORDER_EXAMPLE;

let counter = 0;

/** The seed with a fresh order_id, so tests sharing one sandbox never collide. */
export function seedWith(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return { ...structuredClone(SEED_ORDER), order_id: `sbx-${process.pid}-${Date.now()}-${counter}`, ...overrides };
}
