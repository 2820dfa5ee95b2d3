import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

// `timestamp` (without zone) columns hold MSP's zone-less times: keep them as text, never shift them by the
// process time zone.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (text) => text.replace(' ', 'T'));

/** One definition for the app, the tests and the TypeORM CLI. `synchronize` is never on: migrations only. */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error', 'migration'],
    extra: { max: poolSize, application_name: 'payments' },
  };
}

// The TypeORM CLI (`npx typeorm -d dist/.../data-source.js migration:run`) needs a default export.
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:54329/payments'));
