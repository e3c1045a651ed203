import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, lt, not, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { caseVersionOf } from './access.ts';
import {
  amsterdamDate,
  adresSleutel,
  berekenDeadlines,
  normalisePostcode,
  persoonSleutel,
  unassessedStatussen,
  type MeldingStatus,
  type TeamKind,
  type WerkdagKalender,
} from '../domain/index.ts';
import {
  adviezen,
  beoordelingen,
  triageVoorstellen,
  betrokkenen,
  acuteInzetten,
  codeRood,
  huisverboden,
  meldingen,
  meldingEvents,
  monitoringCheckpoints,
  onderzoeken,
  overdrachten,
  terugkoppelingen,
  vvVoorwaarden,
  type Melding,
} from '../schema/index.ts';
import { decodeJsonRow, decodeJsonRows } from './json-rows.ts';
import { caseReadable } from './access.ts';
import { LifecycleConflict, teamOfKind } from './lifecycle.ts';
import { blindIndex, seal } from '../security/field-cipher.ts';
import { auditRole, type Actor } from './audit.ts';
import { OUTBOX_CHANNEL } from './outbox.ts';

/** A melding as it comes in: the contract's body (domain/contract.ts). */
export type { MeldingInput } from '../domain/contract.ts';
import type { MeldingInput } from '../domain/contract.ts';

export interface CreateContext {
  actor: Actor;
  kalender: WerkdagKalender;
  now?: Date;
  ip?: string | null;
  adviesId?: string | null;
}

/** The radar's blind index of a betrokkene's name and birth date; null without a birth date (domain/radar.ts). */
export function persoonIndexOf(b: { voornaam: string; achternaam: string; geboortedatum?: string | null }): string | null {
  const key = persoonSleutel(b);
  return key ? blindIndex(key) : null;
}

/** Formats an address postcode the Dutch way: "7511 AB". */
const formatPostcode = (p: string) => {
  const n = normalisePostcode(p);
  return `${n.slice(0, 4)} ${n.slice(4)}`;
};

/**
 * Saves a melding with its betrokkenen, its `ontvangen` history event, an audit row, the outbox row that starts
 * triage and its gap-free reference — as ONE statement of data-modifying CTEs, so they are committed together or
 * not at all even without an explicit transaction, in one round trip to Postgres (intake is the hot path). Inside a
 * caller's transaction it simply joins it. The counter row is locked only for the length of this one statement
 * when there is no surrounding transaction.
 */
/**
 * An advies turned into a formal melding (domain.md: "turn one into a formal melding when needed"), once: the advies
 * row is locked so two conversions of the same call cannot both succeed. Null when there is no such advies.
 */
export async function meldingFromAdvies(tx: DbOrTx, adviesId: string, input: MeldingInput, ctx: Omit<CreateContext, 'adviesId'>) {
  const [advies] = await tx.select({ id: adviezen.id, kanaal: adviezen.kanaal }).from(adviezen).where(eq(adviezen.id, adviesId)).for('update');
  if (!advies) return null;
  // domain.md: chat is anonymous by design, so a melding cannot be made by chat (the adviseur explains how to make one).
  if (advies.kanaal === 'chat') throw new LifecycleConflict('Een chat is anoniem: daarvan wordt geen melding gemaakt. Leg de bezoeker uit hoe die zelf kan melden.');
  const [existing] = await tx.select({ id: meldingen.id }).from(meldingen).where(eq(meldingen.adviesId, advies.id));
  if (existing) throw new LifecycleConflict('Van dit advies is al een melding gemaakt.');
  const m = await insertMelding(tx, input, { ...ctx, adviesId: advies.id });
  await tx.update(adviezen).set({ uitkomst: 'omgezet_in_melding' }).where(eq(adviezen.id, advies.id));
  return m;
}

