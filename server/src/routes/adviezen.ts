import { eq } from 'drizzle-orm';
import { findAdvies, insertAdvies, insertMelding, listAdviezen, schema, writeAudit } from '@vt/db';
import { badRequest, conflict, notFound, type ErrorDetail } from '../errors.ts';
import { Advies, AdviesBody, AdviesCreated, AdviesList, AdviesListQuery } from '../schemas/advies.ts';
import { IdParams, IdempotencyHeaders, errors } from '../schemas/common.ts';
import { MeldingBody, MeldingCreated } from '../schemas/melding.ts';
import { idempotent } from '../services/idempotency.ts';
import { checkMeldingBody, checkNotFuture } from '../services/meldingen.ts';
import type { App } from '../types.ts';


export default async function adviezenRoutes(app: App) {
  app.post(
    '/adviezen',
    {
      schema: {
        tags: ['adviezen'],
        summary: 'Log an advies (phone, chat or mail)',
        headers: IdempotencyHeaders,
        body: AdviesBody,
        response: { 200: AdviesCreated, 201: AdviesCreated, ...errors(400, 401, 403, 422, 503) },
      },
    },
    async (req, reply) => {
      const actor = app.authorize(req, 'advies:create');
      const b = req.body;
      const now = new Date();
      const details: ErrorDetail[] = [];
      // Anonymous advice stores no identifying data of anyone (domain.md, "Records").
      if (b.anoniem && b.vrager) details.push({ path: '/vrager', message: 'Bij een anoniem advies worden geen gegevens van de vrager vastgelegd.' });
      if (b.sector && b.vragerType !== 'professional') details.push({ path: '/sector', message: 'Alleen een professional heeft een sector.' });
      checkNotFuture(b.startedAt, '/startedAt', now, details);
      checkNotFuture(b.endedAt, '/endedAt', now, details);
      if (b.endedAt && new Date(b.endedAt) < new Date(b.startedAt)) details.push({ path: '/endedAt', message: 'Het einde ligt vóór het begin.' });
      if (details.length) throw badRequest('De invoer klopt niet.', details);
      const outcome = await app.db.db.transaction((tx) =>
        idempotent(req, tx, async () => ({ statusCode: 201, body: await insertAdvies(tx, b, { actor, now, ip: req.ip }) })),
      );
      return reply.status(outcome.statusCode).send(outcome.body);
    },
  );

  app.get(
    '/adviezen/:id',
    {
      // An advies is the caller's, never a case file about a household (domain.md, Records): its own role rule.
      config: { caseAccess: false },
      schema: { tags: ['adviezen'], summary: 'One advies', params: IdParams, response: { 200: Advies, ...errors(401, 403, 404, 503) } },
    },
    async (req) => {
      const actor = app.authorize(req, 'advies:read');
      const view = await app.db.db.transaction(async (tx) => {
        const row = await findAdvies(tx, req.params.id);
        await writeAudit(tx, actor, { action: 'read', subjectType: 'advies', subjectId: req.params.id, result: row ? 'success' : 'not_found', ip: req.ip });
        if (!row) return null;
        const a = row.advies;
        const vrager = a.anoniem ? null : { ...(a.vragerNaam ? { naam: a.vragerNaam } : {}), ...(a.vragerTelefoon ? { telefoon: a.vragerTelefoon } : {}), ...(a.vragerEmail ? { email: a.vragerEmail } : {}), ...(a.vragerOrganisatie ? { organisatie: a.vragerOrganisatie } : {}) };
        return {
          id: a.id,
          reference: a.reference,
          kanaal: a.kanaal,
          startedAt: a.startedAt.toISOString(),
          endedAt: a.endedAt?.toISOString() ?? null,
          duurSeconden: a.endedAt ? Math.round((a.endedAt.getTime() - a.startedAt.getTime()) / 1000) : null,
          vragerType: a.vragerType,
          sector: a.sector,
          anoniem: a.anoniem,
          vrager,
          geweldsvormen: a.geweldsvormen,
          samenvatting: a.samenvatting,
          adviesGegeven: a.adviesGegeven,
          uitkomst: a.uitkomst,
          meldingId: row.meldingId,
          createdAt: a.createdAt.toISOString(),
        };
      });
      if (!view) throw notFound('Advies niet gevonden.');
      return view;
    },
  );

  app.get(
    '/adviezen',
    {
      schema: { tags: ['adviezen'], summary: 'List adviezen, newest first', querystring: AdviesListQuery, response: { 200: AdviesList, ...errors(400, 401, 403, 503) } },
    },
    async (req) => {
      const actor = app.authorize(req, 'advies:read');
      const page = req.query.page ?? 1;
      const pageSize = req.query.pageSize ?? 50;
      if (req.query.from && req.query.to && req.query.from > req.query.to) throw badRequest('`from` ligt na `to`.', [{ path: '/from', message: 'Ligt na de einddatum.' }]);
      return app.db.db.transaction(async (tx) => {
        const result = await listAdviezen(tx, { ...req.query, page, pageSize });
        await writeAudit(tx, actor, { action: 'search', subjectType: 'advies', ip: req.ip, purpose: JSON.stringify({ ...req.query, page, pageSize }) });
        return { items: result.items.map((i) => ({ ...i, startedAt: i.startedAt.toISOString() })), page, pageSize, total: result.total };
      });
    },
  );

  app.post(
    '/adviezen/:id/melding',
    {
      config: { caseAccess: false },
      schema: {
        tags: ['adviezen'],
        summary: 'Turn an advies into a melding',
        params: IdParams,
        headers: IdempotencyHeaders,
        body: MeldingBody,
        response: { 200: MeldingCreated, 201: MeldingCreated, ...errors(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (req, reply) => {
      const actor = app.authorize(req, 'melding:create');
      app.authorize(req, 'advies:read');
      const now = new Date();
      await checkMeldingBody(app.db.db, req.body, now);
      const kalender = await app.kalender();
      const outcome = await app.db.db.transaction((tx) =>
        idempotent(req, tx, async () => {
          // Lock the advies so two conversions of the same call cannot both succeed.
          const [advies] = await tx.select({ id: schema.adviezen.id }).from(schema.adviezen).where(eq(schema.adviezen.id, req.params.id)).for('update');
          if (!advies) throw notFound('Advies niet gevonden.');
          const [existing] = await tx.select({ id: schema.meldingen.id }).from(schema.meldingen).where(eq(schema.meldingen.adviesId, advies.id));
          if (existing) throw conflict('Van dit advies is al een melding gemaakt.');
          const m = await insertMelding(tx, req.body, { actor, kalender, now, ip: req.ip, adviesId: advies.id });
          await tx.update(schema.adviezen).set({ uitkomst: 'omgezet_in_melding' }).where(eq(schema.adviezen.id, advies.id));
          return { statusCode: 201, body: { id: m.id, reference: m.reference, status: m.status, receivedAt: m.receivedAt.toISOString() } };
        }),
      );
      return reply.status(outcome.statusCode).send(outcome.body);
    },
  );
}
