import { hostAllowed } from './host-allowlist.js';

describe('hostAllowed', () => {
  it('allows anything without a list', () => expect(hostAllowed('evil.example', undefined)).toBe(true));
  it('matches exact hosts and wildcard subdomains only', () => {
    const list = ['hooks.example.com', '*.internal.example'];
    expect(hostAllowed('hooks.example.com', list)).toBe(true);
    expect(hostAllowed('HOOKS.example.com', list)).toBe(true);
    expect(hostAllowed('a.internal.example', list)).toBe(true);
    expect(hostAllowed('internal.example', list)).toBe(false);
    expect(hostAllowed('evilinternal.example', list)).toBe(false);
    expect(hostAllowed('hooks.example.com.evil.io', list)).toBe(false);
  });
});
