// The case after its beoordeling (api.md, "Case lifecycle"): overdracht to a wijkteam and its inbox, the
// tijdelijk huisverbod, the V&V conditions, and closing. Every step is audited and lands in the case history.
import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import {
  LifecycleConflict,
  acceptOverdracht,
  closeMelding,
  createOverdracht,
  addVoorwaarde,
  extendThv,
  findOverdracht,
  findThv,
  imposeThv,
  listOverdrachten,
  returnOverdracht,
  reviewVoorwaarde,
  findVoorwaarde,
  schema,
  writeAudit,
  type Tx,
} from '@vt/db';
import { amsterdamDate, thvEindigtOp, thvLaatsteVerlenging } from '@vt/db/domain';
import { badRequest, forbidden, notFound, unprocessable } from '../errors.ts';
import { DateTime, GemeenteCode, Id, IdParams, IsoDate, Nullable, Text, codeEnum, errors } from '../schemas/common.ts';
import { Melding } from '../schemas/melding.ts';
import { caseAudit } from '../plugins/app/case-access.ts';
import { scopedRead } from '../services/access.ts';
import { caseView } from '../services/meldingen.ts';
import { lifecycleStep } from '../services/steps.ts';
import type { App } from '../types.ts';

const Overdracht = Type.Object({
  id: Id,
  meldingId: Id,
  reference: Type.String(),
  gemeente: Type.String(),
  status: codeEnum(['verzonden', 'geaccepteerd', 'teruggestuurd'] as const),
  band: Nullable(Type.String()),
  toelichting: Type.String(),
  veiligheidsvoorwaarden: Nullable(Type.String()),
  createdAt: DateTime,
  decidedAt: Nullable(DateTime),
});
const Voorwaarde = Type.Object({
  id: Id,
  controleOp: IsoDate,
  status: codeEnum(['lopend', 'nagekomen', 'niet_nagekomen'] as const),
  escalated: Type.Boolean(),
});
const Thv = Type.Object({ id: Id, opgelegdOp: IsoDate, eindigtOp: IsoDate, verlengdTotEnMet: Nullable(IsoDate) });

