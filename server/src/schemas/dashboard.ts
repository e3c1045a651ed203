// Shapes of the dashboard routes, shared by their files (folder = URL prefix, server/src/routes/api).
import { dashboardMetrics, teamKinds } from '@vt/db/domain';
import { Type } from 'typebox';
import { GemeenteCode, Id, IsoDate, Nullable, codeEnum } from './common.ts';

export const MetricCode = codeEnum(dashboardMetrics);

export const Metric = Type.Object({
  code: MetricCode,
  count: Type.Optional(Type.Integer()),
  oldestWaitDays: Type.Optional(Type.Integer()),
  percent: Type.Optional(Nullable(Type.Number())),
  over: Type.Optional(Type.Integer()),
  target: Nullable(Type.Number()),
  breached: Type.Boolean(),
});

/** The scope every trend and forecast takes: a team (id or kind) or a gemeente. */
export const Scope = { team: Type.Optional(Type.Union([Id, codeEnum(teamKinds)])), gemeente: Type.Optional(GemeenteCode) };
export const Series = Type.Object({ now: Type.Integer(), arrivals: Type.Number(), completions: Type.Number(), points: Type.Array(Type.Object({ start: IsoDate, expected: Type.Integer() })) });
