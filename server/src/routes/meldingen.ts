import { findMeldingDetail, insertMelding, listHistorie, listMeldingen, writeAudit, type DbOrTx } from '@vt/db';
import { notFound } from '../errors.ts';
import { IdParams, IdempotencyHeaders, errors } from '../schemas/common.ts';
import { Historie, Melding, MeldingBody, MeldingCreated, MeldingList, MeldingListQuery } from '../schemas/melding.ts';
import { idempotent } from '../services/idempotency.ts';
import { meldingVisibility, scopeReads } from '../services/access.ts';
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
      schema: {
        tags: ['meldingen'],
        summary: 'One melding with its triage, beoordeling, deadlines and where it sits now',
        params: IdParams,
        response: { 200: Melding, ...errors(401, 403, 404, 503) },
      },
    },
    async (req) => {
      const actor = app.authorize(req, 'melding:read');
      const view = await app.db.db.transaction(async (tx) => {
        await scopeReads(tx, actor);
        const detail = await findMeldingDetail(tx, req.params.id);
        const visibility = detail ? meldingVisibility(actor, detail) : { visible: false, melderIdentity: false };
        if (!detail || !visibility.visible) {
          // The refused attempt is recorded too; it commits, then the caller gets its 404.
          await writeAudit(tx, actor, { action: 'read', subjectType: 'melding', subjectId: req.params.id, result: 'not_found', ip: req.ip });
          return null;
        }
        await writeAudit(tx, actor, { action: 'read', subjectType: 'melding', subjectId: detail.melding.id, ip: req.ip, purpose: 'dossier' });
        return toMeldingView(detail, visibility);
      });
      if (!view) throw notFound('Melding niet gevonden.');
      return view;
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
        const result = await listMeldingen(tx, { ...req.query, page, pageSize });
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
      schema: {
        tags: ['meldingen'],
        summary: 'The case history in the order it was recorded',
        params: IdParams,
        response: { 200: Historie, ...errors(401, 403, 404, 503) },
      },
    },
    async (req) => {
      const actor = app.authorize(req, 'melding:read');
      return app.db.db.transaction(async (tx) => {
        await scopeReads(tx, actor);
        const detail = await findMeldingDetail(tx, req.params.id);
        if (!detail || !meldingVisibility(actor, detail).visible) throw notFound('Melding niet gevonden.');
        await writeAudit(tx, actor, { action: 'read', subjectType: 'melding_historie', subjectId: detail.melding.id, ip: req.ip });
        const events = await listHistorie(tx, detail.melding.id);
        return { events: events.map((e) => ({ ...e, at: e.at.toISOString() })) };
      });
    },
  );
}
