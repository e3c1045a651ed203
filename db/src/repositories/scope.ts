import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';

/**
 * Puts the rest of the caller's transaction under the wijkteam's row-level security (db/src/schema/row-security.ts): from here on
 * Postgres shows only cases handed over to `gemeente`, whatever the application asks. Must run inside a
 * transaction (both settings are local to it).
 */
export async function enterWijkteamScope(tx: DbOrTx, gemeente: string): Promise<void> {
  await tx.execute(sql`select set_config('vt.gemeente', ${gemeente}, true), set_config('role', 'vt_wijkteam', true)`);
}