export async function insertMelding(tx: DbOrTx, input: MeldingInput, ctx: CreateContext) {
  const now = ctx.now ?? new Date();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  const deadlines = berekenDeadlines(receivedAt, null, ctx.kalender);
  const year = Number(amsterdamDate(now).slice(0, 4));
  const m = input.melder;
  const a = input.huishouden.adres;
  const actor = ctx.actor;
  const id = randomUUID();
  // Names and address are sealed here, and the radar's blind indexes made, before anything leaves the process.
  const persons = JSON.stringify(
    input.betrokkenen.map((b, i) => ({ volgorde: i, rol: b.rol, voornaam: seal(b.voornaam), achternaam: seal(b.achternaam), geboortedatum: b.geboortedatum ?? null, persoon_index: persoonIndexOf(b) })),
  );
  const sealOrNull = (v: string | undefined) => (v === undefined ? null : seal(v));
  const eventData = JSON.stringify({ kanaal: input.kanaal, via: actor.type, ...(ctx.adviesId ? { adviesId: ctx.adviesId } : {}) });
  const ts = (d: Date) => d.toISOString();
  const rows = await tx.execute<{ id: string; reference: string; status: MeldingStatus }>(sql`
    with c as (
      insert into reference_counters (kind, year, last) values ('M', ${year}, 1)
      on conflict (kind, year) do update set last = reference_counters.last + 1
      returning last),
    m as (
      insert into meldingen (id, reference, kanaal, received_at, created_at, updated_at, created_by_user_id,
        created_by_client_id, advies_id, melder_type, melder_rol, melder_sector, melder_beroep, melder_duur_geweld, melder_naam, melder_organisatie,
        melder_telefoon, melder_email, anoniem_naar_huishouden, straat, huisnummer, postcode, plaats, gemeente_code,
        adres_index, geweldsvormen, veiligheid, toelichting, team_id, beoordeling_due_date,
        beoordeling_due_at, response_due_at, casus_id)
      select ${id}::uuid, 'M-' || ${String(year)} || '-' || lpad(c.last::text, 6, '0'), ${input.kanaal}::melding_kanaal,
        ${ts(receivedAt)}::timestamptz, ${ts(now)}::timestamptz, ${ts(now)}::timestamptz,
        ${actor.type === 'user' ? actor.id : null}::uuid, ${actor.type === 'client' ? actor.id : null}::uuid,
        ${ctx.adviesId ?? null}::uuid, ${m.type}::melder_type, ${m.rol ?? null}::melder_rol,
        ${m.sector ?? null}::sector, ${m.beroep ?? null}::beroep, ${m.duurGeweld ?? null}::duur_geweld, ${seal(m.naam)}, ${sealOrNull(m.organisatie)}, ${sealOrNull(m.telefoon)}, ${sealOrNull(m.email)},
        ${m.anoniemNaarHuishouden}, ${seal(a.straat)}, ${seal(a.huisnummer)}, ${seal(formatPostcode(a.postcode))}, ${seal(a.plaats)},
        ${input.huishouden.gemeente}, ${blindIndex(adresSleutel(a.postcode, a.huisnummer))},
        ${`{${input.geweldsvormen.join(',')}}`}::geweldsvorm[], ${JSON.stringify(input.veiligheid ?? {})}::jsonb,
        ${seal(input.toelichting ?? '')}, ${teamOfKind('beoordeling')},
        ${deadlines.beoordelingDueDate}::date, ${ts(deadlines.beoordelingDueAt)}::timestamptz,
        ${deadlines.responseDueAt ? ts(deadlines.responseDueAt) : null}::timestamptz, ${id}::uuid
      from c
      returning id, reference, status, received_at),
    b as (
      insert into betrokkenen (melding_id, volgorde, rol, voornaam, achternaam, geboortedatum, persoon_index)
      select ${id}::uuid, p.volgorde, p.rol::betrokkene_rol, p.voornaam, p.achternaam, p.geboortedatum, p.persoon_index
      from jsonb_to_recordset(${persons}::jsonb) as p(volgorde smallint, rol text, voornaam text, achternaam text, geboortedatum date, persoon_index text)),
    e as (
      insert into melding_events (melding_id, at, type, actor_id, data)
      values (${id}::uuid, ${ts(now)}::timestamptz, 'ontvangen', ${actor.id}::uuid, ${eventData}::jsonb)),
    au as (
      insert into audit_log (actor_id, actor_type, role, on_behalf_of, action, subject_type, subject_id, purpose, result, ip)
      values (${actor.id}::uuid, ${actor.type}, ${auditRole(actor)}, ${actor.type === 'client' ? actor.naam : null},
        'create', 'melding', ${id}, 'intake', 'success', ${ctx.ip ?? null})),
    o as (
      -- Postgres delivers the notification only when the transaction commits: the relay wakes for committed rows.
      insert into outbox (topic, aggregate_id, payload)
      values ('melding.received', ${id}::uuid, ${JSON.stringify({ meldingId: id })}::jsonb)
      returning id)
    select m.id, m.reference, m.status, pg_notify(${OUTBOX_CHANNEL}, '') from m, o`);
  const row = rows[0]!;
  return { id: row.id, reference: row.reference, status: row.status, receivedAt };
}

