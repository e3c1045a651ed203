// Destruction requests: made by staff on behalf of a betrokkene, listed for the privacy officer.
import { schema, writeAudit } from '@vt/db';
import { and, desc, eq, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { HttpError, notFound } from '../../../errors.ts';
import { caseAudit } from '../../../plugins/app/case-access.ts';
import { Id, errors } from '../../../schemas/common.ts';
import { Reden, Verzoek } from '../../../schemas/vernietiging.ts';
import type { App } from '../../../types.ts';

const v = schema.vernietigingsverzoeken;

export default async function route(app: App) {
  app.post(
    '',
    {
      config: { action: 'vernietiging:aanvragen', caseAccess: { from: 'body', purpose: 'vernietiging' } },
      schema: {
        tags: ['privacy'],
        summary: 'Request destruction of a case file on behalf of a betrokkene (decided by the privacy officer)',
        body: Type.Object({ meldingId: Id, reden: Reden }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Id, status: Type.Literal('aangevraagd') }), ...errors(400, 401, 403, 404, 409, 503) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const id = await app.db.db.transaction(async (tx) => {
        const [m] = await tx.select({ id: schema.meldingen.id, anonymisedAt: schema.meldingen.anonymisedAt }).from(schema.meldingen).where(eq(schema.meldingen.id, req.body.meldingId));
        if (!m) return null;
        if (m.anonymisedAt) throw new HttpError(409, 'CONFLICT', 'Dit dossier is al vernietigd of geanonimiseerd.');
        const [open] = await tx.select({ id: v.id }).from(v).where(and(eq(v.meldingId, m.id), eq(v.status, 'aangevraagd')));
        if (open) throw new HttpError(409, 'CONFLICT', 'Er loopt al een verzoek tot vernietiging voor dit dossier.');
        const [row] = await tx.insert(v).values({ meldingId: m.id, reden: req.body.reden.trim(), requestedBy: actor.id! }).returning({ id: v.id });
        await writeAudit(tx, actor, caseAudit(req, { action: 'create', subjectType: 'vernietigingsverzoek', purpose: `verzoek:${row!.id}` }));
        return row!.id;
      });
      if (!id) throw notFound('Melding niet gevonden.');
      return reply.status(201).send({ id, status: 'aangevraagd' as const });
    },
  );

  app.get(
    '',
    {
      config: { action: 'vernietiging:besluiten' },
      schema: {
        tags: ['privacy'],
        summary: 'Destruction requests, open ones first (privacy officer)',
        response: { 200: Type.Object({ items: Type.Array(Verzoek) }), ...errors(401, 403, 503) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      return app.db.db.transaction(async (tx) => {
        const rows = await tx
          .select({ r: v, reference: schema.meldingen.reference, naam: schema.users.naam })
          .from(v)
          .innerJoin(schema.meldingen, eq(schema.meldingen.id, v.meldingId))
          .innerJoin(schema.users, eq(schema.users.id, v.requestedBy))
          .orderBy(sql`${v.status} = 'aangevraagd' desc`, desc(v.requestedAt))
          .limit(500);
        await writeAudit(tx, actor, { action: 'search', subjectType: 'vernietigingsverzoek', ip: req.ip });
        return {
          items: rows.map(({ r, reference, naam }) => ({
            id: r.id,
            meldingId: r.meldingId,
            reference,
            reden: r.reden,
            requestedBy: { id: r.requestedBy, naam },
            requestedAt: r.requestedAt.toISOString(),
            status: r.status,
            besluitReden: r.besluitReden,
            decidedAt: r.decidedAt?.toISOString() ?? null,
            executedAt: r.executedAt?.toISOString() ?? null,
          })),
        };
      });
    },
  );
}
