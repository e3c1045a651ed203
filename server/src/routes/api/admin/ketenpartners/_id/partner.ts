// One partner's keys (issue #20, beheerder): a new key with an overlap for the ones before it (rotation), one key
// ended at once (a leaked one), and the client revoked with all its keys. Each audited.
import { listApiClients, revokeApiClient, revokeApiKey, rotateApiKey, writeAudit, type DbOrTx } from '@vt/db';
import { notFound } from '../../../../../errors.ts';
import { IdParams, errors } from '../../../../../schemas/common.ts';
import { Partner, PartnerMetSleutel, PartnerSleutelParams, RotatieBody } from '../../../../../schemas/partners.ts';
import { partnerView } from '../../../../../services/partners.ts';
import type { App } from '../../../../../types.ts';

async function viewOf(tx: DbOrTx, id: string) {
  const [row] = await listApiClients(tx, id);
  if (!row) throw notFound('Ketenpartner niet gevonden.');
  return partnerView(row);
}

export default async function route(app: App) {
  app.post(
    '/sleutels',
    {
      config: { action: 'partners:beheren', caseAccess: false },
      schema: { tags: ['beheer'], summary: 'A new key for the partner (shown once); its keys before it keep working for the overlap', params: IdParams, body: RotatieBody, response: { 201: PartnerMetSleutel, ...errors(404) } },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const out = await app.db.db.transaction(async (tx) => {
        const k = await rotateApiKey(tx, req.params.id, req.body.overlapDagen, actor.id!);
        if (!k) throw notFound('Ketenpartner niet gevonden of ingetrokken.');
        await writeAudit(tx, actor, { action: 'update', subjectType: 'api_client', subjectId: req.params.id, ip: req.ip, purpose: `sleutel:${k.prefix};overlap:${req.body.overlapDagen}` });
        return { partner: await viewOf(tx, req.params.id), sleutel: k.key };
      });
      return reply.status(201).send(out);
    },
  );

  app.post(
    '/sleutels/:sleutelId/intrekken',
    {
      config: { action: 'partners:beheren', caseAccess: false },
      schema: { tags: ['beheer'], summary: 'End one key at once (e.g. an old key that leaked during the overlap)', params: PartnerSleutelParams, response: { 200: Partner, ...errors(404) } },
    },
    async (req) => {
      const actor = req.actor!;
      return app.db.db.transaction(async (tx) => {
        if (!(await revokeApiKey(tx, req.params.id, req.params.sleutelId))) throw notFound('Sleutel niet gevonden of al beëindigd.');
        await writeAudit(tx, actor, { action: 'update', subjectType: 'api_client', subjectId: req.params.id, ip: req.ip, purpose: `sleutel_ingetrokken:${req.params.sleutelId}` });
        return viewOf(tx, req.params.id);
      });
    },
  );

  app.post(
    '/intrekken',
    {
      config: { action: 'partners:beheren', caseAccess: false },
      schema: { tags: ['beheer'], summary: 'Revoke the partner: all its keys stop working at once', params: IdParams, response: { 200: Partner, ...errors(404) } },
    },
    async (req) => {
      const actor = req.actor!;
      return app.db.db.transaction(async (tx) => {
        if (!(await revokeApiClient(tx, req.params.id, actor.id!))) throw notFound('Ketenpartner niet gevonden of al ingetrokken.');
        await writeAudit(tx, actor, { action: 'update', subjectType: 'api_client', subjectId: req.params.id, ip: req.ip, purpose: 'ingetrokken' });
        return viewOf(tx, req.params.id);
      });
    },
  );
}
