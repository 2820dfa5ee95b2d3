import { stripCardData } from './card-data.js';

describe('stripCardData', () => {
  it('removes card number, CVC and expiry at any depth, and copies', () => {
    const input = { gateway_info: { card_number: '4111111111111111', card_cvc: '123', card_expiry_date: '2812', flexible_3d: true }, list: [{ cvc: '1' }], x: 1 };
    const out = stripCardData(input);
    expect(out).toEqual({ gateway_info: { flexible_3d: true }, list: [{}], x: 1 });
    expect(input.gateway_info.card_number).toBe('4111111111111111');
  });
});
