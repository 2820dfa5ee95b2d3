/** The project's canonical example body, verbatim (a redirect card order with Flexible 3D). */
export const SEED_ORDER = {
  type: 'redirect',
  order_id: 'my-order-id-1',
  gateway: 'CREDITCARD',
  currency: 'EUR',
  amount: 1000,
  description: 'Test Order Description',
  payment_options: {
    notification_url: 'https://www.example.com/client/notification?type=notification',
    redirect_url: 'https://www.example.com/client/notification?type=redirect',
    cancel_url: 'https://www.example.com/client/notification?type=cancel',
    close_window: '',
  },
  customer: {
    locale: 'nl_NL',
    ip_address: '123.123.123.123',
    forwarded_ip: '',
    first_name: 'Testperson-nl',
    last_name: 'Approved',
    address1: 'Kraanspoor',
    address2: '',
    house_number: '39',
    zip_code: '1033SC',
    city: 'Amsterdam',
    state: '',
    country: 'NL',
    phone: '0208500500',
    email: 'test@example.com',
    referrer: 'https://example.com',
    user_agent: 'Mozilla/5.0',
  },
  gateway_info: {
    card_number: '',
    card_holder_name: '',
    card_expiry_date: '',
    card_cvc: '',
    flexible_3d: true,
    term_url: '',
  },
};

let counter = 0;

/** The seed with a fresh order_id, so tests sharing one sandbox never collide. */
export function seedWith(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return { ...structuredClone(SEED_ORDER), order_id: `sbx-${process.pid}-${Date.now()}-${counter}`, ...overrides };
}
