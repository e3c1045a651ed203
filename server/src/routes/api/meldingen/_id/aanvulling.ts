// New information on a case; triage runs again.
import { addToOutbox, persoonIndexOf, schema, writeAudit } from '@vt/db';
import { eq, max } from 'drizzle-orm';
import { Type } from 'typebox';
import { conflict } from '../../../../errors.ts';
import { caseAudit } from '../../../../plugins/app/case-access.ts';
import { IdParams, errors } from '../../../../schemas/common.ts';
import { Betrokkene, Melding, Veiligheid } from '../../../../schemas/melding.ts';
import { announce, lockCase } from '../../../../services/case.ts';
import { caseView } from '../../../../services/meldingen.ts';
import type { App } from '../../../../types.ts';

const { meldingen, betrokkenen, meldingEvents } = schema;

export default async function route(app: App) {
app.post(
    '/aanvulling',
    {
      config: { action: 'melding:aanvullen', caseAccess: { from: 'melding', purpose: 'aanvulling' } },
      schema: {
        tags: ['meldingen'],
        summary: 'Add information; triage runs again and the earlier proposal stays in the history',
        params: IdParams,
        body: Type.Object(
          { veiligheid: Type.Optional(Veiligheid), toelichting: Type.Optional(Type.String({ minLength: 1, maxLength: 10_000 })), betrokkenen: Type.Optional(Type.Array(Betrokkene, { minItems: 1, maxItems: 20 })) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Melding, ...errors(400, 401, 403, 404, 409, 503) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const body = req.body;
      await app.db.db.transaction(async (tx) => {
        const m = await lockCase(tx, req.case!.meldingId);
        if (m.status === 'afgesloten') throw conflict('Deze melding is afgesloten; heropen haar eerst.');
        const now = new Date();
        const run = m.triageRequested + 1;
        const stamp = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' }).format(now);
        await tx
          .update(meldingen)
          .set({
            veiligheid: { ...m.veiligheid, ...Object.fromEntries(Object.entries(body.veiligheid ?? {}).filter(([, v]) => v === true)) },
            toelichting: body.toelichting ? `${m.toelichting}${m.toelichting ? '\n\n' : ''}[Aanvulling ${stamp}] ${body.toelichting}` : m.toelichting,
            triageRequested: run,
            updatedAt: now,
          })
          .where(eq(meldingen.id, m.id));
        if (body.betrokkenen?.length) {
          const [row] = await tx.select({ last: max(betrokkenen.volgorde) }).from(betrokkenen).where(eq(betrokkenen.meldingId, m.id));
          const start = (row?.last ?? -1) + 1;
          await tx.insert(betrokkenen).values(
            body.betrokkenen.map((b, i) => ({ meldingId: m.id, volgorde: start + i, rol: b.rol, voornaam: b.voornaam, achternaam: b.achternaam, geboortedatum: b.geboortedatum ?? null, persoonIndex: persoonIndexOf(b) })),
          );
        }
        await tx.insert(meldingEvents).values({ meldingId: m.id, at: now, type: 'aanvulling', actorId: actor.id, data: { velden: Object.keys(body), run } });
        await writeAudit(tx, actor, caseAudit(req, { action: 'update', purpose: 'aanvulling' }));
        await addToOutbox(tx, 'melding.aangevuld', m.id, { meldingId: m.id, run });
      });
      await announce(app, ['melding.updated'], req.params.id);
      return caseView(app.db.db, req.case!);
    },
  );
}
