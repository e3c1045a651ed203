// The manager's waiting-list metrics (domain.md, "Waiting lists"; api.md, Dashboard), for the region, a team or a
// gemeente, at any moment: every metric is derived from timestamps (receipt, decisions, starts, acceptances,
// recordings), not from the current status, so `at` replays the past exactly — last month's report can be re-run.
// Aggregates for the manager; the cases behind a count (metricItems) only for staff who may read them.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { addDays, amsterdamDate, amsterdamTime } from '../domain/calendar.ts';
import { dashboardMetrics } from '../domain/codes.ts';
import { dashboardTargets, isoInstant, waitInterval } from '../schema/index.ts';

export type { DashboardMetric } from '../domain/codes.ts';
import type { DashboardMetric } from '../domain/codes.ts';

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

const isPctMetric = (code: DashboardMetric) => code.endsWith('_pct');

/** The waiting lists a tile counts (not the percentages). */
export { listMetrics, type ListMetric } from '../domain/codes.ts';
import { listMetrics, type ListMetric } from '../domain/codes.ts';

/**
 * Each waiting list once, for its count (metricsAt) and for the cases behind it (metricItems): the table and its
 * waiting interval, and since when an item waits, an instant or a calendar date.
 */
const LISTS: Record<ListMetric, { table: string; alias: string; interval: string; extra?: string; since: string; sinceIsDate: boolean }> = {
  beoordeling_overdue: { table: 'meldingen', alias: 'm', interval: waitInterval.beoordelingOverdue('m.'), since: 'm.received_at', sinceIsDate: false },
  wachtlijst_onderzoek: { table: 'onderzoeken', alias: 'o', interval: waitInterval.wachtlijstOnderzoek('o.'), since: 'o.besluit_at', sinceIsDate: false },
  onderzoek_overdue: { table: 'onderzoeken', alias: 'o', interval: waitInterval.onderzoekOverdue('o.'), extra: 'o.due_date is not null', since: 'o.due_date', sinceIsDate: true },
  overdracht_pending: { table: 'overdrachten', alias: 'ov', interval: waitInterval.overdrachtPending('ov.'), since: 'ov.created_at', sinceIsDate: false },
  monitoring_due: { table: 'monitoring_checkpoints', alias: 'c', interval: waitInterval.monitoringDue('c.'), since: 'c.due_date', sinceIsDate: true },
};

/**
 * The rows of a list whose interval holds `T`, narrowed by the interval's index first (OFFSET 0 keeps the planner
 * from starting at the gemeente or team index instead, which walks a tenth of all history).
 */
const onList = (l: (typeof LISTS)[ListMetric], T: SQL) =>
  sql`(select * from ${sql.raw(l.table)} ${sql.raw(l.alias)} where ${l.extra ? sql.raw(`${l.extra} and `) : sql``}${sql.raw(l.interval)} @> ${T} offset 0) ${sql.raw(l.alias)}`;
/** The list's case as `m` (a list of meldingen is its own case). */
const caseOf = (l: (typeof LISTS)[ListMetric]) => (l.table === 'meldingen' ? sql`` : sql`join meldingen m on m.id = ${sql.raw(`${l.alias}.melding_id`)}`);
const scopeOf = (f: Omit<DashboardFilter, 'at'>) =>
  sql.join([f.teamId ? sql`m.team_id = ${f.teamId}::uuid` : sql`true`, f.gemeente ? sql`m.gemeente_code = ${f.gemeente}` : sql`true`], sql` and `);

/**
 * The metrics at each of `points` in one statement. Each waiting list is the set of rows whose waiting interval
 * (schema.ts, waitInterval) holds the moment, found through its GiST index: the cost follows the length of the list,
 * not ten years of history. The percentages read the last 90 days through btree indexes on the completion times.
 */
