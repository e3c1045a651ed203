// The MDO and the onderzoek (api.md, "Case lifecycle"; domain.md steps 3–4). Every read of an agenda and every
// decision leaves an audit row; every step is an event in the case history.
import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import {
  LifecycleConflict,
  addToAgenda,
  createMdo,
  decideAgendapunt,
  finishOnderzoek,
  findMdo,
  listMdo,
  mdoWachtrij,
  schema,
  startOnderzoek,
  writeAudit,
  type Tx,
} from '@vt/db';
import { amsterdamDate, bands, geweldsvormen } from '@vt/db/domain';
import { HttpError, notFound } from '../errors.ts';
import { DateTime, Id, IdParams, IsoDate, Nullable, Text, codeEnum, errors } from '../schemas/common.ts';
import { can } from '../authz.ts';
import { caseAudit } from '../plugins/app/case-access.ts';
import { lifecycleStep } from '../services/steps.ts';
import type { App } from '../types.ts';

const Besluit = codeEnum(['onderzoek', 'vv', 'overdracht', 'afsluiten'] as const);
const Agendapunt = Type.Object({
  meldingId: Id,
  reference: Type.String(),
  band: Nullable(codeEnum(bands)),
  gemeente: Type.String(),
  routeRule: Nullable(Type.String()),
  besluit: Nullable(Besluit),
  toelichting: Nullable(Type.String()),
  eigenaar: Nullable(Id),
  besluitAt: Nullable(DateTime),
});
const Mdo = Type.Object({
  id: Id,
  datum: IsoDate,
  deelnemers: Type.Array(Type.Object({ id: Id, naam: Type.String(), roles: Type.Array(Type.String()) })),
  agenda: Type.Array(Agendapunt),
});

