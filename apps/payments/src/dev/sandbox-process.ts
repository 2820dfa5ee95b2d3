import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Logger } from '@nestjs/common';

/** Where `npm run build` puts the sandbox, relative to this file in dist/apps/payments/apps/payments/src/dev/. */
const SANDBOX_ENTRY = fileURLToPath(new URL('../../../../../msp-sandbox/apps/msp-sandbox/src/main.js', import.meta.url));

async function waitUntilUp(url: string, child: ChildProcess, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`The MSP sandbox exited with code ${child.exitCode}`);
    const up = await fetch(url).then(() => true, () => false);
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The MSP sandbox did not come up at ${url}`);
}

/**
 * `npm start` without an MSP account: run the sandbox as its own process (it is a separate app, as MSP
 * would be), accepting exactly our MSP_API_KEY. It stops with us.
 */
export async function launchSandbox(opts: { port: number; apiKey: string }): Promise<{ url: string; stop(): void }> {
  if (!existsSync(SANDBOX_ENTRY)) throw new Error(`MSP sandbox build not found at ${SANDBOX_ENTRY}: run npm run build`);
  const child = spawn(process.execPath, [SANDBOX_ENTRY], {
    env: { ...process.env, SANDBOX_PORT: String(opts.port), MSP_API_KEY: opts.apiKey },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.once('exit', stop);
  const url = `http://127.0.0.1:${opts.port}`;
  await waitUntilUp(`${url}/v1/json/gateways`, child, 20_000).catch((e) => {
    stop();
    throw e;
  });
  new Logger('Sandbox').log(`MSP sandbox running at ${url}`);
  return { url, stop };
}