async function metricsAt(db: DbOrTx, points: Date[], f: Omit<DashboardFilter, 'at'>, codes: readonly DashboardMetric[] = dashboardMetrics) {
  const scope = scopeOf(f);
  const T = sql`p.at`;
  const D = sql`(p.at at time zone 'Europe/Amsterdam')::date`;
  const days = (from: SQL) => sql`coalesce(floor(max(extract(epoch from (${T} - ${from})) / 86400)), 0)::int`;
  const dateDays = (from: SQL) => sql`coalesce(max(${D} - ${from}), 0)::int`;
  // One lateral per metric, and only for the metrics asked for (a trend asks for one). The case's team and gemeente
  // are looked up only when the view is scoped.
  const scoped = Boolean(f.teamId || f.gemeente);
  const ofCase = (fk: string) => (scoped ? sql`join meldingen m on m.id = ${sql.raw(fk)} where ${scope}` : sql``);
  const counted = (code: ListMetric) => {
    const l = LISTS[code];
    const oldest = l.sinceIsDate ? dateDays(sql.raw(l.since)) : days(sql.raw(l.since));
    const where = l.table === 'meldingen' ? sql`where ${scope}` : ofCase(`${l.alias}.melding_id`);
    return sql`select count(*)::int as n, ${oldest} as oldest from ${onList(l, T)} ${where}`;
  };
  const laterals: Partial<Record<DashboardMetric, SQL>> = {
    ...(Object.fromEntries(listMetrics.map((code) => [code, counted(code)])) as Record<ListMetric, SQL>),
    beoordeling_on_time_pct: sql`select count(*)::int as n, count(*) filter (where m.first_beoordeling_at <= m.beoordeling_due_at)::int as on_time from meldingen m
        where m.first_beoordeling_at > ${T} - make_interval(days => ${PCT_WINDOW_DAYS}) and m.first_beoordeling_at <= ${T} and ${scope}`,
    onderzoek_on_time_pct: sql`select count(*)::int as n, count(*) filter (where (o.afgerond_at at time zone 'Europe/Amsterdam')::date <= o.due_date)::int as on_time
         from (select * from onderzoeken o where o.afgerond_at > ${T} - make_interval(days => ${PCT_WINDOW_DAYS}) and o.afgerond_at <= ${T} offset 0) o
         ${ofCase('o.melding_id')}`,
  };

  // Acute responses given late (issue #16): acute meldingen received in the last 90 days whose term (24 hours) has
  // passed with no response given in it — given after it, or not yet at all (those are the waiting, hence `oldest`).
  laterals.acute_inzet_te_laat = sql`select count(*)::int as n,
        coalesce(floor(max(extract(epoch from (${T} - m.response_due_at)) / 86400) filter (where a.eerste is null)), 0)::int as oldest
      from meldingen m
      left join lateral (select min(a.gegeven_op) as eerste from acute_inzetten a where a.melding_id = m.id and a.gegeven_op <= ${T}) a on true
     where m.response_due_at is not null and m.received_at > ${T} - make_interval(days => ${PCT_WINDOW_DAYS}) and m.response_due_at < ${T}
       and (a.eerste is null or a.eerste > m.response_due_at) and ${scope}`;

  // The melder's feedback (issue #20). On time: the terugkoppelingen due in the last 90 days whose date has passed or
  // that were given, and of those the ones given by their due date (one not given and past its date is late). Read:
  // the messages written in the last 90 days to a melder with a status link, and of those the ones the melder opened.
  laterals.terugkoppeling_on_time_pct = sql`select count(*)::int as n,
        count(*) filter (where k.done_at <= ${T} and (k.done_at at time zone 'Europe/Amsterdam')::date <= k.due_date)::int as on_time
      from (select * from terugkoppelingen k where k.due_date > ${D} - ${PCT_WINDOW_DAYS}::int and k.due_date <= ${D} offset 0) k
      ${ofCase('k.melding_id')}${scoped ? sql` and` : sql` where`} (k.due_date < ${D} or k.done_at <= ${T})`;
  laterals.terugkoppeling_gelezen_pct = sql`select count(*)::int as n, count(*) filter (where k.gelezen_at <= ${T})::int as on_time
      from (select * from terugkoppelingen k where k.bericht is not null and k.done_at > ${T} - make_interval(days => ${PCT_WINDOW_DAYS}) and k.done_at <= ${T} offset 0) k
      ${ofCase('k.melding_id')}${scoped ? sql` and` : sql` where`} exists (select 1 from melder_statuslinks s where s.melding_id = k.melding_id and s.created_at <= ${T})`;

  const wanted = codes.map((code, k) => ({ code, alias: sql.raw(`x${k}`) }));
  const rows = await db.execute<Record<string, number | null>>(sql`
    select p.i, ${sql.join(
      wanted.map(({ code, alias }) =>
        isPctMetric(code)
          ? sql`${alias}.n as ${sql.identifier(`${code}:over`)}, ${alias}.on_time as ${sql.identifier(`${code}:on_time`)}`
          : sql`${alias}.n as ${sql.identifier(code)}, ${alias}.oldest as ${sql.identifier(`${code}:oldest`)}`,
      ),
      sql`, `,
    )}
      from unnest(${`{${points.map((p) => p.toISOString()).join(',')}}`}::timestamptz[]) with ordinality as p(at, i)
      ${sql.join(wanted.map(({ code, alias }) => sql`cross join lateral (${laterals[code]!}) ${alias}`), sql`
      `)}
     order by p.i`);
  const targets = await targetHistory(db, f.teamId ?? null);
  return points.map((at, i) => {
    const r = rows[i]!;
    const inForce = targetsIn(targets, at);
    return codes.map((code): MetricValue => {
      const target = inForce.get(code) ?? null;
      if (!isPctMetric(code)) {
        const count = Number(r[code] ?? 0);
        return { code, count, oldestWaitDays: Number(r[`${code}:oldest`] ?? 0), target, breached: target !== null && count > target };
      }
      const over = Number(r[`${code}:over`] ?? 0);
      const percent = over ? Math.round((1000 * Number(r[`${code}:on_time`] ?? 0)) / over) / 10 : null;
      return { code, percent, over, target, breached: target !== null && percent !== null && percent < target };
    });
  });
}

