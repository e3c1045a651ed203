// Planning MDOs, listing them, and the MDO queue.
import { createMdo, listMdo, mdoWachtrij, writeAudit } from '@vt/db';
import { bands } from '@vt/db/domain';
import { Type } from 'typebox';
import { can } from '../../../authz.ts';
import { DateTime, Id, IsoDate, Nullable, codeEnum } from '../../../schemas/common.ts';
import { ExterneDeelnemer } from '../../../schemas/mdo.ts';
import type { App } from '../../../types.ts';

export default async function route(app: App) {
  app.post(
    '',
    {
      config: { action: 'mdo:beheren' },
      schema: {
        tags: ['levensloop'],
        summary: 'Plan an MDO with its participants (gedragswetenschapper, vertrouwensarts, case workers)',
        body: Type.Object(
          {
            datum: IsoDate,
            deelnemers: Type.Array(Id, { minItems: 1, maxItems: 30, uniqueItems: true }),
            externen: Type.Optional(Type.Array(ExterneDeelnemer, { maxItems: 20, description: 'Participants from outside Veilig Thuis (police, wijkteam, school), by name and organisation.' })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Id }) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const row = await app.db.db.transaction(async (tx) => {
        const externen = req.body.externen?.map((e) => ({ naam: e.naam.trim(), organisatie: e.organisatie.trim() }));
        const mdo = await createMdo(tx, { datum: req.body.datum, deelnemers: req.body.deelnemers, ...(externen ? { externen } : {}), actorId: actor.id! });
        await writeAudit(tx, actor, { action: 'create', subjectType: 'mdo', subjectId: mdo.id, ip: req.ip });
        return mdo;
      });
      return reply.status(201).send({ id: row.id });
    },
  );

  app.get(
    '',
    {
      config: { action: 'mdo:lezen' },
      schema: {
        tags: ['levensloop'],
        summary: 'MDOs, newest first, with the size of their agenda (a participant sees the MDOs it takes part in)',
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Id, datum: IsoDate, deelnemers: Type.Integer(), punten: Type.Integer(), open: Type.Integer() })) }) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      // Whoever runs MDOs sees them all; a participant the MDOs it takes part in (the same rule as GET /mdo/:id).
      const all = can(actor, 'mdo:beheren');
      const rows = (await listMdo(app.db.db)).filter((r) => all || r.deelnemers.includes(actor.id!));
      return { items: rows.map((r) => ({ id: r.id, datum: r.datum, deelnemers: r.deelnemers.length, punten: r.punten, open: r.open })) };
    },
  );

  app.get(
    '/wachtrij',
    {
      config: { action: 'mdo:lezen' },
      schema: {
        tags: ['levensloop'],
        summary: 'The MDO queue: cases routed to the MDO and not yet on an open agenda',
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Id, reference: Type.String(), band: Nullable(codeEnum(bands)), gemeente: Type.String(), since: DateTime })) }) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      return app.db.db.transaction(async (tx) => {
        const rows = await mdoWachtrij(tx, actor);
        await writeAudit(tx, actor, { action: 'search', subjectType: 'mdo_wachtrij', ip: req.ip });
        return { items: rows.map((r) => ({ id: r.id, reference: r.reference, band: r.band, gemeente: r.gemeente, since: r.updatedAt.toISOString() })) };
      });
    },
  );
}
