// The gemeenten side by side (issue #18): each gemeente's waiting lists and on-time percentages at one moment, and
// the region as their sum; aggregates only, audited like the dashboard.
import { gemeenteVergelijking } from '@vt/db';
import { Type } from 'typebox';
import { DateTime } from '../../../schemas/common.ts';
import { Metric } from '../../../schemas/dashboard.ts';
import { dashboardFilter } from '../../../services/dashboard.ts';
import { readLagging } from '../../../services/read.ts';
import type { App } from '../../../types.ts';

export default async function route(app: App) {
  app.get(
    '/gemeenten',
    {
      config: { action: 'dashboard:read' },
      schema: {
        tags: ['dashboard'],
        summary: "Every gemeente's waiting lists and on-time percentages side by side, now or at `at`, with the region as their sum",
        querystring: Type.Object({ at: Type.Optional(DateTime) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            at: DateTime,
            gemeenten: Type.Array(Type.Object({ gemeente: Type.String(), naam: Type.String(), metrics: Type.Array(Metric) })),
            regio: Type.Array(Metric),
          }),
        },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const { at } = await dashboardFilter(app, req.query);
      const v = await readLagging(app, actor, { action: 'search', subjectType: 'dashboard_gemeenten', ip: req.ip, purpose: JSON.stringify(req.query) }, (tx) => gemeenteVergelijking(tx, at));
      return { ...v, at: v.at.toISOString() };
    },
  );
}
