// Registering a melding (staff or partner system) and listing them (api.md, Meldingen).
import { insertMelding, listMeldingen, writeAudit, type DbOrTx } from '@vt/db';
import { IdempotencyHeaders, errors } from '../../../schemas/common.ts';
import { MeldingBody, MeldingCreated, MeldingList, MeldingListQuery } from '../../../schemas/melding.ts';
import { idempotent } from '../../../services/idempotency.ts';
import { checkKanaal, checkMeldingBody } from '../../../services/meldingen.ts';
import type { App } from '../../../types.ts';
// The README's curl example posts this file; the API docs show it as the example body (fictional people).
import example from '../../../examples/melding.json' with { type: 'json' };

// (without the shared $id: this copy carries the example, the shared schema stays as it is for the other routes)
const MeldingBodyWithExample = { ...MeldingBody, $id: undefined, examples: [example] } as typeof MeldingBody;

export default async function route(app: App) {
  app.post(
    '',
    {
      config: { action: 'melding:create' },
      schema: {
        tags: ['meldingen'],
        summary: 'Register a melding (staff or partner system)',
        headers: IdempotencyHeaders,
        body: MeldingBodyWithExample,
        response: { 200: MeldingCreated, 201: MeldingCreated, ...errors(422) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const now = new Date();
      checkKanaal(actor, req.body.kanaal);
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
    '',
    {
      config: { action: 'melding:list' },
      schema: {
        tags: ['meldingen'],
        summary: 'List meldingen, newest first',
        querystring: MeldingListQuery,
        response: { 200: MeldingList },
      },
    },
    async (req) => {
      const actor = req.actor!;
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
}
