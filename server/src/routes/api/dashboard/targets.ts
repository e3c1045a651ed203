// Setting a waiting-list target (manager).
import { setTarget, writeAudit } from '@vt/db';
import { teamKinds } from '@vt/db/domain';
import { Type } from 'typebox';
import { badRequest } from '../../../errors.ts';
import { DateTime, Id, Nullable, codeEnum } from '../../../schemas/common.ts';
import { MetricCode } from '../../../schemas/dashboard.ts';
import { teamIdOf } from '../../../services/dashboard.ts';
import type { App } from '../../../types.ts';

export default async function route(app: App) {
  app.post(
    '/targets',
    {
      config: { action: 'dashboard:targets' },
      schema: {
        tags: ['dashboard'],
        summary: 'Set a target for a metric, for the region or a team, from a moment on (earlier moments keep theirs)',
        body: Type.Object(
          { metric: MetricCode, value: Type.Integer({ minimum: 0, maximum: 100_000 }), team: Type.Optional(Type.Union([Id, codeEnum(teamKinds)])), validFrom: Type.Optional(DateTime) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Id, metric: MetricCode, value: Type.Integer(), teamId: Nullable(Id), validFrom: DateTime }) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      if (req.body.metric.endsWith('_pct') && req.body.value > 100) throw badRequest('Een percentage ligt tussen 0 en 100.', [{ path: '/value', message: 'Tussen 0 en 100.' }]);
      const teamId = await teamIdOf(app, req.body.team);
      const row = await app.db.db.transaction(async (tx) => {
        const t = await setTarget(tx, { metric: req.body.metric, value: req.body.value, teamId, validFrom: req.body.validFrom ? new Date(req.body.validFrom) : new Date(), createdBy: actor.id! });
        await writeAudit(tx, actor, { action: 'update', subjectType: 'dashboard_target', subjectId: t.id, ip: req.ip, purpose: `${t.metric}=${t.value}` });
        return t;
      });
      return reply.status(201).send({ id: row.id, metric: row.metric, value: row.value, teamId: row.teamId, validFrom: row.validFrom.toISOString() });
    },
  );
}
