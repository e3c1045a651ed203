// The manager's dashboard (api.md, "Dashboard and reporting"): waiting-list metrics against their targets, for the
// region, a team or a gemeente, now or at any past moment. Aggregates only; every call is audited.
import { Type } from 'typebox';
import { resolveTeams, schema, setTarget, wachtlijstMetrics, writeAudit } from '@vt/db';
import { teamKinds } from '@vt/db/domain';
import { badRequest } from '../errors.ts';
import { DateTime, GemeenteCode, Id, Nullable, codeEnum, errors } from '../schemas/common.ts';
import type { App } from '../types.ts';

const MetricCode = codeEnum(schema.dashboardMetrics);
const Metric = Type.Object({
  code: MetricCode,
  count: Type.Optional(Type.Integer()),
  oldestWaitDays: Type.Optional(Type.Integer()),
  percent: Type.Optional(Nullable(Type.Number())),
  over: Type.Optional(Type.Integer()),
  target: Nullable(Type.Number()),
  breached: Type.Boolean(),
});

export default async function dashboardRoutes(app: App) {
  async function teamIdOf(team: string | undefined): Promise<string | null> {
    if (!team) return null;
    const ids = await resolveTeams(app.db.db, team);
    if (ids.length !== 1) throw badRequest('Kies één team.', [{ path: '/team', message: 'Onbekend team, of een soort met meer dan één team.' }]);
    return ids[0]!;
  }

  app.get(
    '/dashboard/wachtlijst',
    {
      schema: {
        tags: ['dashboard'],
        summary: 'Waiting-list metrics against their targets, for the region, a team or a gemeente, now or at `at`',
        querystring: Type.Object({ team: Type.Optional(Type.Union([Id, codeEnum(teamKinds)])), gemeente: Type.Optional(GemeenteCode), at: Type.Optional(DateTime) }, { additionalProperties: false }),
        response: { 200: Type.Object({ at: DateTime, metrics: Type.Array(Metric) }), ...errors(400, 401, 403, 503) },
      },
    },
    async (req) => {
      const actor = app.authorize(req, 'dashboard:read');
      const at = req.query.at ? new Date(req.query.at) : new Date();
      if (at.getTime() > Date.now() + 60_000) throw badRequest('`at` ligt in de toekomst.', [{ path: '/at', message: 'Kies een moment in het verleden of nu.' }]);
      const teamId = await teamIdOf(req.query.team);
      return app.db.db.transaction(async (tx) => {
        const metrics = await wachtlijstMetrics(tx, { at, teamId, gemeente: req.query.gemeente ?? null });
        await writeAudit(tx, actor, { action: 'search', subjectType: 'dashboard', ip: req.ip, purpose: JSON.stringify(req.query) });
        return { at: at.toISOString(), metrics };
      });
    },
  );

  app.post(
    '/dashboard/targets',
    {
      schema: {
        tags: ['dashboard'],
        summary: 'Set a target for a metric, for the region or a team, from a moment on (earlier moments keep theirs)',
        body: Type.Object(
          { metric: MetricCode, value: Type.Integer({ minimum: 0, maximum: 100_000 }), team: Type.Optional(Type.Union([Id, codeEnum(teamKinds)])), validFrom: Type.Optional(DateTime) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Id, metric: MetricCode, value: Type.Integer(), teamId: Nullable(Id), validFrom: DateTime }), ...errors(400, 401, 403, 503) },
      },
    },
    async (req, reply) => {
      const actor = app.authorize(req, 'dashboard:targets');
      if (req.body.metric.endsWith('_pct') && req.body.value > 100) throw badRequest('Een percentage ligt tussen 0 en 100.', [{ path: '/value', message: 'Tussen 0 en 100.' }]);
      const teamId = await teamIdOf(req.body.team);
      const row = await app.db.db.transaction(async (tx) => {
        const t = await setTarget(tx, { metric: req.body.metric, value: req.body.value, teamId, validFrom: req.body.validFrom ? new Date(req.body.validFrom) : new Date(), createdBy: actor.id! });
        await writeAudit(tx, actor, { action: 'update', subjectType: 'dashboard_target', subjectId: t.id, ip: req.ip, purpose: `${t.metric}=${t.value}` });
        return t;
      });
      return reply.status(201).send({ id: row.id, metric: row.metric, value: row.value, teamId: row.teamId, validFrom: row.validFrom.toISOString() });
    },
  );
}
