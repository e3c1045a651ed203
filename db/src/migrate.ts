import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

// Spelled from the project root so it resolves the same from db/src and from a bundle in server/dist or workers/dist.
export const migrationsFolder = fileURLToPath(new URL('../../db/drizzle', import.meta.url));

/** Runs the generated migrations on a single connection of its own (drizzle-orm's postgres-js README). */
export async function runMigrations(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    // Two processes starting at once (API and worker) must not migrate concurrently.
    await sql`select pg_advisory_lock(7411)`;
    await migrate(drizzle(sql), { migrationsFolder });
    await sql`select pg_advisory_unlock(7411)`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
