import { mkdtemp, rm, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../apps/payments/src/database/embedded-postgres.js';
import { freePort } from './free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

/**
 * One real Postgres for the whole run: a server from TEST_DATABASE_URL, or an embedded one on a free port
 * with a throwaway data folder. Each test file then gets a database of its own (see test-database.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide('pgAdminUrl', given);
    return async () => undefined;
  }
  const dir = await mkdtemp(join(tmpdir(), 'payments-test-pg-'));
  await chmod(dir, 0o755);
  const db = await startEmbeddedPostgres({ dataDir: join(dir, 'cluster'), port: await freePort(), database: 'postgres', persistent: false });
  project.provide('pgAdminUrl', db.url);
  return async () => {
    await db.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
