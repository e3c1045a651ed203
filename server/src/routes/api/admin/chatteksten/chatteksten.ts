// The chat console's standard texts (issue #21), kept by the beheerder: added, changed, taken out of use (kept on
// file, no longer offered). Each change is in the audit trail.
import { schema, writeAudit } from '@vt/db';
import { asc, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { notFound } from '../../../../errors.ts';
import { DateTime, Id, IdParams, Text, errors } from '../../../../schemas/common.ts';
import type { App } from '../../../../types.ts';

const Tekst = Type.Object({ id: Id, titel: Type.String(), tekst: Type.String(), volgorde: Type.Integer(), actief: Type.Boolean(), updatedAt: DateTime });
const Body = Type.Object(
  { titel: Text(100, { minLength: 2 }), tekst: Text(2000, { minLength: 2 }), volgorde: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })), actief: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
const view = (r: typeof schema.chatStandaardteksten.$inferSelect) => ({ id: r.id, titel: r.titel, tekst: r.tekst, volgorde: r.volgorde, actief: r.actief, updatedAt: r.updatedAt.toISOString() });

export default async function route(app: App) {
  app.get(
    '',
    { config: { action: 'chat:teksten' }, schema: { tags: ['chat'], summary: 'Every standard text of the chat console, also those out of use', response: { 200: Type.Object({ items: Type.Array(Tekst) }) } } },
    async () => ({ items: (await app.db.db.select().from(schema.chatStandaardteksten).orderBy(asc(schema.chatStandaardteksten.volgorde), asc(schema.chatStandaardteksten.titel))).map(view) }),
  );

  app.post(
    '',
    { config: { action: 'chat:teksten' }, schema: { tags: ['chat'], summary: 'Add a standard text', body: Body, response: { 201: Tekst, ...errors(400) } } },
    async (req, reply) => {
      const actor = req.actor!;
      const row = await app.db.db.transaction(async (tx) => {
        const [r] = await tx.insert(schema.chatStandaardteksten).values({ titel: req.body.titel.trim(), tekst: req.body.tekst.trim(), volgorde: req.body.volgorde ?? 0, actief: req.body.actief ?? true, updatedBy: actor.id }).returning();
        await writeAudit(tx, actor, { action: 'create', subjectType: 'chattekst', subjectId: r!.id, ip: req.ip });
        return r!;
      });
      return reply.status(201).send(view(row));
    },
  );

  app.put(
    '/:id',
    { config: { action: 'chat:teksten', caseAccess: false }, schema: { tags: ['chat'], summary: 'Change a standard text, or take it out of use (actief: false)', params: IdParams, body: Body, response: { 200: Tekst, ...errors(400, 404) } } },
    async (req) => {
      const actor = req.actor!;
      const row = await app.db.db.transaction(async (tx) => {
        const [r] = await tx
          .update(schema.chatStandaardteksten)
          .set({ titel: req.body.titel.trim(), tekst: req.body.tekst.trim(), ...(req.body.volgorde === undefined ? {} : { volgorde: req.body.volgorde }), ...(req.body.actief === undefined ? {} : { actief: req.body.actief }), updatedAt: new Date(), updatedBy: actor.id })
          .where(eq(schema.chatStandaardteksten.id, req.params.id))
          .returning();
        if (r) await writeAudit(tx, actor, { action: 'update', subjectType: 'chattekst', subjectId: r.id, ip: req.ip });
        return r;
      });
      if (!row) throw notFound('Deze standaardtekst bestaat niet.');
      return view(row);
    },
  );
}
