import type pg from 'pg';

/**
 * Every row of every table in the public schema as JSON text: a logical dump to search for data that
 * must never be stored (card numbers, CVCs, keys). pg_dump is not used because the system's client may be
 * older than the embedded server.
 */
export async function dumpDatabase(db: pg.Pool): Promise<string> {
  const { rows: tables } = await db.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
  const parts: string[] = [];
  for (const { tablename } of tables) {
    const { rows } = await db.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM public.${JSON.stringify(tablename)} t`);
    parts.push(`-- ${tablename}`, ...rows.map((r) => r.row));
  }
  return parts.join('\n');
}