export default async function lifecycleRoutes(app: App) {
  /** Runs a lifecycle step on the request's case (the record rule let it through), its row locked; conflicts are 409. */
  const onCase = <T,>(req: Parameters<App['authorize']>[0], work: (tx: Tx, meldingId: string) => Promise<T>): Promise<T> =>
    lifecycleStep(app, async (tx) => {
      const meldingId = req.case!.meldingId;
      await tx.select({ id: schema.meldingen.id }).from(schema.meldingen).where(eq(schema.meldingen.id, meldingId)).for('update');
      return work(tx, meldingId);
    });

  app.post(
    '/meldingen/:id/overdracht',
    {
      config: { action: 'overdracht:maken', caseAccess: { from: 'melding', purpose: 'overdracht' } },
      schema: {
        tags: ['levensloop'],
        summary: "Hand the case over to a gemeente's wijkteam (409 while one is pending)",
        params: IdParams,
        body: Type.Object({ gemeente: GemeenteCode, toelichting: Text(4000, { minLength: 1 }), veiligheidsvoorwaarden: Type.Optional(Text(4000)) }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Id }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const id = await onCase(req, async (tx, meldingId) => {
        const [g] = await tx.select().from(schema.gemeenten).where(eq(schema.gemeenten.code, req.body.gemeente));
        if (!g) throw badRequest('Onbekende gemeente.', [{ path: '/gemeente', message: 'Onbekende gemeente voor deze regio.' }]);
        const overdrachtId = await createOverdracht(tx, { meldingId, gemeente: req.body.gemeente, toelichting: req.body.toelichting, veiligheidsvoorwaarden: req.body.veiligheidsvoorwaarden ?? null, actorId: actor.id });
        await writeAudit(tx, actor, caseAudit(req, { action: 'update', purpose: 'overdracht' }));
        return overdrachtId;
      });
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/overdrachten',
    {
      schema: {
        tags: ['levensloop'],
        summary: "Handovers: a wijkteam sees its own gemeente's inbox only, without the melder's identity",
        response: { 200: Type.Object({ items: Type.Array(Overdracht) }), ...errors(401, 403) },
      },
    },
    async (req) => {
      const actor = app.authorize(req, 'overdracht:inbox');
      const ownGemeenteOnly = actor.type === 'user' && actor.roles.includes('wijkteam');
      if (ownGemeenteOnly && !req.sessionUser?.gemeente) return { items: [] };
      return scopedRead(app.db.db, actor, async (tx) => {
        const rows = await listOverdrachten(tx, { gemeente: ownGemeenteOnly ? req.sessionUser!.gemeente : null, readableBy: actor });
        await writeAudit(tx, actor, { action: 'search', subjectType: 'overdracht', ip: req.ip });
        return {
          items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), decidedAt: r.decidedAt?.toISOString() ?? null })),
        };
      });
    },
  );

  for (const [path, accept] of [
    ['/overdrachten/:id/accepteren', true],
    ['/overdrachten/:id/terugsturen', false],
  ] as const) {
    app.post(
      path,
      {
        config: { action: 'overdracht:besluiten', caseAccess: { from: 'overdracht', purpose: accept ? 'accepteren' : 'terugsturen' } },
        schema: {
          tags: ['levensloop'],
          summary: accept ? 'Accept a handover; the monitoring checkpoints are planned from today' : 'Send a handover back with a reason',
          params: IdParams,
          body: accept ? Type.Optional(Type.Object({}, { additionalProperties: false })) : Type.Object({ reden: Text(2000, { minLength: 3 }) }, { additionalProperties: false }),
          response: { 200: Melding, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        const actor = req.actor!;
        const o = await findOverdracht(app.db.db, req.params.id);
        // Only the wijkteam of the gemeente it was sent to may answer (it may see the case from an earlier handover).
        if (!o || o.gemeenteCode !== req.sessionUser?.gemeente) throw notFound('Overdracht niet gevonden.');
        await onCase(req, async (tx) => {
          if (accept) await acceptOverdracht(tx, o.id, actor.id!, amsterdamDate(new Date()));
          else await returnOverdracht(tx, o.id, actor.id!, (req.body as { reden: string }).reden);
          await writeAudit(tx, actor, caseAudit(req, { action: 'decide', purpose: `overdracht:${accept ? 'accepteren' : 'terugsturen'}:${o.id}` }));
        });
        return caseView(app.db.db, req.case!);
      },
    );
  }

  app.post(
    '/meldingen/:id/thv',
    {
      config: { action: 'melding:thv', caseAccess: { from: 'melding', purpose: 'thv' } },
      schema: {
        tags: ['levensloop'],
        summary: 'Record a tijdelijk huisverbod: 10 days from the day it was imposed',
        params: IdParams,
        body: Type.Object({ opgelegdOp: IsoDate }, { additionalProperties: false }),
        response: { 201: Thv, ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      if (req.body.opgelegdOp > amsterdamDate(new Date())) throw badRequest('Een huisverbod wordt niet vooruit vastgelegd.', [{ path: '/opgelegdOp', message: 'Mag niet in de toekomst liggen.' }]);
      const row = await onCase(req, async (tx, meldingId) => {
        const thv = await imposeThv(tx, meldingId, req.body.opgelegdOp, thvEindigtOp(req.body.opgelegdOp), actor.id!);
        await writeAudit(tx, actor, caseAudit(req, { action: 'update', purpose: 'thv' }));
        return thv;
      });
      return reply.status(201).send({ id: row.id, opgelegdOp: row.opgelegdOp, eindigtOp: row.eindigtOp, verlengdTotEnMet: row.verlengdTotEnMet });
    },
  );

  app.post(
    '/thv/:id/verlengen',
    {
      config: { action: 'melding:thv', caseAccess: { from: 'thv', purpose: 'thv verlengen' } },
      schema: {
        tags: ['levensloop'],
        summary: 'Extend a huisverbod, to at most 28 days after it was imposed (422 beyond)',
        params: IdParams,
        body: Type.Object({ totEnMet: IsoDate }, { additionalProperties: false }),
        response: { 200: Thv, ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const thv = await findThv(app.db.db, req.params.id);
      if (!thv) throw notFound('Huisverbod niet gevonden.');
      const { totEnMet } = req.body;
      if (totEnMet > thvLaatsteVerlenging(thv.opgelegdOp)) {
        throw unprocessable(`Een huisverbod duurt ten hoogste 28 dagen: uiterlijk tot en met ${thvLaatsteVerlenging(thv.opgelegdOp)}.`, [{ path: '/totEnMet', message: 'Meer dan 28 dagen na het opleggen.' }]);
      }
      if (totEnMet <= thv.eindigtOp) throw badRequest('Een verlenging ligt na het einde van het huisverbod.', [{ path: '/totEnMet', message: `Moet na ${thv.eindigtOp} liggen.` }]);
      const row = await onCase(req, async (tx) => {
        const r = await extendThv(tx, thv.id, totEnMet, actor.id!);
        await writeAudit(tx, actor, caseAudit(req, { action: 'update', purpose: 'thv verlengen' }));
        return r!;
      });
      return { id: row.id, opgelegdOp: row.opgelegdOp, eindigtOp: row.eindigtOp, verlengdTotEnMet: row.verlengdTotEnMet };
    },
  );

  app.post(
    '/meldingen/:id/voorwaarden',
    {
      config: { action: 'vv:voorwaarden', caseAccess: { from: 'melding', purpose: 'vv_voorwaarde' } },
      schema: {
        tags: ['levensloop'],
        summary: 'V&V: record a safety condition agreed with the household, who watches it and when it is reviewed',
        params: IdParams,
        body: Type.Object(
          { omschrijving: Text(2000, { minLength: 3 }), toezichthouder: Text(200, { minLength: 2 }), controleOp: IsoDate },
          { additionalProperties: false },
        ),
        response: { 201: Voorwaarde, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const row = await onCase(req, async (tx, meldingId) => {
        const r = await addVoorwaarde(tx, { meldingId, omschrijving: req.body.omschrijving, toezichthouder: req.body.toezichthouder, controleOp: req.body.controleOp, actorId: actor.id! });
        await writeAudit(tx, actor, caseAudit(req, { action: 'create', purpose: 'vv_voorwaarde' }));
        return r!;
      });
      return reply.status(201).send({ id: row.id, controleOp: row.controleOp, status: row.status, escalated: false });
    },
  );

  app.post(
    '/voorwaarden/:id/beoordeling',
    {
      config: { action: 'vv:voorwaarden', caseAccess: { from: 'voorwaarde', purpose: 'vv_voorwaarde' } },
      schema: {
        tags: ['levensloop'],
        summary: 'V&V: review a condition as kept or not kept; not kept sends the case back to the MDO queue',
        params: IdParams,
        body: Type.Object({ uitkomst: codeEnum(['nagekomen', 'niet_nagekomen'] as const), toelichting: Text(4000, { minLength: 3 }) }, { additionalProperties: false }),
        response: { 200: Voorwaarde, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const v = await findVoorwaarde(app.db.db, req.params.id);
      if (!v) throw notFound('Voorwaarde niet gevonden.');
      const row = await onCase(req, async (tx) => {
        const r = await reviewVoorwaarde(tx, { id: v.id, uitkomst: req.body.uitkomst, toelichting: req.body.toelichting, actorId: actor.id! });
        await writeAudit(tx, actor, caseAudit(req, { action: 'decide', purpose: `vv_voorwaarde:${req.body.uitkomst}` }));
        return r;
      });
      return { id: row.id, controleOp: row.controleOp, status: row.status, escalated: row.escalated };
    },
  );

  app.post(
    '/meldingen/:id/afsluiten',
    {
      config: { action: 'melding:afsluiten', caseAccess: { from: 'melding', purpose: 'afsluiten' } },
      schema: {
        tags: ['levensloop'],
        summary: 'Close the case with a reason',
        params: IdParams,
        body: Type.Object({ reden: Text(2000, { minLength: 3 }) }, { additionalProperties: false }),
        response: { 200: Melding, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      // The crisis team closes its own crisis cases, nobody else's (the others close what their work brings them).
      const crisisOnly = actor.type === 'user' && !actor.roles.some((r) => r === 'beoordelaar' || r === 'chef_van_de_dag' || r === 'medewerker');
      await onCase(req, async (tx, meldingId) => {
        const [m] = await tx
          .select({ status: schema.meldingen.status, teamKind: schema.teams.kind })
          .from(schema.meldingen)
          .leftJoin(schema.teams, eq(schema.teams.id, schema.meldingen.teamId))
          .where(eq(schema.meldingen.id, meldingId));
        if (crisisOnly && m?.teamKind !== 'crisisteam') throw forbidden('Het crisisteam sluit alleen zijn eigen crisiszaken af.');
        if (m?.status === 'afgesloten') throw new LifecycleConflict('Deze melding is al afgesloten.');
        await closeMelding(tx, meldingId, req.body.reden, actor.id!);
        await writeAudit(tx, actor, caseAudit(req, { action: 'decide', purpose: 'afsluiten' }));
      });
      return caseView(app.db.db, req.case!);
    },
  );
}
