// Waiting-list metrics against their targets (api.md, Dashboard); aggregates only, audited.
import { wachtlijstMetrics } from '@vt/db';
import { teamKinds } from '@vt/db/domain';
import { Type } from 'typebox';
import { DateTime, GemeenteCode, Id, codeEnum } from '../../../schemas/common.ts';
import { Metric } from '../../../schemas/dashboard.ts';
import { dashboardFilter } from '../../../services/dashboard.ts';
import { readLagging } from '../../../services/read.ts';
import type { App } from '../../../types.ts';

export default async function route(app: App) {
  app.get(
    '/wachtlijst',
    {
      config: { action: 'dashboard:read' },
      schema: {
        tags: ['dashboard'],
        summary: 'Waiting-list metrics against their targets, for the region, a team or a gemeente, now or at `at`',
        querystring: Type.Object({ team: Type.Optional(Type.Union([Id, codeEnum(teamKinds)])), gemeente: Type.Optional(GemeenteCode), at: Type.Optional(DateTime) }, { additionalProperties: false }),
        response: { 200: Type.Object({ at: DateTime, metrics: Type.Array(Metric) }) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const filter = await dashboardFilter(app, req.query);
      const at = filter.at;
      const metrics = await readLagging(app, actor, { action: 'search', subjectType: 'dashboard', ip: req.ip, purpose: JSON.stringify(req.query) }, (tx) => wachtlijstMetrics(tx, filter));
      return { at: at.toISOString(), metrics };
    },
  );
}
