// Requests to destroy a case file on behalf of a betrokkene (domain.md: files are kept up to 20 years, and a court
// ordered destruction where no substantial interest was shown, so requests need a workflow): asked by the case
// worker, decided by the privacy officer; a granted request anonymises the case at once (retention.ts).
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { meldingen, users, vernietigingsverzoeken as v } from '../schema/index.ts';
import { LifecycleConflict } from './lifecycle.ts';
import { anonymiseMelding } from './retention.ts';

/** A new request for a case; null when the case does not exist. One open request per case at a time. */
export async function requestDestruction(tx: DbOrTx, r: { meldingId: string; reden: string; actorId: string }): Promise<string | null> {
  const [m] = await tx.select({ id: meldingen.id, anonymisedAt: meldingen.anonymisedAt }).from(meldingen).where(eq(meldingen.id, r.meldingId));
  if (!m) return null;
  if (m.anonymisedAt) throw new LifecycleConflict('Dit dossier is al vernietigd of geanonimiseerd.');
  const [open] = await tx.select({ id: v.id }).from(v).where(and(eq(v.meldingId, m.id), eq(v.status, 'aangevraagd')));
  if (open) throw new LifecycleConflict('Er loopt al een verzoek tot vernietiging voor dit dossier.');
  const [row] = await tx.insert(v).values({ meldingId: m.id, reden: r.reden.trim(), requestedBy: r.actorId }).returning({ id: v.id });
  return row!.id;
}

/**
 * The privacy officer's decision on an open request, once (the row lock keeps two decisions from crossing); a
 * granted one anonymises the case in the same transaction. Null when the request does not exist.
 */
export async function decideDestruction(tx: DbOrTx, d: { id: string; besluit: 'toegewezen' | 'afgewezen'; reden: string; actorId: string; now: Date }) {
  const [r] = await tx.select().from(v).where(eq(v.id, d.id)).for('update');
  if (!r) return null;
  if (r.status !== 'aangevraagd') throw new LifecycleConflict('Over dit verzoek is al besloten.');
  const granted = d.besluit === 'toegewezen';
  await tx
    .update(v)
    .set({ status: d.besluit, besluitReden: d.reden.trim(), decidedBy: d.actorId, decidedAt: d.now, ...(granted ? { executedAt: d.now } : {}) })
    .where(eq(v.id, r.id));
  if (granted) await anonymiseMelding(tx, r.meldingId, d.now);
  return { id: r.id, meldingId: r.meldingId, granted };
}

/** The requests, open ones first, then the newest; at most 500. */
export async function listDestructionRequests(tx: DbOrTx) {
  const rows = await tx
    .select({ r: v, reference: meldingen.reference, naam: users.naam })
    .from(v)
    .innerJoin(meldingen, eq(meldingen.id, v.meldingId))
    .innerJoin(users, eq(users.id, v.requestedBy))
    .orderBy(sql`${v.status} = 'aangevraagd' desc`, desc(v.requestedAt))
    .limit(500);
  return rows.map(({ r, reference, naam }) => ({
    id: r.id,
    meldingId: r.meldingId,
    reference,
    reden: r.reden,
    requestedBy: { id: r.requestedBy, naam },
    requestedAt: r.requestedAt.toISOString(),
    status: r.status,
    besluitReden: r.besluitReden,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    executedAt: r.executedAt?.toISOString() ?? null,
  }));
}
