import { Type } from 'typebox';
import { listWerkvoorraad, resolveTeams, writeAudit } from '@vt/db';
import { amsterdamDate, bands, meldingStatussen, routes, teamKinds, urgencies } from '@vt/db/domain';
import { DateTime, Id, Nullable, codeEnum, errors } from '../schemas/common.ts';
import type { App } from '../types.ts';

const Item = Type.Object({
  id: Id,
  reference: Type.String(),
  band: Nullable(codeEnum(bands)),
  priority: Nullable(Type.Integer()),
  urgency: Nullable(codeEnum(urgencies)),
  route: Nullable(codeEnum(routes)),
  status: codeEnum(meldingStatussen),
  receivedAt: DateTime,
  dueAt: DateTime,
  werkdagenWachtend: Type.Integer(),
  gemeente: Type.String(),
  assignedTo: Type.Array(Id),
});

export default async function werkvoorraadRoutes(app: App) {
  app.get(
    '/werkvoorraad',
    {
      schema: {
        tags: ['werkvoorraad'],
        summary: "A team's open meldingen, by band and then earliest deadline",
        querystring: Type.Object({ team: Type.Optional(Type.Union([Id, codeEnum(teamKinds)])) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Item) }), ...errors(400, 401, 403, 503) },
      },
    },
    async (req) => {
      const actor = app.authorize(req, 'werkvoorraad:read');
      const team = req.query.team ?? req.sessionUser?.teamId ?? 'beoordeling';
      const kalender = await app.kalender();
      const today = amsterdamDate(new Date());
      // Many cases arrived on the same day: count each day's working days once.
      const waited = new Map<string, number>();
      const werkdagenWachtend = (day: string) => {
        let n = waited.get(day);
        if (n === undefined) waited.set(day, (n = kalender.werkdagenTussen(day, today)));
        return n;
      };
      return app.db.db.transaction(async (tx) => {
        const teamIds = await resolveTeams(tx, team);
        const rows = await listWerkvoorraad(tx, teamIds);
        await writeAudit(tx, actor, { action: 'search', subjectType: 'werkvoorraad', subjectId: team, ip: req.ip });
        return {
          items: rows.map(({ receivedOn, teamId: _teamId, ...r }) => ({ ...r, werkdagenWachtend: werkdagenWachtend(receivedOn) })),
        };
      });
    },
  );
}
