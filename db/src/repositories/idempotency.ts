import { and, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { idempotencyKeys } from '../schema/index.ts';

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'replay'; statusCode: number; response: unknown }
  | { kind: 'mismatch' };

/**
 * Claims an Idempotency-Key inside the transaction that does the work. A concurrent request with the same key
 * waits on the uncommitted row; if the first one commits it gets the stored answer, if it rolls back the key is
 * free again ("a key whose request never completed may be retried").
 */
export async function claimIdempotencyKey(tx: DbOrTx, scope: string, key: string, requestHash: string): Promise<Claim> {
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({ scope, key, requestHash, statusCode: 0, response: {} })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length) return { kind: 'claimed' };
  const [existing] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  if (!existing) return { kind: 'claimed' };
  if (existing.requestHash !== requestHash) return { kind: 'mismatch' };
  return { kind: 'replay', statusCode: existing.statusCode, response: existing.response };
}

export async function completeIdempotencyKey(tx: DbOrTx, scope: string, key: string, statusCode: number, response: unknown) {
  await tx
    .update(idempotencyKeys)
    .set({ statusCode, response })
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
}

/** Keys are kept at least 24 hours (api.md); older ones may go. */
export async function pruneIdempotencyKeys(db: DbOrTx, olderThanHours = 48) {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${olderThanHours})`));
}
