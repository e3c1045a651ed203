// The manager's waiting-list metrics (domain.md, "Waiting lists"; api.md, Dashboard), for the region, a team or a
// gemeente, at any moment: every metric is derived from timestamps (receipt, decisions, starts, acceptances,
// recordings), not from the current status, so `at` replays the past exactly — last month's report can be re-run.
// Aggregates only: no row of a case leaves this module.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { amsterdamDate } from '../domain/calendar.ts';
import { dashboardMetrics, dashboardTargets } from '../schema.ts';

export type DashboardMetric = (typeof dashboardMetrics)[number];
export type CountMetric = Exclude<DashboardMetric, 'beoordeling_on_time_pct' | 'onderzoek_on_time_pct'>;

export interface DashboardFilter {
  at: Date;
  teamId?: string | null;
  gemeente?: string | null;
}

export interface MetricValue {
  code: DashboardMetric;
  count?: number;
  /** The longest time, in calendar days, that an item has been in this state (0 when there is none). */
  oldestWaitDays?: number;
  percent?: number | null;
  /** How many items the percentage is over. */
  over?: number;
  target: number | null;
  breached: boolean;
}

const PCT_WINDOW_DAYS = 90;

export async function wachtlijstMetrics(db: DbOrTx, f: DashboardFilter): Promise<MetricValue[]> {
  const T = f.at.toISOString();
  const D = amsterdamDate(f.at);
  const scope = (m: string): SQL =>
    sql.join(
      [
        f.teamId ? sql`${sql.raw(m)}.team_id = ${f.teamId}::uuid` : sql`true`,
        f.gemeente ? sql`${sql.raw(m)}.gemeente_code = ${f.gemeente}` : sql`true`,
      ],
      sql` and `,
    );
  const days = (from: SQL) => sql`coalesce(floor(max(extract(epoch from (${T}::timestamptz - ${from})) / 86400)), 0)::int`;
  const dateDays = (from: SQL) => sql`coalesce(max(${D}::date - ${from}), 0)::int`;

  const [rows] = await db.execute<Record<string, number | null>>(sql`
    select
      (select count(*)::int from meldingen m
        where m.received_at <= ${T}::timestamptz and m.beoordeling_due_at < ${T}::timestamptz and ${scope('m')}
          and not exists (select 1 from beoordelingen b where b.melding_id = m.id and b.decided_at <= ${T}::timestamptz)) as beoordeling_overdue,
      (select ${days(sql`m.received_at`)} from meldingen m
        where m.received_at <= ${T}::timestamptz and m.beoordeling_due_at < ${T}::timestamptz and ${scope('m')}
          and not exists (select 1 from beoordelingen b where b.melding_id = m.id and b.decided_at <= ${T}::timestamptz)) as beoordeling_overdue_oldest,

      (select count(*)::int from onderzoeken o join meldingen m on m.id = o.melding_id
        where o.besluit_at <= ${T}::timestamptz and (o.started_at is null or o.started_at > ${D}::date)
          and (o.afgerond_at is null or o.afgerond_at > ${T}::timestamptz) and ${scope('m')}) as wachtlijst_onderzoek,
      (select ${days(sql`o.besluit_at`)} from onderzoeken o join meldingen m on m.id = o.melding_id
        where o.besluit_at <= ${T}::timestamptz and (o.started_at is null or o.started_at > ${D}::date)
          and (o.afgerond_at is null or o.afgerond_at > ${T}::timestamptz) and ${scope('m')}) as wachtlijst_onderzoek_oldest,

      (select count(*)::int from onderzoeken o join meldingen m on m.id = o.melding_id
        where o.started_at <= ${D}::date and o.due_date < ${D}::date
          and (o.afgerond_at is null or o.afgerond_at > ${T}::timestamptz) and ${scope('m')}) as onderzoek_overdue,
      (select ${dateDays(sql`o.due_date`)} from onderzoeken o join meldingen m on m.id = o.melding_id
        where o.started_at <= ${D}::date and o.due_date < ${D}::date
          and (o.afgerond_at is null or o.afgerond_at > ${T}::timestamptz) and ${scope('m')}) as onderzoek_overdue_oldest,

      (select count(*)::int from overdrachten ov join meldingen m on m.id = ov.melding_id
        where ov.created_at <= ${T}::timestamptz and (ov.decided_at is null or ov.decided_at > ${T}::timestamptz) and ${scope('m')}) as overdracht_pending,
      (select ${days(sql`ov.created_at`)} from overdrachten ov join meldingen m on m.id = ov.melding_id
        where ov.created_at <= ${T}::timestamptz and (ov.decided_at is null or ov.decided_at > ${T}::timestamptz) and ${scope('m')}) as overdracht_pending_oldest,

      (select count(*)::int from monitoring_checkpoints c join meldingen m on m.id = c.melding_id
        where c.due_date < ${D}::date and (c.recorded_at is null or c.recorded_at > ${T}::timestamptz) and ${scope('m')}) as monitoring_due,
      (select ${dateDays(sql`c.due_date`)} from monitoring_checkpoints c join meldingen m on m.id = c.melding_id
        where c.due_date < ${D}::date and (c.recorded_at is null or c.recorded_at > ${T}::timestamptz) and ${scope('m')}) as monitoring_due_oldest,

      (select count(*)::int from meldingen m
        join lateral (select min(b.decided_at) as first from beoordelingen b where b.melding_id = m.id) b on true
        where b.first > ${T}::timestamptz - make_interval(days => ${PCT_WINDOW_DAYS}) and b.first <= ${T}::timestamptz and ${scope('m')}) as beoordeling_total,
      (select count(*)::int from meldingen m
        join lateral (select min(b.decided_at) as first from beoordelingen b where b.melding_id = m.id) b on true
        where b.first > ${T}::timestamptz - make_interval(days => ${PCT_WINDOW_DAYS}) and b.first <= ${T}::timestamptz and ${scope('m')}
          and b.first <= m.beoordeling_due_at) as beoordeling_on_time,

      (select count(*)::int from onderzoeken o join meldingen m on m.id = o.melding_id
        where o.afgerond_at > ${T}::timestamptz - make_interval(days => ${PCT_WINDOW_DAYS}) and o.afgerond_at <= ${T}::timestamptz and ${scope('m')}) as onderzoek_total,
      (select count(*)::int from onderzoeken o join meldingen m on m.id = o.melding_id
        where o.afgerond_at > ${T}::timestamptz - make_interval(days => ${PCT_WINDOW_DAYS}) and o.afgerond_at <= ${T}::timestamptz and ${scope('m')}
          and (o.afgerond_at at time zone 'Europe/Amsterdam')::date <= o.due_date) as onderzoek_on_time`);
  const r = rows!;
  const targets = await targetsAt(db, f.at, f.teamId ?? null);
  const counts: CountMetric[] = ['beoordeling_overdue', 'wachtlijst_onderzoek', 'onderzoek_overdue', 'overdracht_pending', 'monitoring_due'];
  const out: MetricValue[] = counts.map((code) => {
    const count = Number(r[code] ?? 0);
    const target = targets.get(code) ?? null;
    return { code, count, oldestWaitDays: Number(r[`${code}_oldest`] ?? 0), target, breached: target !== null && count > target };
  });
  for (const [code, total, onTime] of [
    ['beoordeling_on_time_pct', 'beoordeling_total', 'beoordeling_on_time'],
    ['onderzoek_on_time_pct', 'onderzoek_total', 'onderzoek_on_time'],
  ] as const) {
    const over = Number(r[total] ?? 0);
    const percent = over ? Math.round((1000 * Number(r[onTime] ?? 0)) / over) / 10 : null;
    const target = targets.get(code) ?? null;
    out.push({ code, percent, over, target, breached: target !== null && percent !== null && percent < target });
  }
  return out;
}

/** The targets in force at `at`: the team's own where it has one, otherwise the region's. */
export async function targetsAt(db: DbOrTx, at: Date, teamId: string | null): Promise<Map<DashboardMetric, number>> {
  const rows = await db.execute<{ metric: DashboardMetric; value: number }>(sql`
    select distinct on (metric) metric::text as metric, value from ${dashboardTargets}
     where valid_from <= ${at.toISOString()}::timestamptz
       and (team_id is null ${teamId ? sql`or team_id = ${teamId}::uuid` : sql``})
     order by metric, (team_id is not null) desc, valid_from desc`);
  return new Map(rows.map((r) => [r.metric, Number(r.value)]));
}

export async function setTarget(db: DbOrTx, t: { metric: DashboardMetric; value: number; teamId: string | null; validFrom: Date; createdBy: string }) {
  const [row] = await db.insert(dashboardTargets).values(t).returning();
  return row!;
}
