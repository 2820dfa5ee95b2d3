/** Keys that carry cardholder data: never stored, logged or echoed. */
export const CARD_DATA_KEYS: ReadonlySet<string> = new Set(['card_number', 'card_cvc', 'cvc', 'card_expiry_date', 'cardnumber', 'cvv']);

/** A deep copy without card data anywhere in it. */
export function stripCardData<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => stripCardData(v)) as T;
  if (!value || typeof value !== 'object' || Buffer.isBuffer(value) || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (!CARD_DATA_KEYS.has(k.toLowerCase())) out[k] = stripCardData(v);
  }
  return out as T;
}
