import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { SEED_ORDER_EXAMPLE } from '@app/multisafepay';
import { createPaymentsApp } from './bootstrap/create-app.js';
import { ApiClientsService, DEV_CLIENT } from './clients/api-clients.service.js';
import { ConfigError, loadConfig } from './config/load-config.js';
import { startEmbeddedPostgres } from './database/embedded-postgres.js';
import { devClientKey } from './dev/dev-client.js';
import { launchSandbox } from './dev/sandbox-process.js';
import { join } from 'node:path';

const logger = new Logger('Payments');

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const stops: (() => unknown)[] = [];

  if (!config.database.url) {
    const db = await startEmbeddedPostgres({ dataDir: join(config.database.dataDir, 'pg'), port: config.database.embeddedPort, database: 'payments' });
    config.database.url = db.url;
    stops.push(() => db.stop());
    logger.log(`Embedded Postgres on 127.0.0.1:${config.database.embeddedPort} (data in ${join(config.database.dataDir, 'pg')})`);
  }
  if (config.msp.launchSandbox) {
    const sandbox = await launchSandbox({ port: config.msp.sandboxPort, apiKey: config.msp.apiKey });
    stops.push(sandbox.stop);
  }

  const app = await createPaymentsApp(config);
  const devKey = config.clients.seeds ? undefined : await devClientKey(config.database.dataDir);
  if (devKey) await app.get(ApiClientsService).upsert(DEV_CLIENT, devKey);
  await app.listen(config.http.port, config.http.host);

  const shutdown = async () => {
    await app.close();
    for (const stop of stops.reverse()) await stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  const base = config.http.publicUrl;
  const lines = [
    `payments listening on ${base} (MSP: ${config.msp.env}, ${config.msp.baseUrl})`,
    `  OpenAPI:  ${base}/docs   (JSON: ${base}/docs-json)`,
    `  Health:   ${base}/health/ready`,
  ];
  if (devKey) {
    const body = JSON.stringify({ ...SEED_ORDER_EXAMPLE, order_id: `demo-${Date.now()}` });
    lines.push(
      `  Dev API key (caller "dev"; exists only while API_CLIENTS is unset): ${devKey}`,
      '  Create the seed order:',
      `  curl -s -X POST ${base}/v1/json/orders -H 'api_key: ${devKey}' -H 'content-type: application/json' -d '${body}'`,
    );
  }
  // A banner for the person who ran `npm start`; deliberately stdout, not a log line.
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(78);
  }
  logger.error(e instanceof Error ? e.stack ?? e.message : String(e));
  process.exit(1);
});
