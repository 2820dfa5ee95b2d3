import type { ValueTransformer } from 'typeorm';

/**
 * Money lives in `bigint` columns (minor units). pg returns int8 as a string; amounts stay far below
 * 2^53, so they are exposed as numbers, and anything larger is refused rather than rounded.
 */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => {
    if (value === null || value === undefined) return value;
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new Error(`int8 value ${value} exceeds the safe integer range`);
    return n;
  },
};
