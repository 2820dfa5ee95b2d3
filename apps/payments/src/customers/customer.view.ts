export interface CustomerRow {
  id: string;
  reference: string | null;
  profile: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
  erased_at: Date | null;
}

/** MSP's customer object plus our id, reference and times. */
export const toCustomerView = (r: CustomerRow) => ({
  ...r.profile,
  id: r.id,
  reference: r.reference,
  created: r.created_at.toISOString(),
  modified: r.updated_at.toISOString(),
  erased_at: r.erased_at ? r.erased_at.toISOString() : null,
});
