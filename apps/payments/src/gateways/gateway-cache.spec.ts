import { TtlCache } from './gateway-cache.js';

describe('TtlCache', () => {
  it('shares one load between concurrent callers and serves the cached value after', async () => {
    const cache = new TtlCache<number>(60_000);
    let calls = 0;
    const load = async () => { calls += 1; await new Promise((r) => setTimeout(r, 10)); return 42; };
    expect(await Promise.all([cache.get('k', load), cache.get('k', load), cache.get('k', load)])).toEqual([42, 42, 42]);
    expect(await cache.get('k', load)).toBe(42);
    expect(calls).toBe(1);
  });

  it('does not cache failures', async () => {
    const cache = new TtlCache<number>(60_000);
    await expect(cache.get('k', async () => { throw new Error('down'); })).rejects.toThrow('down');
    expect(await cache.get('k', async () => 7)).toBe(7);
  });

  it('expires entries after the ttl', async () => {
    const cache = new TtlCache<number>(5);
    let n = 0;
    await cache.get('k', async () => ++n);
    await new Promise((r) => setTimeout(r, 15));
    expect(await cache.get('k', async () => ++n)).toBe(2);
  });
});
