// Monitoring checkpoints recorded (not safe escalates), Code Rood, and the reminders (api.md, "Case lifecycle";
// issue #6). Each step is an event in the case history and an audit row.
import { Type } from 'typebox';
import { findCheckpoint, flagCodeRood, herinneringen, recordCheckpoint, recordCodeRoodUitkomst, recordTerugkoppeling, writeAudit, type Tx } from '@vt/db';
import { conflict, notFound } from '../errors.ts';
import { caseAudit } from '../plugins/app/case-access.ts';
import { Id, IdParams, IsoDate, Text, codeEnum, errors } from '../schemas/common.ts';
import { lifecycleStep } from '../services/steps.ts';
import type { App } from '../types.ts';

export default async function followUpRoutes(app: App, opts: { overdrachtWerkdagen: number }) {
  const step = <T>(work: (tx: Tx) => Promise<T>) => lifecycleStep(app, work);

  app.post(
    '/monitoring/:id',
    {
      config: { action: 'monitoring:vastleggen', caseAccess: { from: 'checkpoint', purpose: 'monitoring' } },
      schema: {
        tags: ['levensloop'],
        summary: 'Record a monitoring checkpoint as safe or not safe; not safe sends the case back to the beoordeling queue',
        params: IdParams,
        body: Type.Object({ uitkomst: codeEnum(['veilig', 'niet_veilig'] as const), toelichting: Text(4000, { minLength: 3 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ id: Id, uitkomst: Type.String(), escalated: Type.Boolean() }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const r = await step(async (tx) => {
        const c = await findCheckpoint(tx, req.params.id);
        if (!c) return null;
        const done = await recordCheckpoint(tx, { id: c.id, uitkomst: req.body.uitkomst, toelichting: req.body.toelichting, actorId: actor.id! });
        await writeAudit(tx, actor, caseAudit(req, { action: 'decide', purpose: `monitoring:${req.body.uitkomst}` }));
        return done;
      });
      if (!r) throw notFound('Monitoringsmoment niet gevonden.');
      return { id: r.id, uitkomst: req.body.uitkomst, escalated: r.escalated };
    },
  );

  app.post(
    '/meldingen/:id/code-rood',
    {
      config: { action: 'melding:coderood', caseAccess: { from: 'melding', purpose: 'code_rood' } },
      schema: {
        tags: ['levensloop'],
        summary: 'Flag the case for Code Rood (regional escalation) with its date',
        params: IdParams,
        body: Type.Object({ datum: IsoDate, toelichting: Text(4000, { minLength: 3 }) }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Id, datum: IsoDate }), ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const row = await step(async (tx) => {
        const r = await flagCodeRood(tx, { meldingId: req.case!.meldingId, datum: req.body.datum, toelichting: req.body.toelichting, actorId: actor.id! });
        await writeAudit(tx, actor, caseAudit(req, { action: 'decide', purpose: 'code_rood' }));
        return r;
      });
      return reply.status(201).send({ id: row.id, datum: row.datum });
    },
  );

  app.post(
    '/code-rood/:id/uitkomst',
    {
      config: { action: 'melding:coderood', caseAccess: { from: 'codeRood', purpose: 'code_rood:uitkomst' } },
      schema: {
        tags: ['levensloop'],
        summary: 'Record the outcome of a Code Rood',
        params: IdParams,
        body: Type.Object({ datum: IsoDate, uitkomst: Text(4000, { minLength: 3 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ id: Id }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const row = await step(async (tx) => {
        const r = await recordCodeRoodUitkomst(tx, { id: req.params.id, datum: req.body.datum, uitkomst: req.body.uitkomst, actorId: actor.id! });
        if (r) await writeAudit(tx, actor, caseAudit(req, { action: 'update', purpose: 'code_rood:uitkomst' }));
        return r;
      });
      // It exists (the record rule found its case): no row back means its outcome was recorded before.
      if (!row) throw conflict('De uitkomst van deze Code Rood is al vastgelegd.');
      return { id: row.id };
    },
  );

  app.get(
    '/herinneringen',
    {
      schema: {
        tags: ['levensloop'],
        summary: 'Reminders: handovers not accepted in time, huisverboden about to end, checkpoints and V&V reviews passed unrecorded, feedback late',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ soort: codeEnum(['overdracht_niet_geaccepteerd', 'thv_eindigt', 'monitoring_verstreken', 'terugkoppeling_verlopen', 'voorwaarde_controle_verstreken'] as const), meldingId: Id, reference: Type.String(), datum: IsoDate, dagen: Type.Integer() }),
            ),
          }),
          ...errors(401, 403),
        },
      },
    },
    async (req) => {
      const actor = app.authorize(req, 'herinneringen:read');
      const kalender = await app.kalender();
      return step(async (tx) => {
        const items = await herinneringen(tx, new Date(), kalender, { overdrachtWerkdagen: opts.overdrachtWerkdagen, readableBy: actor });
        await writeAudit(tx, actor, { action: 'search', subjectType: 'herinneringen', ip: req.ip });
        return { items };
      });
    },
  );

  app.post(
    '/terugkoppelingen/:id/gedaan',
    {
      config: { action: 'terugkoppeling:vastleggen', caseAccess: { from: 'terugkoppeling', purpose: 'terugkoppeling' } },
      schema: {
        tags: ['levensloop'],
        summary: 'Record that the melder heard the outcome (after the beoordeling or the onderzoek)',
        params: IdParams,
        body: Type.Optional(Type.Object({ notitie: Type.Optional(Text(2000)) }, { additionalProperties: false })),
        response: { 200: Type.Object({ id: Id }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const row = await step(async (tx) => {
        const r = await recordTerugkoppeling(tx, { id: req.params.id, notitie: req.body?.notitie?.trim() || null, actorId: actor.id! });
        if (r) await writeAudit(tx, actor, caseAudit(req, { action: 'update', purpose: `terugkoppeling:${r.moment}` }));
        return r;
      });
      if (!row) throw conflict('Deze terugkoppeling is al vastgelegd.');
      return { id: row.id };
    },
  );
}
