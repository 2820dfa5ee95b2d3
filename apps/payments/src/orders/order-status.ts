/**
 * The one table of legal order status transitions (DESIGN §5, API-NOTES §2.4). Everything that changes an
 * order's status (create answers, refreshes, notifications, reconciliation) asks `decideTransition`.
 */
export const ORDER_STATUSES = [
  'initialized', 'uncleared', 'reserved', 'completed', 'declined', 'cancelled', 'void', 'expired',
  'refunded', 'partial_refunded', 'chargedback', 'shipped',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The payment attempt is over; only a late capture of money (`completed`) may still arrive. */
const FAILED = ['declined', 'cancelled', 'void', 'expired'] as const;

const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  initialized: ['uncleared', 'reserved', 'completed', 'declined', 'cancelled', 'void', 'expired'],
  reserved: ['uncleared', 'completed', 'declined', 'cancelled', 'void', 'expired'],
  uncleared: ['reserved', 'completed', 'declined', 'cancelled', 'void', 'expired'],
  completed: ['refunded', 'partial_refunded', 'chargedback', 'shipped'],
  shipped: ['refunded', 'partial_refunded', 'chargedback'],
  partial_refunded: ['partial_refunded', 'refunded', 'chargedback'],
  refunded: ['chargedback'],
  chargedback: [],
  declined: ['completed'],
  cancelled: ['completed'],
  void: ['completed'],
  expired: ['completed'],
};

/** No notification can move these on; reconciliation stops here. */
export const FINAL_STATUSES: ReadonlySet<OrderStatus> = new Set(['declined', 'cancelled', 'void', 'expired', 'refunded', 'chargedback']);

export type TransitionDecision =
  | { kind: 'same' }
  | { kind: 'apply'; flag?: 'late_completed' }
  | { kind: 'illegal' };

export function toOrderStatus(raw: string | null | undefined): OrderStatus | undefined {
  if (!raw) return undefined;
  const s = raw.toLowerCase();
  const normalised = s === 'chargeback' ? 'chargedback' : s;
  return (ORDER_STATUSES as readonly string[]).includes(normalised) ? (normalised as OrderStatus) : undefined;
}

/** Statuses reachable from each status in one or more legal steps: notifications MSP never sent may be skipped. */
const REACHABLE: Record<OrderStatus, ReadonlySet<OrderStatus>> = Object.fromEntries(
  ORDER_STATUSES.map((from) => {
    const seen = new Set<OrderStatus>();
    const queue: OrderStatus[] = [...TRANSITIONS[from]];
    while (queue.length) {
      const next = queue.shift()!;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...TRANSITIONS[next]);
    }
    return [from, seen];
  }),
) as unknown as Record<OrderStatus, ReadonlySet<OrderStatus>>;

/**
 * Whether a (newer) snapshot in status `to` may be applied to an order in `from`. Missed intermediate
 * states are fine (initialized -> refunded when the completed notification was lost); going back is not.
 */
export function decideTransition(from: OrderStatus, to: OrderStatus, fromFinancial?: string | null): TransitionDecision {
  if (from === to) return from === 'partial_refunded' ? { kind: 'apply' } : { kind: 'same' };
  // An authorisation not yet captured (completed / initialized) can still be cancelled or expire.
  if (from === 'completed' && fromFinancial === 'initialized' && to === 'void') return { kind: 'apply' };
  if (!REACHABLE[from].has(to)) return { kind: 'illegal' };
  // Money was taken after we (or the customer) gave up: apply it, and flag it for a human.
  if ((FAILED as readonly string[]).includes(from)) return { kind: 'apply', flag: 'late_completed' };
  return { kind: 'apply' };
}
