import { Type } from 'typebox';
import { findMeldingDetail, grantBreakGlass, insertMelding, listBreakGlass, listHistorie, listMeldingen, writeAudit, type DbOrTx } from '@vt/db';
import { HttpError, notFound } from '../errors.ts';
import { DateTime, Id, IdParams, IdempotencyHeaders, Nullable, errors } from '../schemas/common.ts';
import { Historie, Melding, MeldingBody, MeldingCreated, MeldingList, MeldingListQuery } from '../schemas/melding.ts';
import { idempotent } from '../services/idempotency.ts';
import { caseAudit } from '../plugins/app/case-access.ts';
import { scopedRead } from '../services/access.ts';
import { checkMeldingBody, toMeldingView } from '../services/meldingen.ts';
import type { App } from '../types.ts';


export default async function meldingenRoutes(app: App) {
  app.post(
    '/meldingen',
    {
      schema: {
        tags: ['meldingen'],
        summary: 'Register a melding (staff or partner system)',
        headers: IdempotencyHeaders,
        body: MeldingBody,
        response: { 200: MeldingCreated, 201: MeldingCreated, ...errors(400, 401, 403, 422, 429, 503) },
      },
    },
    async (req, reply) => {
      const actor = app.authorize(req, 'melding:create');
      const now = new Date();
      await checkMeldingBody(app.db.db, req.body, now);
      const kalender = await app.kalender();
      const create = async (tx: DbOrTx) => {
        const m = await insertMelding(tx, req.body, { actor, kalender, now, ip: req.ip });
        return { statusCode: 201 as const, body: { id: m.id, reference: m.reference, status: m.status, receivedAt: m.receivedAt.toISOString() } };
      };
      // Without an Idempotency-Key the intake is one atomic statement and needs no transaction around it; with one,
      // the key is claimed in the same transaction as the melding it protects.
      const outcome = req.headers['idempotency-key'] === undefined
        ? await create(app.db.db)
        : await app.db.db.transaction((tx) => idempotent(req, tx, () => create(tx)));
      return reply.status(outcome.statusCode).send(outcome.body);
    },
  );

  app.get(
    '/meldingen/:id',
    {
      config: { action: 'melding:read', caseAccess: { from: 'melding', purpose: 'dossier' } },
      schema: {
        tags: ['meldingen'],
        summary: 'One melding with its triage, beoordeling, deadlines and where it sits now',
        params: IdParams,
        response: { 200: Melding, ...errors(401, 403, 404, 503) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      return scopedRead(app.db.db, actor, async (tx) => {
        const detail = await findMeldingDetail(tx, req.case!.meldingId);
        if (!detail) throw notFound('Melding niet gevonden.');
        await writeAudit(tx, actor, caseAudit(req, { action: 'read', purpose: 'dossier' }));
        return toMeldingView(detail, req.case!);
      });
    },
  );

  app.get(
    '/meldingen',
    {
      schema: {
        tags: ['meldingen'],
        summary: 'List meldingen, newest first',
        querystring: MeldingListQuery,
        response: { 200: MeldingList, ...errors(400, 401, 403, 503) },
      },
    },
    async (req) => {
      const actor = app.authorize(req, 'melding:list');
      const page = req.query.page ?? 1;
      const pageSize = req.query.pageSize ?? 50;
      return app.db.db.transaction(async (tx) => {
        const result = await listMeldingen(tx, { ...req.query, page, pageSize, readableBy: actor });
        await writeAudit(tx, actor, { action: 'search', subjectType: 'melding', ip: req.ip, purpose: JSON.stringify({ ...req.query, page, pageSize }) });
        return {
          items: result.items.map((i) => ({ ...i, receivedAt: i.receivedAt.toISOString(), beoordelingDueAt: i.beoordelingDueAt.toISOString() })),
          page,
          pageSize,
          total: result.total,
        };
      });
    },
  );

  app.get(
    '/meldingen/:id/historie',
    {
      config: { action: 'melding:read', caseAccess: { from: 'melding', purpose: 'historie' } },
      schema: {
        tags: ['meldingen'],
        summary: 'The case history in the order it was recorded',
        params: IdParams,
        response: { 200: Historie, ...errors(401, 403, 404, 503) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      return scopedRead(app.db.db, actor, async (tx) => {
        await writeAudit(tx, actor, caseAudit(req, { action: 'read', subjectType: 'melding_historie', purpose: 'historie' }));
        const events = await listHistorie(tx, req.case!.meldingId);
        return { events: events.map((e) => ({ ...e, at: e.at.toISOString() })) };
      });
    },
  );

  app.post(
    '/meldingen/:id/break-glass',
    {
      config: { action: 'breakglass:request', caseAccess: { from: 'melding', purpose: 'break_glass', breakGlassRequest: true } },
      schema: {
        tags: ['meldingen'],
        summary: 'Open a case outside your own queue for an hour, with a reason (flagged in the audit trail)',
        params: IdParams,
        body: Type.Object({ reden: Type.String({ minLength: 10, maxLength: 2000 }) }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Id, expiresAt: DateTime }), ...errors(400, 401, 403, 404, 409, 503) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      if (req.case!.own) throw new HttpError(409, 'CONFLICT', 'Deze melding hoort bij uw eigen werkvoorraad; break-glass is niet nodig.');
      const grant = await app.db.db.transaction(async (tx) => {
        const g = await grantBreakGlass(tx, { userId: actor.id!, meldingId: req.case!.meldingId, reden: req.body.reden.trim() });
        await writeAudit(tx, actor, { action: 'break_glass', subjectType: 'melding', subjectId: req.case!.meldingId, ip: req.ip, purpose: 'grant', breakGlassId: g.id });
        return g;
      });
      return reply.status(201).send({ id: grant.id, expiresAt: grant.expiresAt.toISOString() });
    },
  );

  app.get(
    '/break-glass',
    {
      schema: {
        tags: ['meldingen'],
        summary: 'Break-glass openings, newest first (manager and privacy officer; only the latter sees the reasons)',
        querystring: Type.Object({ from: Type.Optional(DateTime), to: Type.Optional(DateTime) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Id,
                at: DateTime,
                expiresAt: DateTime,
                user: Type.Object({ id: Id, naam: Type.String() }),
                melding: Type.Object({ id: Id, reference: Type.String() }),
                reden: Nullable(Type.String()),
              }),
            ),
          }),
          ...errors(400, 401, 403, 503),
        },
      },
    },
    async (req) => {
      const actor = app.authorize(req, 'breakglass:list');
      const seesReasons = actor.type === 'user' && actor.roles.includes('privacy_officer');
      return app.db.db.transaction(async (tx) => {
        const rows = await listBreakGlass(tx, { ...(req.query.from ? { from: new Date(req.query.from) } : {}), ...(req.query.to ? { to: new Date(req.query.to) } : {}) });
        await writeAudit(tx, actor, { action: 'search', subjectType: 'break_glass', ip: req.ip, purpose: JSON.stringify(req.query) });
        return {
          items: rows.map((r) => ({
            id: r.id,
            at: r.at.toISOString(),
            expiresAt: r.expiresAt.toISOString(),
            user: { id: r.userId, naam: r.userNaam },
            melding: { id: r.meldingId, reference: r.reference },
            reden: seesReasons ? r.reden : null,
          })),
        };
      });
    },
  );
}
