// Reading a case under the record rule. Which case an actor may open is decided once, in SQL
// (db/src/repositories/access.ts), and checked for every case route by the case-access plugin before its handler
// runs (plugins/app/case-access.ts). What is left here is how the read itself runs for a wijkteam.
import { enterWijkteamScope, isWijkteamOnly, type Actor, type Db, type DbOrTx } from '@vt/db';

/** Whether the melder's identity may be shown: never to a wijkteam (api.md, roles). */
export const seesMelderIdentity = (actor: Actor): boolean => actor.type === 'user' && !isWijkteamOnly(actor);

/**
 * Runs a read and its audit row. A wijkteam's reads run in a transaction under Postgres row-level security for its
 * own gemeente (db/src/schema/row-security.ts): the second line behind the record rule, so a mistake in a query or in the rule
 * still cannot show it another gemeente's case. Other reads go straight to the pool, which saves the BEGIN/COMMIT
 * round trips on the busiest route; the audit row is still written before any data is answered, and a failed
 * audit write answers 503 without the data.
 */
export function scopedRead<T>(db: Db, actor: Actor, read: (q: DbOrTx) => Promise<T>): Promise<T> {
  if (!isWijkteamOnly(actor)) return read(db);
  return db.transaction(async (tx) => {
    await enterWijkteamScope(tx, actor.gemeente ?? '');
    return read(tx);
  });
}
