import type { Pool, PoolClient } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/** A statement Postgres parses and plans once per connection, under a name unique in the app. */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

export const preparedStatement = (name: string, text: string): PreparedStatement => ({ name, text });

/**
 * Runs a hot-path statement as a named prepared statement. Planning the state path's multi-statement CTEs cost
 * 0.2-0.3 ms of Postgres time on every call (pg_stat_statements in `bench/`); prepared, it is done once per
 * connection. TypeORM's query() cannot name a statement, so this goes to the pg connection underneath:
 * the transaction's own inside one, TypeORM's pool otherwise. Answers the rows (RETURNING rows for writes).
 */
export async function preparedQuery<T>(on: DataSource | EntityManager, statement: PreparedStatement, values: unknown[]): Promise<T[]> {
  const config = { name: statement.name, text: statement.text, values };
  if (!(on instanceof DataSource) && on.queryRunner) {
    const client = (await on.queryRunner.connect()) as PoolClient;
    return (await client.query(config)).rows as T[];
  }
  const dataSource = on instanceof DataSource ? on : on.connection;
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  return (await pool.query(config)).rows as T[];
}
