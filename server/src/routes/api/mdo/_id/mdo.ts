// One MDO with its participants and agenda.
import { findMdo, writeAudit, type Tx } from '@vt/db';
import { can } from '../../../../authz.ts';
import { notFound } from '../../../../errors.ts';
import { IdParams, errors } from '../../../../schemas/common.ts';
import { Mdo } from '../../../../schemas/mdo.ts';
import type { App } from '../../../../types.ts';

export default async function route(app: App) {
  async function mdoView(tx: Tx, id: string) {
    const mdo = await findMdo(tx, id);
    if (!mdo) return null;
    return {
      id: mdo.id,
      datum: mdo.datum,
      deelnemers: mdo.deelnemersInfo.map((d) => ({ id: d.id, naam: d.naam, roles: d.roles })),
      agenda: mdo.agenda.map(({ factoren, ...a }) => ({
        ...a,
        // The three heaviest factors say enough for the agenda; the case page has them all.
        factoren: [...(factoren ?? [])].sort((x, y) => y.weight - x.weight).slice(0, 3).map((f) => f.code),
        receivedAt: a.receivedAt.toISOString(),
        besluitAt: a.besluitAt?.toISOString() ?? null,
      })),
      externen: mdo.externen,
    };
  }

  app.get(
    '',
    {
      // The agenda names several cases: it is the meeting's, read by whoever runs MDOs and by its participants.
      config: { action: 'mdo:lezen', caseAccess: false },
      schema: { tags: ['levensloop'], summary: 'An MDO with its participants and agenda (for the printable agenda and minutes)', params: IdParams, response: { 200: Mdo, ...errors(404) } },
    },
    async (req) => {
      const actor = req.actor!;
      const view = await app.db.db.transaction(async (tx) => {
        const v = await mdoView(tx, req.params.id);
        const mayRead = v && (can(actor, 'mdo:beheren') || v.deelnemers.some((d) => d.id === actor.id));
        await writeAudit(tx, actor, { action: 'read', subjectType: 'mdo', subjectId: req.params.id, ip: req.ip, result: mayRead ? 'success' : 'not_found' });
        return mayRead ? v : null;
      });
      if (!view) throw notFound('MDO niet gevonden.');
      return view;
    },
  );
}
