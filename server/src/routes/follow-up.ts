// Monitoring checkpoints recorded (not safe escalates), Code Rood, and the reminders (api.md, "Case lifecycle";
// issue #6). Each step is an event in the case history and an audit row.
import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { findCheckpoint, flagCodeRood, herinneringen, recordCheckpoint, recordCodeRoodUitkomst, recordTerugkoppeling, schema, writeAudit, type Tx } from '@vt/db';
import { notFound } from '../errors.ts';
import { Id, IdParams, IsoDate, Text, codeEnum, errors } from '../schemas/common.ts';
import { lifecycleStep } from '../services/steps.ts';
import type { App } from '../types.ts';

export default async function followUpRoutes(app: App, opts: { overdrachtWerkdagen: number }) {
  const step = <T>(work: (tx: Tx) => Promise<T>) => lifecycleStep(app, work);

  app.post(
    '/monitoring/:id',
    {
      schema: {
        tags: ['levensloop'],
        summary: 'Record a monitoring checkpoint as safe or not safe; not safe sends the case back to the beoordeling queue',
        params: IdParams,
        body: Type.Object({ uitkomst: codeEnum(['veilig', 'niet_veilig'] as const), toelichting: Text(4000, { minLength: 3 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ id: Id, uitkomst: Type.String(), escalated: Type.Boolean() }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const actor = app.authorize(req, 'monitoring:vastleggen');
      const r = await step(async (tx) => {
        const c = await findCheckpoint(tx, req.params.id);
        if (!c) return null;
        const done = await recordCheckpoint(tx, { id: c.id, uitkomst: req.body.uitkomst, toelichting: req.body.toelichting, actorId: actor.id! });
        await writeAudit(tx, actor, { action: 'decide', subjectType: 'melding', subjectId: c.meldingId, ip: req.ip, purpose: `monitoring:${req.body.uitkomst}` });
        return done;
      });
      if (!r) throw notFound('Monitoringsmoment niet gevonden.');
      return { id: r.id, uitkomst: req.body.uitkomst, escalated: r.escalated };
    },
  );

  app.post(
    '/meldingen/:id/code-rood',
    {
      schema: {
        tags: ['levensloop'],
        summary: 'Flag the case for Code Rood (regional escalation) with its date',
        params: IdParams,
        body: Type.Object({ datum: IsoDate, toelichting: Text(4000, { minLength: 3 }) }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Id, datum: IsoDate }), ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const actor = app.authorize(req, 'melding:coderood');
      const row = await step(async (tx) => {
        const [m] = await tx.select({ id: schema.meldingen.id }).from(schema.meldingen).where(eq(schema.meldingen.id, req.params.id));
        if (!m) return null;
        const r = await flagCodeRood(tx, { meldingId: m.id, datum: req.body.datum, toelichting: req.body.toelichting, actorId: actor.id! });
        await writeAudit(tx, actor, { action: 'decide', subjectType: 'melding', subjectId: m.id, ip: req.ip, purpose: 'code_rood' });
        return r;
      });
      if (!row) throw notFound('Melding niet gevonden.');
      return reply.status(201).send({ id: row.id, datum: row.datum });
    },
  );

  app.post(
    '/code-rood/:id/uitkomst',
    {
      schema: {
        tags: ['levensloop'],
        summary: 'Record the outcome of a Code Rood',
        params: IdParams,
        body: Type.Object({ datum: IsoDate, uitkomst: Text(4000, { minLength: 3 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ id: Id }), ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const actor = app.authorize(req, 'melding:coderood');
      const row = await step(async (tx) => {
        const r = await recordCodeRoodUitkomst(tx, { id: req.params.id, datum: req.body.datum, uitkomst: req.body.uitkomst, actorId: actor.id! });
        if (r) await writeAudit(tx, actor, { action: 'update', subjectType: 'melding', subjectId: r.meldingId, ip: req.ip, purpose: 'code_rood:uitkomst' });
        return r;
      });
      if (!row) throw notFound('Code Rood niet gevonden of al afgerond.');
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
        const items = await herinneringen(tx, new Date(), kalender, { overdrachtWerkdagen: opts.overdrachtWerkdagen });
        await writeAudit(tx, actor, { action: 'search', subjectType: 'herinneringen', ip: req.ip });
        return { items };
      });
    },
  );

  app.post(
    '/terugkoppelingen/:id/gedaan',
    {
      schema: {
        tags: ['levensloop'],
        summary: 'Record that the melder heard the outcome (after the beoordeling or the onderzoek)',
        params: IdParams,
        body: Type.Optional(Type.Object({ notitie: Type.Optional(Text(2000)) }, { additionalProperties: false })),
        response: { 200: Type.Object({ id: Id }), ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const actor = app.authorize(req, 'terugkoppeling:vastleggen');
      const row = await step(async (tx) => {
        const r = await recordTerugkoppeling(tx, { id: req.params.id, notitie: req.body?.notitie?.trim() || null, actorId: actor.id! });
        if (r) await writeAudit(tx, actor, { action: 'update', subjectType: 'melding', subjectId: r.meldingId, ip: req.ip, purpose: `terugkoppeling:${r.moment}` });
        return r;
      });
      if (!row) throw notFound('Terugkoppeling niet gevonden of al vastgelegd.');
      return { id: row.id };
    },
  );
}
