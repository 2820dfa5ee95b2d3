import { mspTime } from './clock.js';
import type { SandboxOrder } from './sandbox-order.js';

/** The order as MSP's GET /orders/{id} shows it (compare examples/responses/getOrder.json). */
export function toMspOrder(o: SandboxOrder): Record<string, unknown> {
  const c = o.customer;
  return {
    transaction_id: o.transaction_id,
    order_id: o.order_id,
    created: mspTime(o.created),
    modified: mspTime(o.modified),
    completed: o.completed ? mspTime(o.completed) : null,
    currency: o.currency,
    amount: o.amount,
    amount_refunded: o.amount_refunded,
    description: o.description,
    // MSP sends null when the order has no items HTML (getOrder.json, postOrdersDirectIdeal.json, the webhook sample).
    items: o.request.items ?? null,
    status: o.status,
    financial_status: o.financial_status,
    reason: o.reason,
    reason_code: o.reason_code,
    fastcheckout: 'NO',
    var1: o.request.var1 ?? null,
    var2: o.request.var2 ?? null,
    var3: o.request.var3 ?? null,
    custom_info: { custom_1: null, custom_2: null, custom_3: null, ...(o.request.custom_info as object | undefined) },
    customer: {
      address1: c.address1 ?? null, address2: c.address2 ?? null, city: c.city ?? null, country: c.country ?? null,
      country_name: null, email: c.email ?? null, first_name: c.first_name ?? null, house_number: c.house_number ?? null,
      last_name: c.last_name ?? null, locale: c.locale ?? 'en_US', phone1: c.phone ?? null, phone2: '', state: c.state ?? null,
      zip_code: c.zip_code ?? null,
    },
    payment_details: o.payment_details,
    payment_methods: o.status === 'initialized' ? [] : [{
      amount: o.amount, currency: o.currency, description: o.description, status: o.financial_status,
      type: o.payment_details.type, ...(o.card ? { last4: o.card.last4, card_expiry_date: o.card.expiry } : {}),
    }],
    costs: [],
    related_transactions: o.related_transactions.length
      ? o.related_transactions.map((t) => ({ ...t, costs: [] }))
      : null,
    payment_url: o.status === 'initialized' ? o.payment_url : undefined,
  };
}
