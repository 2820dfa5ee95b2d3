/** MSP writes timestamps as ISO-8601 without a zone (`2026-11-24T21:30:00`); we answer in the same form, in UTC. */
export const toMspTime = (d: Date | null | undefined): string | null =>
  d ? d.toISOString().slice(0, 19) : null;

const MSP_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/;

/** Keeps an MSP timestamp as text (compared in SQL as `timestamp`), or undefined when absent or malformed. */
export const mspTimeOrUndefined = (v: unknown): string | undefined =>
  typeof v === 'string' && MSP_TIME.test(v) ? v : undefined;
