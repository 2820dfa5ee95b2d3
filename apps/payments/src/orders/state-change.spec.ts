import type { MspOrder } from '@app/multisafepay';
import { planStateChange, type StateRow } from './state-change.js';

const row = (over: Partial<StateRow> = {}): StateRow => ({
  id: 'pk-1', order_id: 'o-1', status: 'initialized', financial_status: 'initialized', msp_modified: '2026-01-01T10:00:00',
  transaction_id: null, amount_refunded: '0', flags: [], version: '731', age_seconds: 12, notification_url: 'https://x.test/n',
  ...over,
});
const snapshot = (over: Partial<MspOrder> = {}): MspOrder =>
  ({ order_id: 'o-1', status: 'completed', financial_status: 'completed', modified: '2026-01-01T10:05:00', amount_refunded: 0, ...over }) as MspOrder;
const now = new Date('2026-01-01T10:05:01Z');

describe('planStateChange', () => {
  it('computes the row after a change: status, snapshot without card data, PSP id, updated_at', () => {
    const change = planStateChange(row(), snapshot({
      transaction_id: '17955500000000001', payment_details: { card_number: '4111111111111111', last4: '1111' },
    } as Partial<MspOrder>), now);
    expect(change).toMatchObject({ outcome: 'applied', from: 'initialized', to: 'completed', final: false });
    if (change.outcome !== 'applied') throw new Error('not applied');
    expect(change.next).toMatchObject({
      status: 'completed', financial_status: 'completed', msp_modified: '2026-01-01T10:05:00', transaction_id: '17955500000000001',
      updated_at: now, sync_attempts: 0, version: '731', notification_url: 'https://x.test/n',
    });
    expect(JSON.stringify(change.next.msp_snapshot)).not.toContain('4111111111111111');
  });

  it('keeps a PSP id already known and the refunded amount when the snapshot has none', () => {
    const change = planStateChange(row({ status: 'completed', financial_status: 'completed', transaction_id: '1', amount_refunded: '300' }),
      snapshot({ status: 'partial_refunded', transaction_id: '2', amount_refunded: undefined }), now);
    if (change.outcome !== 'applied') throw new Error(`expected applied, got ${change.outcome}`);
    expect(change.next).toMatchObject({ transaction_id: '1', amount_refunded: '300' });
  });

  it('calls an older snapshot stale, and a same-state one a duplicate that may still bring the PSP id', () => {
    expect(planStateChange(row(), snapshot({ modified: '2026-01-01T09:59:59' }), now)).toMatchObject({ outcome: 'stale' });
    const same = snapshot({ status: 'initialized', financial_status: 'initialized', transaction_id: 42 as unknown as string });
    expect(planStateChange(row(), same, now)).toEqual({ outcome: 'duplicate', transactionId: '42' });
    expect(planStateChange(row({ transaction_id: '42' }), same, now)).toEqual({ outcome: 'duplicate', transactionId: null });
  });

  it('applies a financial status change within the same status', () => {
    const change = planStateChange(row({ status: 'completed', financial_status: 'initialized' }), snapshot(), now);
    expect(change).toMatchObject({ outcome: 'applied', from: 'completed', to: 'completed' });
  });

  it('ignores unknown statuses and illegal transitions', () => {
    expect(planStateChange(row(), snapshot({ status: 'teleported' }), now)).toMatchObject({ outcome: 'ignored', reason: 'unknown status teleported' });
    expect(planStateChange(row({ status: 'refunded' }), snapshot(), now)).toMatchObject({ outcome: 'ignored' });
  });

  it('flags a late completed once, and marks final statuses', () => {
    const late = planStateChange(row({ status: 'expired', flags: ['late_completed'] }), snapshot(), now);
    expect(late).toMatchObject({ outcome: 'applied', flag: 'late_completed', next: { flags: ['late_completed'] } });
    const declined = planStateChange(row(), snapshot({ status: 'declined', financial_status: 'declined' }), now);
    expect(declined).toMatchObject({ outcome: 'applied', final: true });
  });
});
