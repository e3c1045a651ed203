// A step on the request's case (the record rule let the request through: plugins/app/case-access.ts): its row locked
// for the transaction of the step, and the live event that tells the screens (no personal data in it).
import { schema, type Tx } from '@vt/db';
import type { Melding } from '@vt/db/schema';
import { publishEvents, type LiveEventType } from '@vt/workers';
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { assertIfMatch } from '../plugins/app/case-access.ts';
import type { App } from '../types.ts';

const { meldingen, teams } = schema;

/** The case row, locked for update until the transaction ends. */
export async function lockCase(tx: Tx, meldingId: string): Promise<Melding> {
  const [m] = await tx.select().from(meldingen).where(eq(meldingen.id, meldingId)).for('update');
  return m!;
}

/** Runs a step on the request's case in one transaction, its row locked; a lifecycle conflict answers 409. */
export function onCase<T>(app: App, req: FastifyRequest, work: (tx: Tx, meldingId: string, melding: Awaited<ReturnType<typeof lockCase>>) => Promise<T>): Promise<T> {
  return app.db.db.transaction(async (tx) => {
    const meldingId = req.case!.meldingId;
    const melding = await lockCase(tx, meldingId);
    // Under the lock: a write that raced another on the same version finds it changed (issue #16).
    await assertIfMatch(tx, req);
    return work(tx, meldingId, melding);
  });
}

/** Tells the live screens the case changed: id, reference, band, route and team only. */
export async function announce(app: App, types: LiveEventType[], id: string): Promise<void> {
  const [m] = await app.db.db
    .select({ reference: meldingen.reference, band: meldingen.band, route: meldingen.route, team: teams.kind, gemeente: meldingen.gemeenteCode })
    .from(meldingen)
    .leftJoin(teams, eq(teams.id, meldingen.teamId))
    .where(eq(meldingen.id, id));
  if (!m) return;
  // An event lost while Redis is down only delays a screen refresh; the decision itself is committed.
  await publishEvents(app.redis, app.eventsChannel, types.map((type) => ({ type, id, reference: m.reference, band: m.band, route: m.route, team: m.team, gemeente: m.gemeente }))).catch(() => {});
}