export default async function mdoRoutes(app: App) {
  const step = <T>(work: (tx: Tx) => Promise<T>) => lifecycleStep(app, work);

  async function mdoView(tx: Tx, id: string) {
    const mdo = await findMdo(tx, id);
    if (!mdo) return null;
    return {
      id: mdo.id,
      datum: mdo.datum,
      deelnemers: mdo.deelnemersInfo.map((d) => ({ id: d.id, naam: d.naam, roles: d.roles })),
      agenda: mdo.agenda.map((a) => ({ ...a, besluitAt: a.besluitAt?.toISOString() ?? null })),
    };
  }

  app.post(
    '/mdo',
    {
      schema: {
        tags: ['levensloop'],
        summary: 'Plan an MDO with its participants (gedragswetenschapper, vertrouwensarts, case workers)',
        body: Type.Object({ datum: IsoDate, deelnemers: Type.Array(Id, { minItems: 1, maxItems: 30, uniqueItems: true }) }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Id }), ...errors(400, 401, 403, 503) },
      },
    },
    async (req, reply) => {
      const actor = app.authorize(req, 'mdo:beheren');
      const row = await step(async (tx) => {
        const mdo = await createMdo(tx, { datum: req.body.datum, deelnemers: req.body.deelnemers, actorId: actor.id! });
        await writeAudit(tx, actor, { action: 'create', subjectType: 'mdo', subjectId: mdo.id, ip: req.ip });
        return mdo;
      });
      return reply.status(201).send({ id: row.id });
    },
  );

  app.get(
    '/mdo',
    {
      schema: {
        tags: ['levensloop'],
        summary: 'MDOs, newest first, with the size of their agenda (a participant sees the MDOs it takes part in)',
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Id, datum: IsoDate, deelnemers: Type.Integer(), punten: Type.Integer(), open: Type.Integer() })) }), ...errors(401, 403) },
      },
    },
    async (req) => {
      const actor = app.authorize(req, 'mdo:lezen');
      // Whoever runs MDOs sees them all; a participant the MDOs it takes part in (the same rule as GET /mdo/:id).
      const all = can(actor, 'mdo:beheren');
      const rows = (await listMdo(app.db.db)).filter((r) => all || r.deelnemers.includes(actor.id!));
      return { items: rows.map((r) => ({ id: r.id, datum: r.datum, deelnemers: r.deelnemers.length, punten: r.punten, open: r.open })) };
    },
  );

  app.get(
    '/mdo/wachtrij',
    {
      schema: {
        tags: ['levensloop'],
        summary: 'The MDO queue: cases routed to the MDO and not yet on an open agenda',
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Id, reference: Type.String(), band: Nullable(codeEnum(bands)), gemeente: Type.String(), since: DateTime })) }), ...errors(401, 403) },
      },
    },
    async (req) => {
      const actor = app.authorize(req, 'mdo:lezen');
      return step(async (tx) => {
        const rows = await mdoWachtrij(tx, actor);
        await writeAudit(tx, actor, { action: 'search', subjectType: 'mdo_wachtrij', ip: req.ip });
        return { items: rows.map((r) => ({ id: r.id, reference: r.reference, band: r.band, gemeente: r.gemeente, since: r.updatedAt.toISOString() })) };
      });
    },
  );

  app.get(
    '/mdo/:id',
    {
      // The agenda names several cases: it is the meeting's, read by whoever runs MDOs and by its participants.
      config: { caseAccess: false },
      schema: { tags: ['levensloop'], summary: 'An MDO with its participants and agenda (for the printable agenda and minutes)', params: IdParams, response: { 200: Mdo, ...errors(401, 403, 404) } },
    },
    async (req) => {
      const actor = app.authorize(req, 'mdo:lezen');
      const view = await step(async (tx) => {
        const v = await mdoView(tx, req.params.id);
        const mayRead = v && (can(actor, 'mdo:beheren') || v.deelnemers.some((d) => d.id === actor.id));
        await writeAudit(tx, actor, { action: 'read', subjectType: 'mdo', subjectId: req.params.id, ip: req.ip, result: mayRead ? 'success' : 'not_found' });
        return mayRead ? v : null;
      });
      if (!view) throw notFound('MDO niet gevonden.');
      return view;
    },
  );

  app.post(
    '/mdo/:id/agenda',
    {
      config: { action: 'mdo:beheren', caseAccess: { from: 'body', purpose: 'mdo:agenda' } },
      schema: {
        tags: ['levensloop'],
        summary: 'Put a case from the MDO queue on the agenda',
        params: IdParams,
        body: Type.Object({ meldingId: Id }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Id }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const id = await step(async (tx) => {
        const [mdo] = await tx.select({ id: schema.mdoOverleggen.id }).from(schema.mdoOverleggen).where(eq(schema.mdoOverleggen.id, req.params.id));
        if (!mdo) return null;
        const punt = await addToAgenda(tx, mdo.id, req.body.meldingId, actor.id!);
        if (punt) await writeAudit(tx, actor, caseAudit(req, { action: 'update', purpose: `mdo:${mdo.id}:agenda` }));
        return punt ?? null;
      });
      if (!id) throw notFound('MDO of melding niet gevonden.');
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/mdo/:id/besluiten',
    {
      config: { action: 'mdo:beheren', caseAccess: { from: 'body', purpose: 'mdo:besluit' } },
      schema: {
        tags: ['levensloop'],
        summary: "The MDO's decision on a case on its agenda, with reason and owner; what follows starts at once",
        params: IdParams,
        body: Type.Object({ meldingId: Id, besluit: Besluit, toelichting: Text(4000, { minLength: 3 }), eigenaar: Type.Optional(Id) }, { additionalProperties: false }),
        response: { 200: Type.Object({ meldingId: Id, besluit: Besluit }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const done = await step(async (tx) => {
        const [m] = await tx.select({ id: schema.meldingen.id, gemeente: schema.meldingen.gemeenteCode }).from(schema.meldingen).where(eq(schema.meldingen.id, req.body.meldingId));
        if (!m) return false;
        await decideAgendapunt(tx, { mdoId: req.params.id, meldingId: m.id, besluit: req.body.besluit, toelichting: req.body.toelichting, eigenaar: req.body.eigenaar ?? null, actorId: actor.id!, gemeente: m.gemeente, today: amsterdamDate(new Date()) });
        await writeAudit(tx, actor, caseAudit(req, { action: 'decide', purpose: `mdo:${req.params.id}:${req.body.besluit}` }));
        return true;
      });
      if (!done) throw notFound('Melding niet gevonden.');
      return { meldingId: req.body.meldingId, besluit: req.body.besluit };
    },
  );

  app.post(
    '/meldingen/:id/onderzoek',
    {
      config: { action: 'onderzoek:uitvoeren', caseAccess: { from: 'melding', purpose: 'onderzoek:start' } },
      schema: {
        tags: ['levensloop'],
        summary: 'Start the onderzoek (from the wachtlijst or directly): due 10 weeks (70 days) after the start',
        params: IdParams,
        body: Type.Optional(Type.Object({ startedAt: Type.Optional(IsoDate) }, { additionalProperties: false })),
        response: { 201: Type.Object({ id: Id, startedAt: IsoDate, dueDate: IsoDate }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const startedAt = req.body?.startedAt ?? amsterdamDate(new Date());
      const row = await step(async (tx) => {
        const [m] = await tx.select({ id: schema.meldingen.id, status: schema.meldingen.status, teamId: schema.meldingen.teamId }).from(schema.meldingen).where(eq(schema.meldingen.id, req.params.id)).for('update');
        if (!m) return null;
        // A medewerker starts onderzoeken of its own team's cases; the chef van de dag any.
        if (actor.type === 'user' && !actor.roles.includes('chef_van_de_dag') && m.teamId !== actor.teamId && !actor.otherTeamIds?.includes(m.teamId ?? '')) throw new HttpError(403, 'FORBIDDEN', 'Deze melding ligt niet bij uw team.');
        if (m.status === 'afgesloten') throw new LifecycleConflict('Deze melding is afgesloten.');
        const o = await startOnderzoek(tx, m.id, startedAt, actor.id!);
        await writeAudit(tx, actor, caseAudit(req, { action: 'update', purpose: 'onderzoek:start' }));
        return o;
      });
      if (!row) throw notFound('Melding niet gevonden.');
      return reply.status(201).send({ id: row.id, startedAt: row.startedAt!, dueDate: row.dueDate! });
    },
  );

  app.post(
    '/meldingen/:id/onderzoek/afronden',
    {
      config: { action: 'onderzoek:uitvoeren', caseAccess: { from: 'melding', purpose: 'onderzoek:afronden' } },
      schema: {
        tags: ['levensloop'],
        summary: 'Finish the onderzoek: an outcome per form of violence and the follow-up',
        params: IdParams,
        body: Type.Object(
          {
            uitkomsten: Type.Array(Type.Object({ geweldsvorm: codeEnum(geweldsvormen), conclusie: codeEnum(['bevestigd', 'niet_bevestigd', 'weerlegd'] as const) }, { additionalProperties: false }), { minItems: 1, maxItems: 20 }),
            vervolg: codeEnum(['overdracht', 'vv', 'monitoring', 'afsluiten'] as const),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ id: Id, vervolg: Type.String() }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const row = await step(async (tx) => {
        const [m] = await tx.select({ id: schema.meldingen.id, gemeente: schema.meldingen.gemeenteCode }).from(schema.meldingen).where(eq(schema.meldingen.id, req.params.id)).for('update');
        if (!m) return null;
        const o = await finishOnderzoek(tx, { meldingId: m.id, uitkomsten: req.body.uitkomsten, vervolg: req.body.vervolg, actorId: actor.id!, gemeente: m.gemeente, today: amsterdamDate(new Date()), kalender: await app.kalender() });
        await writeAudit(tx, actor, caseAudit(req, { action: 'decide', purpose: `onderzoek:${req.body.vervolg}` }));
        return o;
      });
      if (!row) throw notFound('Melding niet gevonden.');
      return { id: row.id, vervolg: req.body.vervolg };
    },
  );
}
