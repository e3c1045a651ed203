// A team's open meldingen, by band and then earliest deadline (api.md, Work queues).
import { resolveTeams, werkvoorraadJson } from '@vt/db';
import { amsterdamDate, teamKinds, type WerkdagKalender } from '@vt/db/domain';
import { Type } from 'typebox';
import { Id, codeEnum } from '../../../schemas/common.ts';
import { Item } from '../../../schemas/werkvoorraad.ts';
import type { App } from '../../../types.ts';

// The weekday holidays since the system could first have held a case, per calendar (a new one after an
// administrator adds a day): what the working days waited are counted against in SQL.
const holidays = new WeakMap<WerkdagKalender, readonly string[]>();
function holidaysOf(k: WerkdagKalender): readonly string[] {
  let list = holidays.get(k);
  if (!list) holidays.set(k, (list = k.weekdagFeestdagen(1990, new Date().getUTCFullYear() + 1)));
  return list;
}

export default async function route(app: App) {
  app.get(
    '',
    {
      config: { action: 'werkvoorraad:read' },
      schema: {
        tags: ['werkvoorraad'],
        summary: "A team's open meldingen (or every team's: team=alle), by band and then earliest deadline",
        querystring: Type.Object(
          {
            team: Type.Optional(Type.Union([Id, codeEnum(teamKinds), Type.Literal('alle', { description: "Every Veilig Thuis team at once: the chef van de dag's dagstart" })])),
            ids: Type.Optional(
              Type.String({
                pattern: '^[0-9a-fA-F-]{36}(,[0-9a-fA-F-]{36}){0,99}$',
                description: 'Only these cases, comma-separated (at most 100): a list patched after live events. A case not in the answer has left the queue.',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Item) }) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      // The chef van de dag runs the day across teams: without a choice, the dagstart shows them all.
      const chef = actor.type === 'user' && actor.roles.includes('chef_van_de_dag');
      const team = req.query.team ?? (chef ? 'alle' : (req.sessionUser?.teamId ?? 'beoordeling'));
      const kalender = await app.kalender();
      const teamIds = await resolveTeams(app.db.db, team);
      // Postgres writes the answer (and its audit row) in one statement; it goes out as it came.
      const ids = req.query.ids?.split(',');
      const body = await werkvoorraadJson(app.db.db, { teamIds, today: amsterdamDate(new Date()), weekdayHolidays: holidaysOf(kalender), actor, team, ip: req.ip, ...(ids ? { ids } : {}) });
      return reply.type('application/json; charset=utf-8').send(body as never);
    },
  );
}
