/** The sandbox account's activated payment methods (compare examples/responses/listGateways.json). */
export const GATEWAYS: { id: string; description: string }[] = [
  { id: 'AMEX', description: 'American Express' },
  { id: 'BANKTRANS', description: 'Bank transfer' },
  { id: 'DIRDEB', description: 'Direct debit' },
  { id: 'IDEAL', description: 'iDEAL' },
  { id: 'MAESTRO', description: 'Maestro' },
  { id: 'MASTERCARD', description: 'Mastercard' },
  { id: 'MISTERCASH', description: 'Bancontact' },
  { id: 'PAYPAL', description: 'PayPal' },
  { id: 'VISA', description: 'Visa' },
];

export const COUPONS: { id: string; description: string }[] = [
  { id: 'VVVGIFTCRD', description: 'VVV Cadeaukaart' },
  { id: 'EDENCOM', description: 'Edenred Ticket Compliments' },
];

/** Gateways the sandbox can take a payment for (generic CREDITCARD is accepted but not listed, as at MSP). */
export const PAYABLE = new Set(['CREDITCARD', ...GATEWAYS.map((g) => g.id), ...COUPONS.map((g) => g.id)]);

export const IDEAL_ISSUERS = [
  { code: '3151', description: 'Test bank' },
  { code: '0031', description: 'ABN AMRO' },
  { code: '0721', description: 'ING' },
  { code: '0021', description: 'Rabobank' },
];
