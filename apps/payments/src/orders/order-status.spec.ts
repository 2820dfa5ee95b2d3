import { decideTransition, FINAL_STATUSES, ORDER_STATUSES, toOrderStatus } from './order-status.js';

describe('order status table', () => {
  it('never goes back to initialized', () => {
    for (const from of ORDER_STATUSES.filter((s) => s !== 'initialized')) {
      expect(decideTransition(from, 'initialized').kind).toBe('illegal');
    }
  });

  it('skips states whose notifications were missed, but never goes back', () => {
    expect(decideTransition('initialized', 'refunded').kind).toBe('apply');
    expect(decideTransition('initialized', 'partial_refunded').kind).toBe('apply');
    expect(decideTransition('refunded', 'completed').kind).toBe('illegal');
    expect(decideTransition('partial_refunded', 'completed').kind).toBe('illegal');
    expect(decideTransition('shipped', 'completed').kind).toBe('illegal');
  });

  it('moves completed on only to refunds, chargeback and shipped', () => {
    const allowed = ORDER_STATUSES.filter((to) => decideTransition('completed', to).kind === 'apply');
    expect(allowed.sort()).toEqual(['chargedback', 'partial_refunded', 'refunded', 'shipped']);
  });

  it('applies a late completed on a failed order and flags it', () => {
    for (const from of ['cancelled', 'expired', 'void', 'declined'] as const) {
      expect(decideTransition(from, 'completed')).toEqual({ kind: 'apply', flag: 'late_completed' });
    }
  });

  it('lets an uncaptured authorisation go void, but not a paid order', () => {
    expect(decideTransition('completed', 'void', 'initialized').kind).toBe('apply');
    expect(decideTransition('completed', 'void', 'completed').kind).toBe('illegal');
  });

  it('treats a repeated state as a no-op, except another partial refund', () => {
    expect(decideTransition('completed', 'completed').kind).toBe('same');
    expect(decideTransition('partial_refunded', 'partial_refunded').kind).toBe('apply');
  });

  it('accepts both chargeback spellings and rejects unknown statuses', () => {
    expect(toOrderStatus('chargeback')).toBe('chargedback');
    expect(toOrderStatus('CHARGEDBACK')).toBe('chargedback');
    expect(toOrderStatus('paid')).toBeUndefined();
  });

  it('has final states with no way out but chargeback of a refund', () => {
    expect(FINAL_STATUSES.has('completed')).toBe(false);
    expect(decideTransition('chargedback', 'refunded').kind).toBe('illegal');
  });
});
