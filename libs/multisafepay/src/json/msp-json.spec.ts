import { MspRawNumber, parseMspJson, stringifyMspJson } from './msp-json.js';
import { normaliseOrder } from './normalise-order.js';

describe('MSP JSON', () => {
  it('keeps 16 and 17 digit ids exact', () => {
    const parsed = parseMspJson('{"transaction_id":17472052901237122,"amount":1000,"rate":0.21}') as Record<string, unknown>;
    expect(parsed).toEqual({ transaction_id: '17472052901237122', amount: 1000, rate: 0.21 });
    expect(normaliseOrder(parseMspJson('{"transaction_id":4680345,"payment_details":{"last4":1111}}'))).toMatchObject({ transaction_id: '4680345', payment_details: { last4: '1111' } });
  });

  it('parses ordinary JSON the same as JSON.parse', () => {
    const text = '{"a":[1,2.5,-3],"b":"text with 1234567890123456 digits","c":null,"d":{"e":true}}';
    expect(parseMspJson(text)).toEqual(JSON.parse(text));
    expect(parseMspJson('{"id":9007199254740993}')).toEqual({ id: '9007199254740993' });
  });

  it('writes bigint and raw numbers as bare JSON numbers', () => {
    expect(stringifyMspJson({ a: 1753953275109182n, b: new MspRawNumber('17472052901237122'), c: 'x' })).toBe('{"a":1753953275109182,"b":17472052901237122,"c":"x"}');
  });

  it('refuses non-objects as orders', () => {
    expect(() => normaliseOrder([1])).toThrow();
    expect(() => normaliseOrder(null)).toThrow();
  });
});