/**
 * Everything the case view needs, in one statement: the melding with its gemeente and team, the betrokkenen, the
 * latest triage proposal, the latest beoordeling and the lifecycle rows, each related set as JSON decoded with its columns' own mapping. One
 * round trip instead of ten, and no query building per read (bench: case read, tests/bench/RESULTS.md).
 */
export async function findMeldingDetail(db: DbOrTx, id: string) {
  const rows = await db.execute<Record<string, unknown>>(sql`
    select row_to_json(m) as melding, ${caseVersionOf('m')} as version, g.naam as gemeente_naam,
      case when t.id is null then null else json_build_object('id', t.id, 'kind', t.kind, 'naam', t.naam, 'gemeente', t.gemeente_code) end as team,
      (select json_agg(b order by b.volgorde) from betrokkenen b where b.melding_id = m.id) as betrokkenen,
      (select row_to_json(v) from triage_voorstellen v where v.melding_id = m.id order by v.run desc limit 1) as voorstel,
      (select row_to_json(b) from beoordelingen b where b.melding_id = m.id order by b.decided_at desc limit 1) as beoordeling,
      (select row_to_json(o) from overdrachten o where o.melding_id = m.id order by o.created_at desc limit 1) as overdracht,
      (select json_agg(c order by c.due_date) from monitoring_checkpoints c where c.melding_id = m.id) as monitoring,
      (select row_to_json(h) from huisverboden h where h.melding_id = m.id order by h.created_at desc limit 1) as thv,
      (select json_agg(distinct o.gemeente_code) from overdrachten o where o.melding_id = m.id) as overdracht_gemeenten,
      (select row_to_json(z) from onderzoeken z where z.melding_id = m.id order by z.besluit_at desc limit 1) as onderzoek,
      (select row_to_json(r) from code_rood r where r.melding_id = m.id order by r.created_at desc limit 1) as code_rood,
      (select json_agg(k order by k.due_date, k.moment) from terugkoppelingen k where k.melding_id = m.id) as terugkoppelingen,
      (select json_agg(v order by v.controle_op, v.created_at) from vv_voorwaarden v where v.melding_id = m.id) as voorwaarden,
      (select json_agg(json_build_object('row', row_to_json(a),
                                         'namen', (select json_object_agg(u.id, u.naam) from users u where u.id = any(a.uitvoerders)))
                       order by a.gegeven_op)
         from acute_inzetten a where a.melding_id = m.id) as acute_inzetten,
      (select json_build_object('bevestigdAt', bv.bevestigd_at) from melder_bevestigingen bv where bv.melding_id = m.id) as melder_bevestiging,
      (select json_build_object('createdAt', s.created_at, 'expiresAt', s.expires_at, 'lastSeenAt', s.last_seen_at) from melder_statuslinks s where s.melding_id = m.id and s.revoked_at is null) as statuslink
    from meldingen m
    join gemeenten g on g.code = m.gemeente_code
    left join teams t on t.id = m.team_id
    where m.id = ${id}::uuid`);
  const row = rows[0];
  if (!row) return undefined;
  return {
    melding: decodeJsonRow(meldingen, row.melding)!,
    /** The case's version as read here (its ETag: access.ts caseVersion). */
    version: row.version as string,
    gemeenteNaam: row.gemeente_naam as string,
    team: row.team as { id: string; kind: TeamKind; naam: string; gemeente: string | null } | null,
    betrokkenen: decodeJsonRows(betrokkenen, row.betrokkenen),
    /** An online melding's confirmation of the melder's address (null for the other kanalen). */
    melderBevestiging: row.melder_bevestiging ? { bevestigdAt: ((row.melder_bevestiging as { bevestigdAt: string | null }).bevestigdAt ?? null) as string | null } : null,
    /** The melder's working status link (its dates only; the token is never kept), or null. */
    statuslink: row.statuslink ? (row.statuslink as { createdAt: string; expiresAt: string; lastSeenAt: string | null }) : null,
    /** The latest triage proposal, as proposed (the melding's own band and route are the decided ones after a beoordeling). */
    voorstel: decodeJsonRow(triageVoorstellen, row.voorstel),
    beoordeling: decodeJsonRow(beoordelingen, row.beoordeling),
    lifecycle: {
      overdracht: decodeJsonRow(overdrachten, row.overdracht),
      monitoring: decodeJsonRows(monitoringCheckpoints, row.monitoring),
      thv: decodeJsonRow(huisverboden, row.thv),
      overdrachtGemeenten: (row.overdracht_gemeenten as string[] | null) ?? [],
      onderzoek: decodeJsonRow(onderzoeken, row.onderzoek),
      codeRood: decodeJsonRow(codeRood, row.code_rood),
      terugkoppelingen: decodeJsonRows(terugkoppelingen, row.terugkoppelingen),
      voorwaarden: decodeJsonRows(vvVoorwaarden, row.voorwaarden),
      acuteInzetten: ((row.acute_inzetten as { row: unknown; namen: Record<string, string> | null }[] | null) ?? []).map((a) => ({
        ...decodeJsonRow(acuteInzetten, a.row)!,
        namen: a.namen ?? {},
      })),
    },
  };
}
export type MeldingDetail = NonNullable<Awaited<ReturnType<typeof findMeldingDetail>>>;

