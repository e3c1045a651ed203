// The cases behind a waiting-list count, for the chef van de dag (references and dates only).
import { listMetrics, metricItems } from '@vt/db';
import { teamKinds } from '@vt/db/domain';
import { Type } from 'typebox';
import { DateTime, GemeenteCode, Id, codeEnum } from '../../../schemas/common.ts';
import { dashboardFilter } from '../../../services/dashboard.ts';
import { readLagging } from '../../../services/read.ts';
import type { App } from '../../../types.ts';

export default async function route(app: App) {
  app.get(
    '/lijst',
    {
      config: { action: 'dashboard:lijst' },
      schema: {
        tags: ['dashboard'],
        summary: 'The cases behind a waiting-list count (references and dates only), for staff who may read them',
        querystring: Type.Object(
          { metric: codeEnum(listMetrics), team: Type.Optional(Type.Union([Id, codeEnum(teamKinds)])), gemeente: Type.Optional(GemeenteCode), at: Type.Optional(DateTime) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            at: DateTime,
            metric: codeEnum(listMetrics),
            items: Type.Array(Type.Object({ meldingId: Id, reference: Type.String(), gemeente: Type.String(), sinds: Type.String(), dagen: Type.Integer() })),
          }),
        },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const filter = await dashboardFilter(app, req.query);
      const at = filter.at;
      const items = await readLagging(app, actor, { action: 'search', subjectType: 'dashboard_lijst', subjectId: req.query.metric, ip: req.ip, purpose: JSON.stringify(req.query) }, (tx) => metricItems(tx, req.query.metric, filter));
      return { at: at.toISOString(), metric: req.query.metric, items };
    },
  );
}