export interface MetricItem {
  meldingId: string;
  reference: string;
  gemeente: string;
  /** Since when the item is on this list's clock: receipt, decision, due date, sending (ISO date or instant). */
  sinds: string;
  /** Calendar days since then, as oldestWaitDays counts them. */
  dagen: number;
}

/**
 * The cases behind a tile at `at`: the same waiting intervals as the counts (schema.ts, waitInterval), so the list
 * has exactly as many rows as the tile says (at most `limit`, longest wait first). For staff who may read the cases
 * (the route decides); references and dates only, no case content.
 */
export async function metricItems(db: DbOrTx, metric: ListMetric, f: DashboardFilter, limit = 500): Promise<MetricItem[]> {
  const l = LISTS[metric];
  const T = sql`${f.at.toISOString()}::timestamptz`;
  const D = sql`(${T} at time zone 'Europe/Amsterdam')::date`;
  const since = l.sinceIsDate
    ? sql`${sql.raw(l.since)}::text as sinds, (${D} - ${sql.raw(l.since)})::int as dagen`
    : sql`${sql.raw(isoInstant(l.since))} as sinds, floor(extract(epoch from (${T} - ${sql.raw(l.since)})) / 86400)::int as dagen`;
  const rows = await db.execute<{ id: string; reference: string; gemeente_code: string; sinds: string; dagen: number }>(sql`
    select * from (select m.id, m.reference, m.gemeente_code, ${since} from ${onList(l, T)} ${caseOf(l)} where ${scopeOf(f)}) x
     order by x.dagen desc, x.reference limit ${limit}`);
  return rows.map((r) => ({ meldingId: r.id, reference: r.reference, gemeente: r.gemeente_code, sinds: r.sinds, dagen: Number(r.dagen) }));
}

export async function wachtlijstMetrics(db: DbOrTx, f: DashboardFilter): Promise<MetricValue[]> {
  const [metrics] = await metricsAt(db, [f.at], f);
  return metrics!;
}

interface TargetRow {
  metric: DashboardMetric;
  value: number;
  team: boolean;
  validFrom: Date;
}

/** Every target row that can apply to the region or the team, newest first (a handful of rows). */
async function targetHistory(db: DbOrTx, teamId: string | null): Promise<TargetRow[]> {
  const rows = await db.execute<{ metric: DashboardMetric; value: number; team: boolean; valid_from: string }>(sql`
    select metric::text as metric, value, team_id is not null as team, valid_from from ${dashboardTargets}
     where team_id is null ${teamId ? sql`or team_id = ${teamId}::uuid` : sql``}
     order by valid_from desc`);
  return rows.map((r) => ({ metric: r.metric, value: Number(r.value), team: r.team, validFrom: new Date(r.valid_from) }));
}

/** The targets in force at `at`: the team's own where it has one, otherwise the region's. */
function targetsIn(rows: TargetRow[], at: Date): Map<DashboardMetric, number> {
  const out = new Map<DashboardMetric, number>();
  for (const team of [true, false]) {
    for (const r of rows) if (r.team === team && r.validFrom <= at && !out.has(r.metric)) out.set(r.metric, r.value);
  }
  return out;
}

