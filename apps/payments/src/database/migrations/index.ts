import { InitialSchema1764000000000 } from './1764000000000-initial-schema.js';
import { InboundNotifications1764000100000 } from './1764000100000-inbound-notifications.js';
import { Deliveries1764000200000 } from './1764000200000-deliveries.js';
import { CustomersRefundsIdempotency1764000300000 } from './1764000300000-customers-refunds-idempotency.js';
import { OrdersWritePath1764000400000 } from './1764000400000-orders-write-path.js';

/** Listed explicitly (not globbed) so the same list works from sources under vitest and from dist. */
export const MIGRATIONS = [
  InitialSchema1764000000000, InboundNotifications1764000100000, Deliveries1764000200000, CustomersRefundsIdempotency1764000300000,
  OrdersWritePath1764000400000,
];
