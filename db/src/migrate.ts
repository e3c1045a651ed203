import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

// Spelled from the project root so it resolves the same from db/src and from a bundle in server/dist or workers/dist.
export const migrationsFolder = fileURLToPath(new URL('../../db/drizzle', import.meta.url));

/**
 * What one process of many does while the others wait (issue #19: no home-made coordination): a Postgres session
 * lock on a connection of its own, released when `fn` ends or, should the process die, when its connection drops.
 */
export const ADVISORY_LOCKS = { migrations: 7411, demoSeed: 7412 } as const;

export async function withAdvisoryLock<T>(url: string, key: number, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await sql`select pg_advisory_lock(${key})`;
    try {
      return await fn(sql);
    } finally {
      await sql`select pg_advisory_unlock(${key})`.catch(() => {});
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Runs the generated migrations on a single connection of its own (drizzle-orm's postgres-js README). API and worker
 * processes starting at once (a deploy of several replicas) must not migrate concurrently: the first migrates, the
 * others then find nothing left to do.
 */
export async function runMigrations(url: string): Promise<void> {
  await withAdvisoryLock(url, ADVISORY_LOCKS.migrations, (sql) => migrate(drizzle(sql), { migrationsFolder }));
}
