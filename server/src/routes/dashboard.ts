// The manager's dashboard (api.md, "Dashboard and reporting"): waiting-list metrics against their targets, for the
// region, a team or a gemeente, now or at any past moment. Aggregates only; every call is audited.
import { Type } from 'typebox';
import { FACTSHEET_GROEPEN, forecast, halfjaar, jaarcijfers, listMetrics, metricItems, resolveTeams, schema, setTarget, trend, wachtlijstMetrics, writeAudit } from '@vt/db';
import { teamKinds } from '@vt/db/domain';
import { badRequest } from '../errors.ts';
import { DateTime, GemeenteCode, Id, IsoDate, Nullable, codeEnum, errors } from '../schemas/common.ts';
import { amsterdamDate } from '@vt/db/domain';
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

  app.get(
    '/dashboard/lijst',
    {
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
          ...errors(400, 401, 403, 503),
        },
      },
    },
    async (req) => {
      const actor = app.authorize(req, 'dashboard:lijst');
      const at = req.query.at ? new Date(req.query.at) : new Date();
      if (at.getTime() > Date.now() + 60_000) throw badRequest('`at` ligt in de toekomst.', [{ path: '/at', message: 'Kies een moment in het verleden of nu.' }]);
      const teamId = await teamIdOf(req.query.team);
      return app.db.db.transaction(async (tx) => {
        const items = await metricItems(tx, req.query.metric, { at, teamId, gemeente: req.query.gemeente ?? null });
        await writeAudit(tx, actor, { action: 'search', subjectType: 'dashboard_lijst', subjectId: req.query.metric, ip: req.ip, purpose: JSON.stringify(req.query) });
        return { at: at.toISOString(), metric: req.query.metric, items };
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

  const Scope = { team: Type.Optional(Type.Union([Id, codeEnum(teamKinds)])), gemeente: Type.Optional(GemeenteCode) };

  app.get(
    '/dashboard/trend',
    {
      schema: {
        tags: ['dashboard'],
        summary: 'One metric per week (start = Monday) with the target in force then',
        querystring: Type.Object({ metric: MetricCode, from: Type.Optional(IsoDate), to: Type.Optional(IsoDate), interval: Type.Optional(Type.Literal('week')), ...Scope }, { additionalProperties: false }),
        response: { 200: Type.Object({ metric: MetricCode, points: Type.Array(Type.Object({ start: IsoDate, value: Nullable(Type.Number()), target: Nullable(Type.Number()) })) }), ...errors(400, 401, 403, 503) },
      },
    },
    async (req) => {
      const actor = app.authorize(req, 'dashboard:read');
      const to = req.query.to ?? amsterdamDate(new Date());
      const from = req.query.from ?? amsterdamDate(new Date(Date.now() - 52 * 7 * 86_400_000));
      if (from > to) throw badRequest('`from` ligt na `to`.', [{ path: '/from', message: 'Kies een begin vóór het einde.' }]);
      if (Date.parse(to) - Date.parse(from) > 5 * 366 * 86_400_000) throw badRequest('Kies hoogstens vijf jaar.', [{ path: '/from', message: 'Te lange periode.' }]);
      const teamId = await teamIdOf(req.query.team);
      return app.db.db.transaction(async (tx) => {
        const points = await trend(tx, req.query.metric, from, to, { teamId, gemeente: req.query.gemeente ?? null });
        await writeAudit(tx, actor, { action: 'search', subjectType: 'dashboard', ip: req.ip, purpose: JSON.stringify(req.query) });
        return { metric: req.query.metric, points };
      });
    },
  );

  const Series = Type.Object({ now: Type.Integer(), arrivals: Type.Number(), completions: Type.Number(), points: Type.Array(Type.Object({ start: IsoDate, expected: Type.Integer() })) });
  app.get(
    '/dashboard/forecast',
    {
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
          ...errors(400, 401, 403, 503),
        },
      },
    },
    async (req) => {
      const actor = app.authorize(req, 'dashboard:read');
      const teamId = await teamIdOf(req.query.team);
      return app.db.db.transaction(async (tx) => {
        const f = await forecast(tx, { teamId, gemeente: req.query.gemeente ?? null });
        await writeAudit(tx, actor, { action: 'search', subjectType: 'dashboard', ip: req.ip, purpose: 'forecast' });
        return f;
      });
    },
  );

  app.get(
    '/rapportage/halfjaar',
    {
      schema: {
        tags: ['dashboard'],
        summary: 'The CBS-style half-year figures; Accept: text/csv gives CSV (comma-separated, UTF-8, one header row)',
        querystring: Type.Object({ jaar: Type.Integer({ minimum: 2000, maximum: 2100 }), half: Type.Union([Type.Literal(1), Type.Literal(2)]) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ jaar: Type.Integer(), half: Type.Integer(), van: IsoDate, tot: IsoDate, rijen: Type.Array(Type.Object({ categorie: Type.String(), code: Type.String(), aantal: Type.Integer() })) }),
          ...errors(400, 401, 403, 503),
        },
      },
    },
    async (req, reply) => {
      const actor = app.authorize(req, 'dashboard:read');
      const csv = (req.headers.accept ?? '').includes('text/csv');
      const report = await app.db.db.transaction(async (tx) => {
        const r = await halfjaar(tx, req.query.jaar, req.query.half as 1 | 2);
        await writeAudit(tx, actor, { action: 'export', subjectType: 'rapportage_halfjaar', ip: req.ip, purpose: `${req.query.jaar}-H${req.query.half}${csv ? ':csv' : ''}` });
        return r;
      });
      if (!csv) return report;
      const cell = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
      const body = ['categorie,code,aantal', ...report.rijen.map((r) => [r.categorie, r.code, r.aantal].map(cell).join(','))].join('\r\n') + '\r\n';
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="veilig-thuis-${report.jaar}-H${report.half}.csv"`)
        .serializer((x: unknown) => x as string)
        .send(body as unknown as typeof report);
    },
  );

  const Pct = Nullable(Type.Number());
  app.get(
    '/rapportage/jaar',
    {
      schema: {
        tags: ['dashboard'],
        summary: 'The yearly factsheet (like figure 3 of the regiovisie Twente): adviezen, meldingen by melder and form of violence, huisverboden, Code Rood',
        querystring: Type.Object({ jaar: Type.Integer({ minimum: 2000, maximum: 2100 }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            jaar: Type.Integer(),
            adviezen: Type.Object({ totaal: Type.Integer(), telefoon: Type.Integer(), chat: Type.Integer(), mail: Type.Integer(), telefoonPct: Pct, chatPct: Pct }),
            meldingen: Type.Object({
              totaal: Type.Integer(),
              professional: Type.Integer(),
              politie: Type.Integer(),
              nietProfessional: Type.Integer(),
              professionalPct: Pct,
              nietProfessionalPct: Pct,
            }),
            geweldsvormen: Type.Array(Type.Object({ groep: codeEnum(Object.keys(FACTSHEET_GROEPEN) as [keyof typeof FACTSHEET_GROEPEN]), meldingen: Type.Integer() })),
            mensenhandel: Type.Object({ seksueel: Type.Integer(), crimineel: Type.Integer(), arbeid: Type.Integer(), overig: Type.Integer() }),
            seksueelGeweld: Type.Object({ acuut: Type.Integer(), nietAcuut: Type.Integer() }),
            huisverboden: Type.Object({ opgelegd: Type.Integer(), verlengd: Type.Integer() }),
            codeRood: Type.Integer(),
          }),
          ...errors(400, 401, 403, 503),
        },
      },
    },
    async (req) => {
      const actor = app.authorize(req, 'dashboard:read');
      return app.db.db.transaction(async (tx) => {
        const r = await jaarcijfers(tx, req.query.jaar);
        await writeAudit(tx, actor, { action: 'export', subjectType: 'rapportage_jaar', ip: req.ip, purpose: String(req.query.jaar) });
        return r;
      });
    },
  );
}
