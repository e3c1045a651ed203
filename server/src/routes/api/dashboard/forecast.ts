// The expected backlog for the next 12 weeks.
import { forecast } from '@vt/db';
import { Type } from 'typebox';
import { IsoDate } from '../../../schemas/common.ts';
import { Scope, Series } from '../../../schemas/dashboard.ts';
import { gemeenteOf, teamIdOf } from '../../../services/dashboard.ts';
import { readLagging } from '../../../services/read.ts';
import type { App } from '../../../types.ts';

export default async function route(app: App) {
  app.get(
    '/forecast',
    {
      config: { action: 'dashboard:read' },
      schema: {
        tags: ['dashboard'],
        summary: 'Expected backlog per week for the next 12 weeks from recent arrivals and completions, with its assumptions',
        querystring: Type.Object(Scope, { additionalProperties: false }),
        response: {
          200: Type.Object({
            assumptions: Type.Object({ basisWeeks: Type.Integer(), from: IsoDate, to: IsoDate, method: Type.String() }),
            beoordeling: Series,
            wachtlijstOnderzoek: Series,
          }),
        },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const teamId = await teamIdOf(app, req.query.team);
      const gemeente = await gemeenteOf(app, req.query.gemeente);
      return readLagging(app, actor, { action: 'search', subjectType: 'dashboard', ip: req.ip, purpose: 'forecast' }, (tx) => forecast(tx, { teamId, gemeente }));
    },
  );
}
