import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema.ts';

export type Db = PostgresJsDatabase<typeof schema>;
/** A transaction handle has the same query API as the database; repositories accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface DbHandle {
  db: Db;
  sql: postgres.Sql;
  close(): Promise<void>;
}

export interface DbOptions {
  max?: number;
  applicationName?: string;
}

export function createDb(url: string, options: DbOptions = {}): DbHandle {
  const sql = postgres(url, {
    max: options.max ?? 10,
    // Postgres notices (e.g. "relation already exists, skipping") are not our log's business.
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? 'veilig-thuis' },
    // Fail fast when the database is unreachable instead of hanging a request for the default 30 s.
    connect_timeout: 5,
    idle_timeout: 60,
  });
  const db = drizzle(sql, { schema, casing: 'snake_case' });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}
