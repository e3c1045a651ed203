// Chain messages in bulk (api.md, "Meldingen from outside"): what became of each message a partner sent, by its own
// id, so that a replay creates nothing new and a partner can ask for a message's result later.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { ketenberichten } from '../schema/index.ts';

export type Ketenbericht = typeof ketenberichten.$inferSelect;

/** The partner's earlier messages among `ids`, by id (one query for a whole batch). */
export async function findKetenberichten(db: DbOrTx, clientId: string, ids: readonly string[]): Promise<Map<string, Ketenbericht>> {
  if (!ids.length) return new Map();
  const rows = await db.select().from(ketenberichten).where(and(eq(ketenberichten.clientId, clientId), inArray(ketenberichten.berichtId, [...ids])));
  return new Map(rows.map((r) => [r.berichtId, r]));
}

export async function findKetenbericht(db: DbOrTx, clientId: string, berichtId: string): Promise<Ketenbericht | undefined> {
  return (await findKetenberichten(db, clientId, [berichtId])).get(berichtId);
}

/**
 * Claims a message id for a new melding, in the transaction that creates it: true when this call may create it (the
 * id is new, or was rejected before); false when another request created it first (it waited for that one's commit).
 */
export async function claimKetenbericht(tx: DbOrTx, clientId: string, berichtId: string, requestHash: string): Promise<boolean> {
  const rows = await tx.execute(sql`
    insert into ${ketenberichten} (client_id, bericht_id, status, request_hash) values (${clientId}, ${berichtId}, 'aangemaakt', ${requestHash})
    on conflict (client_id, bericht_id) do update set status = 'aangemaakt', request_hash = excluded.request_hash, details = null, melding_id = null, reference = null, updated_at = now()
    where ketenberichten.status = 'afgewezen'
    returning 1`);
  return rows.length === 1;
}

export async function completeKetenbericht(tx: DbOrTx, clientId: string, berichtId: string, melding: { id: string; reference: string }) {
  await tx
    .update(ketenberichten)
    .set({ meldingId: melding.id, reference: melding.reference, updatedAt: sql`now()` })
    .where(and(eq(ketenberichten.clientId, clientId), eq(ketenberichten.berichtId, berichtId)));
}

/** Records a rejection (with its details), unless the id already created a melding. */
export async function rejectKetenbericht(db: DbOrTx, clientId: string, berichtId: string, requestHash: string, details: { path: string; message: string }[]) {
  await db.execute(sql`
    insert into ${ketenberichten} (client_id, bericht_id, status, request_hash, details) values (${clientId}, ${berichtId}, 'afgewezen', ${requestHash}, ${JSON.stringify(details)}::jsonb)
    on conflict (client_id, bericht_id) do update set request_hash = excluded.request_hash, details = excluded.details, updated_at = now()
    where ketenberichten.status = 'afgewezen'`);
}
