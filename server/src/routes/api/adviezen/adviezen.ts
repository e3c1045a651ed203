// Registering and listing adviezen (api.md, Adviezen).
import { insertAdvies, listAdviezen, listConcepten, writeAudit } from '@vt/db';
import { badRequest, type ErrorDetail } from '../../../errors.ts';
import { AdviesBody, AdviesCreated, AdviesList, AdviesListQuery } from '../../../schemas/advies.ts';
import { IdempotencyHeaders, errors } from '../../../schemas/common.ts';
import { idempotent } from '../../../services/idempotency.ts';
import { checkGemeente, checkNotFuture } from '../../../services/meldingen.ts';
import type { App } from '../../../types.ts';

export default async function route(app: App) {
  app.post(
    '',
    {
      config: { action: 'advies:create' },
      schema: {
        tags: ['adviezen'],
        summary: 'Log an advies (phone, chat or mail)',
        headers: IdempotencyHeaders,
        body: AdviesBody,
        response: { 200: AdviesCreated, 201: AdviesCreated, ...errors(422) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const b = req.body;
      const now = new Date();
      const details: ErrorDetail[] = [];
      // Anonymous advice stores no identifying data of anyone (domain.md, "Records").
      if (b.anoniem && b.vrager) details.push({ path: '/vrager', message: 'Bij een anoniem advies worden geen gegevens van de vrager vastgelegd.' });
      if (b.sector && b.vragerType !== 'professional') details.push({ path: '/sector', message: 'Alleen een professional heeft een sector.' });
      if (b.beroep && b.vragerType !== 'professional') details.push({ path: '/beroep', message: 'Alleen een professional heeft een beroep.' });
      await checkGemeente(app.db.db, b.gemeente, '/gemeente', details);
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
    '',
    {
      config: { action: 'advies:read' },
      schema: { tags: ['adviezen'], summary: 'List adviezen, newest first', querystring: AdviesListQuery, response: { 200: AdviesList } },
    },
    async (req) => {
      const actor = req.actor!;
      const page = req.query.page ?? 1;
      const pageSize = req.query.pageSize ?? 50;
      if (req.query.from && req.query.to && req.query.from > req.query.to) throw badRequest('`from` ligt na `to`.', [{ path: '/from', message: 'Ligt na de einddatum.' }]);
      return app.db.db.transaction(async (tx) => {
        const { eigen, ...filter } = req.query;
        const result = await listAdviezen(tx, { ...filter, ...(eigen ? { createdBy: actor.id! } : {}), page, pageSize });
        // An unfinished conversion is the caller's own draft of the melding (routes/concepten.ts).
        const concepts = new Set((await listConcepten(tx, actor.id!)).map((c) => c.sleutel));
        await writeAudit(tx, actor, { action: 'search', subjectType: 'advies', ip: req.ip, purpose: JSON.stringify({ ...req.query, page, pageSize }) });
        return {
          items: result.items.map((i) => ({ ...i, startedAt: i.startedAt.toISOString(), conceptMelding: !i.meldingId && concepts.has(`melding-van-advies-${i.id}`) })),
          page,
          pageSize,
          total: result.total,
        };
      });
    },
  );
}
