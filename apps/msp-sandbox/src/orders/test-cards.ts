/** How MSP's test cards behave (API-NOTES §5.1). Unknown cards with a valid check digit simply pay. */
export interface CardBehaviour {
  brand: string;
  enrolled: boolean;
  /** After (successful) 3-D Secure. */
  outcome: 'completed' | 'declined_3ds' | 'declined_funds' | 'uncleared_then_void' | 'uncleared_then_completed';
}

const CARDS: Record<string, CardBehaviour> = {
  '4111111111111111': { brand: 'VISA', enrolled: true, outcome: 'completed' },
  '4761340000000019': { brand: 'VISA', enrolled: true, outcome: 'completed' },
  '5500000000000004': { brand: 'MASTERCARD', enrolled: true, outcome: 'completed' },
  '6799990000000000011': { brand: 'MAESTRO', enrolled: true, outcome: 'completed' },
  '374500000000015': { brand: 'AMEX', enrolled: true, outcome: 'completed' },
  '4917300000000008': { brand: 'VISA', enrolled: true, outcome: 'uncleared_then_void' },
  '4462000000000003': { brand: 'VISA', enrolled: true, outcome: 'uncleared_then_completed' },
  '378734493671000': { brand: 'AMEX', enrolled: true, outcome: 'uncleared_then_void' },
  '4012001037461114': { brand: 'VISA', enrolled: true, outcome: 'declined_3ds' },
  '374200000000004': { brand: 'AMEX', enrolled: true, outcome: 'declined_3ds' },
  '4012001038488884': { brand: 'VISA', enrolled: true, outcome: 'declined_funds' },
  '4012001038443335': { brand: 'VISA', enrolled: false, outcome: 'completed' },
  '6759000000005': { brand: 'MAESTRO', enrolled: true, outcome: 'completed' },
  '378282246310005': { brand: 'AMEX', enrolled: true, outcome: 'completed' },
};

export function luhnValid(number: string): boolean {
  if (!/^\d{12,19}$/.test(number)) return false;
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let d = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function brandOf(number: string): string {
  if (number.startsWith('4')) return 'VISA';
  if (/^(5[1-5]|2[2-7])/.test(number)) return 'MASTERCARD';
  if (/^3[47]/.test(number)) return 'AMEX';
  if (/^(5018|5020|5038|6304|67)/.test(number)) return 'MAESTRO';
  return 'CREDITCARD';
}

export function cardBehaviour(number: string): CardBehaviour | undefined {
  const digits = number.replace(/\s+/g, '');
  if (CARDS[digits]) return CARDS[digits];
  return luhnValid(digits) ? { brand: brandOf(digits), enrolled: true, outcome: 'completed' } : undefined;
}

export const CARD_GATEWAYS = new Set(['CREDITCARD', 'VISA', 'MASTERCARD', 'MAESTRO', 'AMEX']);