export async function setTarget(db: DbOrTx, t: { metric: DashboardMetric; value: number; teamId: string | null; validFrom: Date; createdBy: string }) {
  const [row] = await db.insert(dashboardTargets).values(t).returning();
  return row!;
}

/** The Monday (Amsterdam calendar) of the week a date falls in. */
export function mondayOf(d: string): string {
  const dow = new Date(`${d}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(d, -((dow + 6) % 7));
}

/**
 * One point per ISO week from the week of `from` to the week of `to`: a count metric as it stood at the end of the
 * week (Monday 00:00 Amsterdam of the next week, or now for the running week), a percentage over the 90 days before
 * that moment; with the target in force then.
 */
export async function trend(db: DbOrTx, metric: DashboardMetric, from: string, to: string, f: Omit<DashboardFilter, 'at'> = {}, now = new Date()) {
  const weeks: { start: string; at: Date }[] = [];
  for (let week = mondayOf(from); week <= to; week = addDays(week, 7)) {
    if (amsterdamTime(week).getTime() > now.getTime()) break;
    const end = amsterdamTime(addDays(week, 7));
    weeks.push({ start: week, at: end.getTime() > now.getTime() ? now : end });
  }
  if (!weeks.length) return [];
  const values = await metricsAt(db, weeks.map((w) => w.at), f, [metric]);
  return weeks.map((w, i) => {
    const m = values[i]!.find((x) => x.code === metric)!;
    return { start: w.start, value: m.percent !== undefined ? m.percent : (m.count ?? 0), target: m.target };
  });
}

/**
 * The backlog for the next 12 weeks, from the mean arrivals and completions of the last 8 full weeks: for the
 * beoordeling (arrivals = meldingen received, completions = first beoordelingen) and for the onderzoek wachtlijst
 * (arrivals = decisions to investigate, completions = starts). A straight-line projection; its assumptions are part
 * of the answer so nobody mistakes it for more.
 */
export async function forecast(db: DbOrTx, f: Omit<DashboardFilter, 'at'> = {}, now = new Date(), weeks = 12, basis = 8) {
  const thisMonday = mondayOf(amsterdamDate(now));
  const since = amsterdamTime(addDays(thisMonday, -7 * basis)).toISOString();
  const until = amsterdamTime(thisMonday).toISOString();
  const scope = sql.join(
    [f.teamId ? sql`m.team_id = ${f.teamId}::uuid` : sql`true`, f.gemeente ? sql`m.gemeente_code = ${f.gemeente}` : sql`true`],
    sql` and `,
  );
  const [r] = await db.execute<Record<string, number>>(sql`
    select
      (select count(*)::int from meldingen m where m.received_at >= ${since}::timestamptz and m.received_at < ${until}::timestamptz and ${scope}) as b_in,
      (select count(*)::int from meldingen m
        where m.first_beoordeling_at >= ${since}::timestamptz and m.first_beoordeling_at < ${until}::timestamptz and ${scope}) as b_out,
      (select count(*)::int from onderzoeken o join meldingen m on m.id = o.melding_id where o.besluit_at >= ${since}::timestamptz and o.besluit_at < ${until}::timestamptz and ${scope}) as o_in,
      (select count(*)::int from onderzoeken o join meldingen m on m.id = o.melding_id where o.started_at >= ${amsterdamDate(new Date(since))}::date and o.started_at < ${thisMonday}::date and ${scope}) as o_out,
      (select count(*)::int from meldingen m where m.first_beoordeling_at is null and m.received_at <= ${now.toISOString()}::timestamptz and ${scope}) as b_now,
      (select count(*)::int from onderzoeken o join meldingen m on m.id = o.melding_id where o.started_at is null and o.afgerond_at is null and ${scope}) as o_now`);
  const x = r!;
  const series = (now0: number, inflow: number, outflow: number) => {
    const perWeek = { arrivals: Math.round((10 * inflow) / basis) / 10, completions: Math.round((10 * outflow) / basis) / 10 };
    const points = Array.from({ length: weeks }, (_, i) => ({
      start: addDays(thisMonday, 7 * (i + 1)),
      expected: Math.max(0, Math.round(now0 + (i + 1) * (perWeek.arrivals - perWeek.completions))),
    }));
    return { now: now0, ...perWeek, points };
  };
  return {
    assumptions: { basisWeeks: basis, from: amsterdamDate(new Date(since)), to: addDays(thisMonday, -1), method: 'lineair: stand nu + weken × (gemiddelde instroom − gemiddelde uitstroom)' },
    beoordeling: series(Number(x.b_now), Number(x.b_in), Number(x.b_out)),
    wachtlijstOnderzoek: series(Number(x.o_now), Number(x.o_in), Number(x.o_out)),
  };
}

/** The metrics the gemeente comparison shows: every waiting list and both on-time percentages. */
export const vergelijkingMetrics = [...listMetrics, 'beoordeling_on_time_pct', 'onderzoek_on_time_pct'] as const satisfies readonly DashboardMetric[];

/**
 * The waiting lists and on-time percentages of every gemeente at `at`, side by side (issue #18: the regiovisie's
 * gemeenten steer on their own figures), and the region as their sum. One grouped statement per metric over the same
 * waiting intervals as the tiles, so a gemeente's numbers are what the dashboard filtered on it shows; against the
 * region's targets (targets are set per region or team, not per gemeente).
 */
export async function gemeenteVergelijking(db: DbOrTx, at: Date) {
  const T = sql`${at.toISOString()}::timestamptz`;
  const D = sql`(${T} at time zone 'Europe/Amsterdam')::date`;
  const parts = listMetrics.map((code) => {
    const l = LISTS[code];
    const oldest = l.sinceIsDate ? sql`coalesce(max(${D} - ${sql.raw(l.since)}), 0)::int` : sql`coalesce(floor(max(extract(epoch from (${T} - ${sql.raw(l.since)})) / 86400)), 0)::int`;
    return sql`select m.gemeente_code as g, ${code}::text as metric, count(*)::int as n, ${oldest} as x from ${onList(l, T)} ${caseOf(l)} group by 1`;
  });
  parts.push(sql`select m.gemeente_code, 'beoordeling_on_time_pct', count(*)::int, count(*) filter (where m.first_beoordeling_at <= m.beoordeling_due_at)::int from meldingen m
      where m.first_beoordeling_at > ${T} - make_interval(days => ${PCT_WINDOW_DAYS}) and m.first_beoordeling_at <= ${T} group by 1`);
  parts.push(sql`select m.gemeente_code, 'onderzoek_on_time_pct', count(*)::int, count(*) filter (where (o.afgerond_at at time zone 'Europe/Amsterdam')::date <= o.due_date)::int
      from (select * from onderzoeken o where o.afgerond_at > ${T} - make_interval(days => ${PCT_WINDOW_DAYS}) and o.afgerond_at <= ${T} offset 0) o
      join meldingen m on m.id = o.melding_id group by 1`);
  const [rows, gemeenten, targets] = await Promise.all([
    db.execute<{ g: string; metric: DashboardMetric; n: number; x: number }>(sql.join(parts, sql` union all `)),
    db.execute<{ code: string; naam: string }>(sql`select code, naam from gemeenten order by naam`),
    targetHistory(db, null),
  ]);
  const inForce = targetsIn(targets, at);
  const values = (of: (code: DashboardMetric) => { n: number; x: number }) =>
    vergelijkingMetrics.map((code): MetricValue => {
      const target = inForce.get(code) ?? null;
      const { n, x } = of(code);
      if (!isPctMetric(code)) return { code, count: n, oldestWaitDays: x, target, breached: target !== null && n > target };
      const percent = n ? Math.round((1000 * x) / n) / 10 : null;
      return { code, percent, over: n, target, breached: target !== null && percent !== null && percent < target };
    });
  const cell = (g: string | null, code: DashboardMetric) => {
    const own = rows.filter((r) => r.metric === code && (g === null || r.g === g));
    // The region: counts and percentages' numbers add up, the longest wait is the longest of all.
    return { n: own.reduce((s, r) => s + Number(r.n), 0), x: isPctMetric(code) ? own.reduce((s, r) => s + Number(r.x), 0) : Math.max(0, ...own.map((r) => Number(r.x))) };
  };
  return {
    at,
    gemeenten: gemeenten.map((g) => ({ gemeente: g.code, naam: g.naam, metrics: values((code) => cell(g.code, code)) })),
    regio: values((code) => cell(null, code)),
  };
}
