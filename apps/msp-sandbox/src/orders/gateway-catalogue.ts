/** The sandbox account's activated payment methods (compare examples/responses/listGateways.json). */
export const GATEWAYS: { id: string; description: string }[] = [
  { id: 'AFTERPAY', description: 'Riverty' },
  { id: 'ALIPAYPLUS', description: 'Alipay+' },
  { id: 'AMAZONBTN', description: 'Amazon Pay' },
  { id: 'AMEX', description: 'American Express' },
  { id: 'APPLEPAY', description: 'Apple Pay' },
  { id: 'BANKTRANS', description: 'Bank transfer' },
  { id: 'BELFIUS', description: 'Belfius' },
  { id: 'BILLINK', description: 'Billink' },
  { id: 'BIZUM', description: 'Bizum' },
  { id: 'BNPL_MF', description: 'Pay After Delivery' },
  { id: 'CBC', description: 'CBC' },
  { id: 'DBRTP', description: 'Request to Pay' },
  { id: 'DIRDEB', description: 'Direct debit' },
  { id: 'DIRECTBANK', description: 'Sofort' },
  { id: 'DOTPAY', description: 'Dotpay' },
  { id: 'EINVOICE', description: 'E-Invoicing' },
  { id: 'EPS', description: 'EPS' },
  { id: 'GIROPAY', description: 'Giropay' },
  { id: 'GOOGLEPAY', description: 'Google Pay' },
  { id: 'IDEAL', description: 'iDEAL' },
  { id: 'IDEALQR', description: 'iDEAL QR' },
  { id: 'IN3', description: 'in3' },
  { id: 'KBC', description: 'KBC' },
  { id: 'KLARNA', description: 'Klarna' },
  { id: 'MAESTRO', description: 'Maestro' },
  { id: 'MASTERCARD', description: 'Mastercard' },
  { id: 'MBWAY', description: 'MB WAY' },
  { id: 'MISTERCASH', description: 'Bancontact' },
  { id: 'MULTIBANCO', description: 'Multibanco' },
  { id: 'MYBANK', description: 'MyBank' },
  { id: 'PAYPAL', description: 'PayPal' },
  { id: 'SANTANDER', description: 'Betaal per Maand' },
  { id: 'TRUSTLY', description: 'Trustly' },
  { id: 'TRUSTPAY', description: 'TrustPay' },
  { id: 'VISA', description: 'Visa' },
  { id: 'WECHAT', description: 'WeChat Pay' },
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
