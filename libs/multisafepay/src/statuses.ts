export const MSP_ORDER_STATUSES = [
  'initialized', 'uncleared', 'reserved', 'completed', 'declined', 'cancelled', 'void', 'expired',
  'refunded', 'partial_refunded', 'chargedback', 'shipped',
] as const;
export type MspOrderStatus = (typeof MSP_ORDER_STATUSES)[number];

export const MSP_FINANCIAL_STATUSES = ['initialized', 'uncleared', 'completed', 'declined', 'cancelled', 'void', 'expired', 'reserved', 'refunded'] as const;

/** Lower-cases and accepts both spellings of a chargeback (`chargeback` in the spec, `chargedback` in SDKs). */
export function normaliseStatus(s: string): MspOrderStatus | undefined {
  const v = s.toLowerCase() === 'chargeback' ? 'chargedback' : s.toLowerCase();
  return (MSP_ORDER_STATUSES as readonly string[]).includes(v) ? (v as MspOrderStatus) : undefined;
}
