/** Shapes MSP answers with (API-NOTES §1.3-§1.8). Loose on purpose: real payloads vary in type. */
export interface MspEnvelope<T> {
  success: true;
  data: T;
}

export interface MspErrorBody {
  success: false;
  data: Record<string, never> | [];
  error_code: number;
  error_info: string;
}

export interface MspOrder {
  transaction_id?: string;
  order_id: string;
  status?: string;
  financial_status?: string;
  created?: string;
  modified?: string;
  completed?: string | null;
  currency?: string;
  amount?: number;
  amount_refunded?: number;
  description?: string;
  reason?: string;
  reason_code?: string;
  customer?: Record<string, unknown>;
  payment_details?: Record<string, unknown>;
  payment_methods?: Record<string, unknown>[];
  costs?: Record<string, unknown>[];
  related_transactions?: Record<string, unknown>[] | null;
  payment_url?: string;
  [key: string]: unknown;
}

export interface MspCreateOrderResult {
  order_id: string;
  payment_url?: string;
  session_id?: string;
  transaction_id?: string;
  [key: string]: unknown;
}

export interface MspGateway {
  id: string;
  description: string;
  type?: string;
}

export interface MspIssuer {
  code: string;
  description: string;
}

export interface MspRefundRequest {
  currency: string;
  amount?: number;
  description?: string;
  refund_order_id?: string;
  [key: string]: unknown;
}

export interface MspRefundResult {
  transaction_id?: string;
  refund_id?: string;
  order_id?: string;
  [key: string]: unknown;
}

export interface MspListPager {
  after?: string | null;
  before?: string | null;
  limit?: number;
  cursor?: { after?: string | null; before?: string | null };
}
