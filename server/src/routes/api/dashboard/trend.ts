// A metric per week against its target.
import { trend } from '@vt/db';
import { amsterdamDate } from '@vt/db/domain';
import { Type } from 'typebox';
import { badRequest } from '../../../errors.ts';
import { IsoDate, Nullable } from '../../../schemas/common.ts';
import { MetricCode, Scope } from '../../../schemas/dashboard.ts';
import { gemeenteOf, teamIdOf } from '../../../services/dashboard.ts';
import { readLagging } from '../../../services/read.ts';
import type { App } from '../../../types.ts';

export default async function route(app: App) {
  app.get(
    '/trend',
    {
      config: { action: 'dashboard:read' },
      schema: {
        tags: ['dashboard'],
        summary: 'One metric per week (start = Monday) with the target in force then',
        querystring: Type.Object({ metric: MetricCode, from: Type.Optional(IsoDate), to: Type.Optional(IsoDate), interval: Type.Optional(Type.Literal('week')), ...Scope }, { additionalProperties: false }),
        response: { 200: Type.Object({ metric: MetricCode, points: Type.Array(Type.Object({ start: IsoDate, value: Nullable(Type.Number()), target: Nullable(Type.Number()) })) }) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const to = req.query.to ?? amsterdamDate(new Date());
      const from = req.query.from ?? amsterdamDate(new Date(Date.now() - 52 * 7 * 86_400_000));
      if (from > to) throw badRequest('`from` ligt na `to`.', [{ path: '/from', message: 'Kies een begin vóór het einde.' }]);
      if (Date.parse(to) - Date.parse(from) > 5 * 366 * 86_400_000) throw badRequest('Kies hoogstens vijf jaar.', [{ path: '/from', message: 'Te lange periode.' }]);
      const teamId = await teamIdOf(app, req.query.team);
      const gemeente = await gemeenteOf(app, req.query.gemeente);
      const points = await readLagging(app, actor, { action: 'search', subjectType: 'dashboard', ip: req.ip, purpose: JSON.stringify(req.query) }, (tx) => trend(tx, req.query.metric, from, to, { teamId, gemeente }));
      return { metric: req.query.metric, points };
    },
  );
}
