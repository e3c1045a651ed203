// Destruction requests (issue #4; domain.md, Records): staff request destruction of a case file on behalf of a
// betrokkene; the privacy officer grants or refuses it with a reason; a granted request is carried out at once
// (the personal data and free text go, the statistics stay). Every step leaves an audit row.
import { and, desc, eq, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { anonymiseMelding, schema, writeAudit } from '@vt/db';
import { HttpError, notFound } from '../errors.ts';
import { caseAudit } from '../plugins/app/case-access.ts';
import { DateTime, Id, IdParams, Nullable, errors } from '../schemas/common.ts';
import type { App } from '../types.ts';

const v = schema.vernietigingsverzoeken;
const Reden = Type.String({ minLength: 10, maxLength: 2000 });
const Verzoek = Type.Object({
  id: Id,
  meldingId: Id,
  reference: Type.String(),
  reden: Type.String(),
  requestedBy: Type.Object({ id: Id, naam: Type.String() }),
  requestedAt: DateTime,
  status: Type.Union([Type.Literal('aangevraagd'), Type.Literal('toegewezen'), Type.Literal('afgewezen')]),
  besluitReden: Nullable(Type.String()),
  decidedAt: Nullable(DateTime),
  executedAt: Nullable(DateTime),
});

export default async function vernietigingRoutes(app: App) {
  app.post(
    '/vernietigingsverzoeken',
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
    '/vernietigingsverzoeken',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Destruction requests, open ones first (privacy officer)',
        response: { 200: Type.Object({ items: Type.Array(Verzoek) }), ...errors(401, 403, 503) },
      },
    },
    async (req) => {
      const actor = app.authorize(req, 'vernietiging:besluiten');
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

  app.post(
    '/vernietigingsverzoeken/:id/besluit',
    {
      // The privacy officer decides on a request (its :id); deciding is their work, not a read of the case file.
      config: { caseAccess: false },
      schema: {
        tags: ['privacy'],
        summary: 'Grant (and carry out at once) or refuse a destruction request, with a reason',
        params: IdParams,
        body: Type.Object({ besluit: Type.Union([Type.Literal('toegewezen'), Type.Literal('afgewezen')]), reden: Reden }, { additionalProperties: false }),
        response: { 200: Type.Object({ id: Id, status: Type.String(), executedAt: Nullable(DateTime) }), ...errors(400, 401, 403, 404, 409, 503) },
      },
    },
    async (req) => {
      const actor = app.authorize(req, 'vernietiging:besluiten');
      const now = new Date();
      const grant = req.body.besluit === 'toegewezen';
      const result = await app.db.db.transaction(async (tx) => {
        // Only an open request is decided, once: the row lock keeps two decisions from crossing.
        const [r] = await tx.select().from(v).where(eq(v.id, req.params.id)).for('update');
        if (!r) return null;
        if (r.status !== 'aangevraagd') throw new HttpError(409, 'CONFLICT', 'Over dit verzoek is al besloten.');
        await tx
          .update(v)
          .set({ status: req.body.besluit, besluitReden: req.body.reden.trim(), decidedBy: actor.id!, decidedAt: now, ...(grant ? { executedAt: now } : {}) })
          .where(eq(v.id, r.id));
        await writeAudit(tx, actor, { action: 'decide', subjectType: 'vernietigingsverzoek', subjectId: r.meldingId, ip: req.ip, purpose: `${req.body.besluit}:${r.id}` });
        if (grant) {
          await anonymiseMelding(tx, r.meldingId, now);
          await writeAudit(tx, actor, { action: 'update', subjectType: 'melding', subjectId: r.meldingId, ip: req.ip, purpose: `vernietigd:${r.id}` });
        }
        return { id: r.id, status: req.body.besluit, executedAt: grant ? now.toISOString() : null };
      });
      if (!result) throw notFound('Verzoek niet gevonden.');
      return result;
    },
  );
}
