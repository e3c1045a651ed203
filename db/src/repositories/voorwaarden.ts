// Voorwaarden & Vervolg (domain.md step 3): Veilig Thuis keeps the case and agrees safety conditions with the
// household. Each condition is a record of its own: what was agreed, who watches it (a professional or organisation
// already involved), and when it is reviewed. A condition not kept sends the case back to the MDO queue: the MDO
// chose V&V and now chooses again (onderzoek, as a rule). Events carry ids and dates only, never the free text.
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { meldingen, meldingEvents, vvVoorwaarden } from '../schema/index.ts';
import { LifecycleConflict, move, refreshClock, teamId } from './lifecycle.ts';

export type VoorwaardeUitkomst = 'nagekomen' | 'niet_nagekomen';

export async function addVoorwaarde(
  tx: DbOrTx,
  o: { meldingId: string; omschrijving: string; toezichthouder: string; controleOp: string; actorId: string },
) {
  const [m] = await tx.select({ status: meldingen.status }).from(meldingen).where(eq(meldingen.id, o.meldingId));
  if (!m) return undefined;
  if (m.status !== 'vv') throw new LifecycleConflict('Voorwaarden horen bij een lopend V&V-traject.');
  const [row] = await tx
    .insert(vvVoorwaarden)
    .values({ meldingId: o.meldingId, omschrijving: o.omschrijving, toezichthouder: o.toezichthouder, controleOp: o.controleOp, createdBy: o.actorId })
    .returning();
  await tx.insert(meldingEvents).values({ meldingId: o.meldingId, type: 'vv_voorwaarde_vastgelegd', actorId: o.actorId, data: { voorwaardeId: row!.id, controleOp: o.controleOp } });
  await refreshClock(tx, o.meldingId);
  return row!;
}

export async function findVoorwaarde(db: DbOrTx, id: string) {
  const [row] = await db.select().from(vvVoorwaarden).where(eq(vvVoorwaarden.id, id));
  return row;
}

/** Reviews a condition on (or after) its date; not kept escalates the case to the MDO queue at once. */
export async function reviewVoorwaarde(tx: DbOrTx, o: { id: string; uitkomst: VoorwaardeUitkomst; toelichting: string; actorId: string; now?: Date }) {
  const now = o.now ?? new Date();
  const [row] = await tx
    .update(vvVoorwaarden)
    .set({ status: o.uitkomst, toelichting: o.toelichting, beoordeeldBy: o.actorId, beoordeeldAt: now })
    .where(and(eq(vvVoorwaarden.id, o.id), eq(vvVoorwaarden.status, 'lopend')))
    .returning();
  if (!row) throw new LifecycleConflict('Deze voorwaarde is al beoordeeld.');
  const escalate = o.uitkomst === 'niet_nagekomen';
  await tx.insert(meldingEvents).values({ meldingId: row.meldingId, at: now, type: 'vv_voorwaarde_beoordeeld', actorId: o.actorId, data: { voorwaardeId: row.id, uitkomst: o.uitkomst, escalatie: escalate } });
  if (escalate) await move(tx, row.meldingId, 'mdo', await teamId(tx, 'mdo'));
  else await refreshClock(tx, row.meldingId);
  return { ...row, escalated: escalate };
}

