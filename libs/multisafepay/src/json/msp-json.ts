import { isSafeNumber, parse, stringify, LosslessNumber } from 'lossless-json';

/** A number written verbatim into JSON, for ids beyond JS's safe integers (MSP's 16-17 digit PSP ids). */
export class MspRawNumber {
  constructor(readonly digits: string) {
    if (!/^-?\d+(\.\d+)?$/.test(digits)) throw new Error('MspRawNumber takes decimal digits');
  }
}

const parseNumber = (text: string): number | string => (isSafeNumber(text) ? Number(text) : /^-?\d+$/.test(text) ? text : Number(text));

/** Sixteen digits or more in a row: the only way a number can be beyond 2^53 (or be a long decimal). */
const LONG_DIGITS = /\d{16}/;

/** JSON.parse, except that integers beyond Number.MAX_SAFE_INTEGER stay exact, as decimal strings. */
export function parseMspJson(text: string): unknown {
  // The lossless parser is several times slower; only texts that can hold such a number need it.
  return LONG_DIGITS.test(text) ? parse(text, null, parseNumber) : JSON.parse(text);
}

/** JSON.stringify, except that `bigint` and MspRawNumber values are written as bare JSON numbers. */
export function stringifyMspJson(value: unknown): string {
  const out = stringify(value, (_key, v) => {
    if (typeof v === 'bigint') return new LosslessNumber(v.toString());
    if (v instanceof MspRawNumber) return new LosslessNumber(v.digits);
    return v;
  });
  return out ?? 'null';
}
