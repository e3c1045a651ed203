// Partner systems' API clients (issue #20, beheerder): the list with each key's state and last use, and a new
// client with its first key, shown once. Every change is audited (subject api_client).
import { createApiClient, listApiClients, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { Partner, PartnerBody, PartnerMetSleutel } from '../../../../schemas/partners.ts';
import { partnerView } from '../../../../services/partners.ts';
import type { App } from '../../../../types.ts';

export default async function route(app: App) {
  app.get(
    '',
    { config: { action: 'partners:beheren' }, schema: { tags: ['beheer'], summary: "Partner systems' API clients with their keys (never the keys themselves), newest first", response: { 200: Type.Object({ items: Type.Array(Partner) }) } } },
    async (req) => {
      const actor = req.actor!;
      return app.db.db.transaction(async (tx) => {
        const rows = await listApiClients(tx);
        await writeAudit(tx, actor, { action: 'search', subjectType: 'api_client', ip: req.ip });
        return { items: rows.map((r) => partnerView(r)) };
      });
    },
  );

  app.post(
    '',
    {
      config: { action: 'partners:beheren' },
      schema: { tags: ['beheer'], summary: 'A new API client for a partner system, with its first key (shown once)', body: PartnerBody, response: { 201: PartnerMetSleutel } },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const out = await app.db.db.transaction(async (tx) => {
        const { client, key } = await createApiClient(tx, { naam: req.body.naam.trim(), scopes: req.body.scopes, kanalen: req.body.kanalen }, actor.id!);
        await writeAudit(tx, actor, { action: 'create', subjectType: 'api_client', subjectId: client.id, ip: req.ip, purpose: `scopes:${req.body.scopes.join(',')};kanalen:${req.body.kanalen.join(',')}` });
        const [row] = await listApiClients(tx, client.id);
        return { partner: partnerView(row!), sleutel: key };
      });
      return reply.status(201).send(out);
    },
  );
}
