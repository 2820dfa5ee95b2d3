export interface RelatedTransaction {
  transaction_id: bigint;
  order_id: string;
  refund_order_id?: string;
  type: 'refund' | 'capture' | 'chargeback' | 'auth-cancellation';
  status: string;
  amount: number;
  currency: string;
  description?: string;
  created: string;
  modified: string;
}

export interface CardOnFile {
  last4: string;
  expiry: string;
  brand: string;
}

/** An order as the simulated MSP keeps it. Card numbers and CVCs are never kept, only last4 and expiry. */
export interface SandboxOrder {
  order_id: string;
  transaction_id: bigint;
  session_id: string;
  payment_url: string;
  type: string;
  gateway: string | null;
  currency: string;
  amount: number;
  amount_refunded: number;
  description: string;
  status: string;
  financial_status: string;
  reason: string;
  reason_code: string;
  created: Date;
  modified: Date;
  completed: Date | null;
  expires_at: Date;
  customer: Record<string, unknown>;
  payment_options: Record<string, unknown>;
  flexible_3d: boolean | undefined;
  /** The request without card data. */
  request: Record<string, unknown>;
  card: CardOnFile | null;
  payment_details: Record<string, unknown>;
  related_transactions: RelatedTransaction[];
  /** Amount and time of recent refunds, for MSP's "same amount within 5 minutes" rule. */
  manual_capture: boolean;
}
