import { ConfigError, DEFAULT_SANDBOX_API_KEY, loadConfig } from './load-config.js';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
};

describe('loadConfig', () => {
  it('defaults to the sandbox, an embedded database and port 3000', () => {
    const c = loadConfig({});
    expect(c.http.port).toBe(3000);
    expect(c.database.url).toBeUndefined();
    expect(c.msp).toMatchObject({ env: 'sandbox', apiKey: DEFAULT_SANDBOX_API_KEY, baseUrl: 'http://127.0.0.1:4010/v1/json', launchSandbox: true, notificationMaxAgeSeconds: 600 });
    expect(c.clients.seeds).toBeUndefined();
  });

  it('uses MSP test when a key is given without MSP_ENV, and never launches the sandbox then', () => {
    const c = loadConfig({ MSP_API_KEY: 'k'.repeat(40), MASTER_KEY: 'a'.repeat(64) });
    expect(c.msp).toMatchObject({ env: 'test', baseUrl: 'https://testapi.multisafepay.com/v1/json', launchSandbox: false });
  });

  it('parses API_CLIENTS', () => {
    const c = loadConfig({ API_CLIENTS: 'checkout:aaaaaaaaaaaaaaaa1, billing:bbbbbbbbbbbbbbbb2' });
    expect(c.clients.seeds).toEqual([{ name: 'checkout', key: 'aaaaaaaaaaaaaaaa1' }, { name: 'billing', key: 'bbbbbbbbbbbbbbbb2' }]);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ MSP_ENV: 'prod' }, 'MSP_ENV'],
    [{ MSP_BASE_URL: 'not a url' }, 'MSP_BASE_URL'],
    [{ API_CLIENTS: 'checkout' }, 'API_CLIENTS'],
    [{ API_CLIENTS: 'checkout:short' }, 'API_CLIENTS'],
    [{ API_CLIENTS: 'a:aaaaaaaaaaaaaaaa1,a:bbbbbbbbbbbbbbbb2' }, 'API_CLIENTS'],
    [{ MSP_NOTIFICATION_MAX_AGE_S: '-1' }, 'MSP_NOTIFICATION_MAX_AGE_S'],
    [{ SANDBOX_PORT: '70000' }, 'SANDBOX_PORT'],
    [{ MSP_ENV: 'live' }, 'MSP_API_KEY'],
    [{ MSP_ENV: 'test', MSP_API_KEY: 'x'.repeat(30) }, 'MASTER_KEY'],
    [{ MSP_ENV: 'live', MSP_API_KEY: 'x'.repeat(30), MASTER_KEY: 'a'.repeat(64) }, 'API_CLIENTS'],
  ])('names the bad variable: %j', (env, variable) => {
    const problems = problemsOf(env as Record<string, string>);
    expect(problems.join('\n')).toContain(variable);
  });

  it('never echoes a secret value in its errors', () => {
    const problems = problemsOf({ API_CLIENTS: 'checkout:supersecretvalue' + ',', MASTER_KEY: 'not-a-real-master-key-secret' });
    expect(problems.join('\n')).not.toContain('supersecretvalue');
    expect(problems.join('\n')).not.toContain('not-a-real-master-key-secret');
  });

  it('turns the notification age check off with 0', () => {
    expect(loadConfig({ MSP_NOTIFICATION_MAX_AGE_S: '0' }).msp.notificationMaxAgeSeconds).toBe(0);
  });
});