export interface MeldingFilter {
  status?: MeldingStatus;
  band?: Melding['band'];
  route?: Melding['route'];
  gemeente?: string;
  overdue?: boolean;
  page: number;
  pageSize: number;
  now?: Date;
  /** Only the cases this actor may open (the record rule, repositories/access.ts). */
  readableBy: Actor;
}

/** Newest first. `overdue` means: not yet assessed past beoordelingDueAt. */
export async function listMeldingen(db: DbOrTx, f: MeldingFilter) {
  const now = f.now ?? new Date();
  const notAssessed = inArray(meldingen.status, [...unassessedStatussen]);
  const where: SQL[] = [caseReadable(f.readableBy)];
  if (f.status) where.push(eq(meldingen.status, f.status));
  if (f.band) where.push(eq(meldingen.band, f.band));
  if (f.route) where.push(eq(meldingen.route, f.route));
  if (f.gemeente) where.push(eq(meldingen.gemeenteCode, f.gemeente));
  if (f.overdue === true) where.push(and(notAssessed, lt(meldingen.beoordelingDueAt, now))!);
  if (f.overdue === false) where.push(not(and(notAssessed, lt(meldingen.beoordelingDueAt, now))!));
  const cond = where.length ? and(...where) : undefined;
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: meldingen.id,
        reference: meldingen.reference,
        status: meldingen.status,
        kanaal: meldingen.kanaal,
        receivedAt: meldingen.receivedAt,
        gemeente: meldingen.gemeenteCode,
        band: meldingen.band,
        route: meldingen.route,
        beoordelingDueAt: meldingen.beoordelingDueAt,
      })
      .from(meldingen)
      .where(cond)
      .orderBy(desc(meldingen.receivedAt), desc(meldingen.reference))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(meldingen).where(cond),
  ]);
  return {
    items: items.map((i) => ({
      ...i,
      overdue: (i.status === 'ontvangen' || i.status === 'triage_voorgesteld') && i.beoordelingDueAt < now,
    })),
    total: total?.n ?? 0,
  };
}

export async function listHistorie(db: DbOrTx, meldingId: string) {
  return db
    .select({ at: meldingEvents.at, type: meldingEvents.type, actorId: meldingEvents.actorId, data: meldingEvents.data })
    .from(meldingEvents)
    .where(eq(meldingEvents.meldingId, meldingId))
    .orderBy(asc(meldingEvents.id));
}
