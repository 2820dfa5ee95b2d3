import { BadSignatureLimiter } from './bad-signature-limiter.js';

describe('BadSignatureLimiter', () => {
  it('blocks a source after the limit within a minute, and forgets it after', () => {
    let now = 0;
    const limiter = new BadSignatureLimiter(3, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.isBlocked('1.2.3.4')).toBe(false);
      limiter.record('1.2.3.4');
    }
    expect(limiter.isBlocked('1.2.3.4')).toBe(true);
    expect(limiter.isBlocked('5.6.7.8')).toBe(false);
    now = 60_000;
    expect(limiter.isBlocked('1.2.3.4')).toBe(false);
  });
});
