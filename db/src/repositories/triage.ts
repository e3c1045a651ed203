// Storage side of the triage pipeline: the radar count, loading a melding for triage and storing a proposal.
import { and, desc, eq, lte, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { POLICIES, adresSleutel, berekenDeadlines, persoonSleutel, policyV1, radarWindow, triage, type BeoordelingRij, type Band, type EerdereBetrokkenheid, type TriageInput, type TriagePolicy, type TriageResult, type WerkdagKalender } from '../domain/index.ts';
import { blindIndexCandidates } from '../security/field-cipher.ts';
import { betrokkenen, meldingen, meldingEvents, teams, triageBeleidActivaties, triageVoorstellen } from '../schema/index.ts';
import { caseReadable } from './access.ts';
import type { Actor } from './audit.ts';
import { decodeJsonRow, decodeJsonRows } from './json-rows.ts';
import { teamOfKind } from './lifecycle.ts';

/** The blind indexes a household is found by: its address, and each betrokkene with a birth date (domain.md, radar). */
export interface Huishouden {
  adres: string[];
  personen: string[];
}

/** The household of a melding as the radar matches it, under every configured index key. */
export function huishoudenVan(m: { postcode: string; huisnummer: string }, persons: { voornaam: string; achternaam: string; geboortedatum: string | null }[]): Huishouden {
  return {
    adres: m.postcode ? blindIndexCandidates(adresSleutel(m.postcode, m.huisnummer)) : [],
    personen: persons.flatMap((p) => {
      const key = persoonSleutel(p);
      return key ? blindIndexCandidates(key) : [];
    }),
  };
}

const textArray = (values: string[]) => sql`${`{${values.map((v) => `"${v}"`).join(',')}}`}::text[]`;

/**
 * The meldingen about the same household (other than `meldingId`), as a subquery of ids: the one place the radar's
 * match is written (the count of earlier meldingen and the re-opening of monitored cases both use it). `within`
 * narrows it to meldingen received in [from, to) (the radar's window), checked in each branch so the indexes on
 * the blind indexes serve both.
 */
const sameHousehold = (h: Huishouden, meldingId: string, within?: { from: Date; to: Date }) => {
  // postgres.js takes timestamps in raw SQL as text.
  const when = within ? sql`and e.received_at >= ${within.from.toISOString()}::timestamptz and e.received_at < ${within.to.toISOString()}::timestamptz` : sql``;
  return sql`
  select e.id from meldingen e where e.adres_index = any(${textArray(h.adres)}) and e.id <> ${meldingId}::uuid ${when}
  union
  select e.id from betrokkenen eb join meldingen e on e.id = eb.melding_id
   where eb.persoon_index = any(${textArray(h.personen)}) and e.id <> ${meldingId}::uuid ${when}`;
};

/**
 * eerdereMeldingen (domain.md, radar): meldingen about the same household received in the 24 calendar months
 * before this one — same normalised postcode and huisnummer, or a betrokkene with the same first name, last name
 * and birth date (case-insensitive) — each counted once, this one excluded. Matched on the blind indexes
 * (db/src/security/cipher.ts): the address and names themselves are sealed.
 */
export async function countEerdereMeldingen(tx: DbOrTx, meldingId: string, m: { receivedAt: Date }, h: Huishouden): Promise<number> {
  if (!h.adres.length && !h.personen.length) return 0;
  const rows = await tx.execute<{ n: number }>(sql`select count(*)::int as n from (${sameHousehold(h, meldingId, radarWindow(m.receivedAt))}) earlier`);
  return rows[0]?.n ?? 0;
}

/** How long a closed earlier melding makes a new one a hermelding (CBS: betrokkenen known in the last three years). */
const HERMELDING_JAREN = 3;

/**
 * Earlier involvement of Veilig Thuis with the household (CBS 85361NED) when this melding arrived, and the casus it
 * belongs to, from the radar's match (`sameHousehold`): a household with an open case makes a vervolgmelding, in the
 * phase that case is in (before its beoordeling, in monitoring, or after the beoordeling in any other step), and it
 * joins that case's casus; one whose earlier meldingen were all closed, the last within three years, makes a
 * hermelding (several or one betrokkene known: persons matched by their blind index; an address match counts as one);
 * otherwise it is a first melding. Each starts its own casus unless it is a vervolgmelding. Run by the first triage,
 * before a monitored case is re-opened by this melding.
 */
export async function classifyEerdereBetrokkenheid(tx: DbOrTx, m: { id: string; receivedAt: Date }, h: Huishouden) {
  const at = sql`${m.receivedAt.toISOString()}::timestamptz`;
  const [r] = h.adres.length || h.personen.length
    ? await tx.execute<{ open_casus: string | null; open_status: string | null; closed: string[] | null }>(sql`
        with e as (
          select e.id, e.status, coalesce(e.casus_id, e.id) as casus, e.received_at,
                 (select max(ev.at) from melding_events ev where ev.melding_id = e.id and ev.type = 'afgesloten') as closed_at
            from meldingen e where e.id in (${sameHousehold(h, m.id)}) and e.received_at <= ${at}),
        open as (select casus, status from e where status <> 'afgesloten' order by received_at desc limit 1)
        select (select casus from open) as open_casus, (select status::text from open) as open_status,
               (select array_agg(id) from e where status = 'afgesloten' and coalesce(closed_at, received_at) >= ${at} - make_interval(years => ${HERMELDING_JAREN})) as closed`)
    : [];
  let soort: EerdereBetrokkenheid = 'eerste_melding';
  let casusId = m.id;
  if (r?.open_casus) {
    casusId = r.open_casus;
    soort = r.open_status === 'ontvangen' || r.open_status === 'triage_voorgesteld' ? 'vervolg_tijdens_beoordeling' : r.open_status === 'monitoring' ? 'vervolg_tijdens_monitoring' : 'vervolg_na_beoordeling';
  } else if (r?.closed?.length) {
    const [k] = await tx.execute<{ n: number }>(sql`
      select count(*)::int as n from betrokkenen b
       where b.melding_id = ${m.id}::uuid and b.persoon_index is not null
         and exists (select 1 from betrokkenen eb where eb.persoon_index = b.persoon_index and eb.melding_id = any(${`{${r.closed.join(',')}}`}::uuid[]))`);
    soort = (k?.n ?? 0) >= 2 ? 'hermelding_meerdere' : 'hermelding_een';
  }
  await tx.update(meldingen).set({ eerdereBetrokkenheid: soort, casusId }).where(eq(meldingen.id, m.id));
  return { soort, casusId };
}

/**
 * The policy version active at a moment: the activation with the latest `ingang` not after it (domain.md,
 * "Activation"). A proposal made at that moment uses it; one made before keeps the version it was made with.
 */
export async function activePolicyAt(db: DbOrTx, at: Date): Promise<TriagePolicy> {
  const [row] = await db
    .select({ versie: triageBeleidActivaties.versie })
    .from(triageBeleidActivaties)
    .where(lte(triageBeleidActivaties.ingang, at))
    .orderBy(desc(triageBeleidActivaties.ingang), desc(triageBeleidActivaties.createdAt))
    .limit(1);
  return (row && POLICIES[row.versie]) || policyV1;
}

/** Every activation, newest first: the register's history of which version ran when. */
export const listPolicyActivations = (db: DbOrTx) =>
  db.select().from(triageBeleidActivaties).orderBy(desc(triageBeleidActivaties.ingang), desc(triageBeleidActivaties.createdAt));

/** A beheerder's switch to a version from a moment on, with a reason (the route audits it). */
export async function activatePolicy(tx: DbOrTx, a: { versie: string; ingang: Date; reden: string; door: string }) {
  const [row] = await tx.insert(triageBeleidActivaties).values(a).returning();
  return row!;
}

/**
 * The triage inputs of the meldingen received in [from, to): what a version comparison runs over. Only what the
 * policy reads — answers, anonymity, forms of violence, the roles and birth dates of the betrokkenen, the radar count
 * stored with the case — and the reference to open a case behind a cell; no names, no free text. With `readableBy`
 * only the cases that person may open (the cases behind a cell obey the record rule of the case read).
 */
export async function triageInputsReceived(db: DbOrTx, from: Date, to: Date, o: { readableBy?: Actor; limit?: number } = {}) {
  const rows = await db.execute<{
    id: string;
    reference: string;
    received_at: string;
    veiligheid: Record<string, boolean>;
    anoniem: boolean;
    geweldsvormen: string[];
    eerdere: number | null;
    personen: { rol: string; geboortedatum: string | null }[] | null;
  }>(sql`
    select m.id, m.reference, m.received_at, m.veiligheid, m.anoniem_naar_huishouden as anoniem, m.geweldsvormen::text[] as geweldsvormen,
           m.eerdere_meldingen as eerdere,
           (select json_agg(json_build_object('rol', b.rol, 'geboortedatum', b.geboortedatum) order by b.volgorde) from betrokkenen b where b.melding_id = m.id) as personen
      from meldingen m
     where m.received_at >= ${from.toISOString()}::timestamptz and m.received_at < ${to.toISOString()}::timestamptz and m.anonymised_at is null
       ${o.readableBy ? sql`and ${caseReadable(o.readableBy, sql`m`)}` : sql``}
     order by m.received_at
     limit ${o.limit ?? 20_000}`);
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    receivedAt: new Date(r.received_at),
    input: {
      receivedAt: new Date(r.received_at),
      veiligheid: r.veiligheid,
      anoniemNaarHuishouden: r.anoniem,
      geweldsvormen: r.geweldsvormen as TriageInput['geweldsvormen'],
      betrokkenen: (r.personen ?? []) as TriageInput['betrokkenen'],
      eerdereMeldingen: r.eerdere ?? 0,
    } satisfies TriageInput,
  }));
}

export type TriageOutcome =
  | { kind: 'stored'; id: string; reference: string; run: number; result: TriageResult; eerdereMeldingen: number; teamKind: string | null }
  | { kind: 'skipped'; reason: 'not_found' }
  /** The run is stored already; `current` is the case as it stands, for announcing it again after a crash. */
  | { kind: 'skipped'; reason: 'already_triaged'; current: { id: string; reference: string; band: string | null; route: string | null; teamKind: string | null } };

/**
 * Runs triage run `run` for a melding and stores it, in the caller's transaction. The melding row is locked, so
 * two workers on the same melding queue up; a run that is not newer than the stored one changes nothing.
 */
export async function runTriage(
  tx: DbOrTx,
  meldingId: string,
  run: number,
  deps: { policy?: TriagePolicy | undefined; kalender: WerkdagKalender; now?: Date },
): Promise<TriageOutcome> {
  // The household matches below are planned for their own values, never from a prepared statement's generic plan, and
  // without JIT compilation: a household reported thousands of times (a partner's test feed, one address of a
  // shelter) makes its blind index so common that the generic plan scans every melding for everyone, and that the
  // estimates of the others cross JIT's threshold, so each triage paid ~200 ms of compiling for a query that runs
  // in 0.2 ms (bench:scale, tests/bench/RESULTS.md: triage 27 → 249 meldingen/s on one worker).
  await tx.execute(sql`select set_config('plan_cache_mode', 'force_custom_plan', true), set_config('jit', 'off', true)`);
  // The row, locked, with its persons in the same round trip: their (sealed) names make the radar's blind indexes.
  const [row] = await tx.execute<{ melding: unknown; persons: unknown }>(sql`
    select row_to_json(m) as melding, (select json_agg(b order by b.volgorde) from betrokkenen b where b.melding_id = m.id) as persons
      from meldingen m where m.id = ${meldingId}::uuid for update`);
  const m = decodeJsonRow(meldingen, row?.melding);
  if (!m) return { kind: 'skipped', reason: 'not_found' };
  if (m.triageRun >= run) {
    const [t] = m.teamId ? await tx.select({ kind: teams.kind }).from(teams).where(eq(teams.id, m.teamId)) : [];
    return { kind: 'skipped', reason: 'already_triaged', current: { id: m.id, reference: m.reference, band: m.band, route: m.route, teamKind: t?.kind ?? null } };
  }
  const persons = decodeJsonRows(betrokkenen, row!.persons);
  const household = huishoudenVan(m, persons);
  const eerdereMeldingen = await countEerdereMeldingen(tx, meldingId, m, household);
  const now = deps.now ?? new Date();
  // New proposals and re-triage use the version active now (a test may pin one).
  const policy = deps.policy ?? (await activePolicyAt(tx, now));
  const result = triage(
    { receivedAt: m.receivedAt, veiligheid: m.veiligheid, anoniemNaarHuishouden: m.anoniemNaarHuishouden, betrokkenen: persons, geweldsvormen: m.geweldsvormen, eerdereMeldingen },
    policy,
  );
  const deadlines = berekenDeadlines(m.receivedAt, result.urgency, deps.kalender);

  // Acute meldingen go to the crisis team at once; the beoordeling confirms afterwards. Others wait for a
  // beoordelaar on the beoordeling team's queue, with the proposed route shown.
  const beforeDecision = m.status === 'ontvangen' || m.status === 'triage_voorgesteld';
  const toCrisis = beforeDecision && result.urgency === 'acuut';
  const { urgency, band, priority, route, routeRule, factors, rulesVersion } = result;
  const eventData = JSON.stringify({ run, urgency, band, priority, route, routeRule, factors, rulesVersion, eerdereMeldingen });
  const at = now.toISOString();
  // The same proposal goes into the history of proposals, onto the melding as its current one and into the case
  // history, in one statement (the proposal's id is referenced by the history event).
  const [stored] = await tx.execute<{ team_kind: string | null }>(sql`
    with v as (
      insert into ${triageVoorstellen} (melding_id, run, urgency, band, priority, route, route_rule, factors, rules_version, eerdere_meldingen, proposed_at)
      values (${meldingId}::uuid, ${run}, ${urgency}::urgency, ${band}::band, ${priority}, ${route}::route, ${routeRule},
              ${JSON.stringify(factors)}::jsonb, ${rulesVersion}, ${eerdereMeldingen}, ${at}::timestamptz)
      returning id),
    crisis as (select ${teamOfKind('crisisteam')} as id where ${toCrisis}),
    u as (
      update ${meldingen} set
        -- Before the beoordeling the case runs on the proposal; after it, on the decision: a later run (an aanvulling)
        -- adds a proposal to the history and the case page, and the decided band and route stay.
        triage_run = ${run}, urgency = ${urgency}::urgency, priority = ${priority},
        band = case when ${beforeDecision} then ${band}::band else band end,
        route = case when ${beforeDecision} then ${route}::route else route end, route_rule = ${routeRule}, factors = ${JSON.stringify(factors)}::jsonb,
        rules_version = ${rulesVersion}, eerdere_meldingen = ${eerdereMeldingen}, proposed_at = ${at}::timestamptz,
        response_due_at = ${deadlines.responseDueAt ? deadlines.responseDueAt.toISOString() : null}::timestamptz,
        updated_at = ${at}::timestamptz,
        team_id = coalesce((select id from crisis), team_id),
        status = case when ${beforeDecision} then 'triage_voorgesteld'::melding_status else status end
      where id = ${meldingId}::uuid
      returning team_id),
    e as (
      insert into ${meldingEvents} (melding_id, at, type, actor_id, data)
      select ${meldingId}::uuid, ${at}::timestamptz, 'triage_voorgesteld', null, ${eventData}::jsonb || jsonb_build_object('voorstelId', v.id)
      from v)
    select t.kind as team_kind from u left join ${teams} t on t.id = u.team_id`);
  if (m.eerdereBetrokkenheid === null) await classifyEerdereBetrokkenheid(tx, m, household);
  if (run === 1 && eerdereMeldingen > 0) await reopenMonitoredCases(tx, m, household, now);
  return { kind: 'stored', id: m.id, reference: m.reference, run, result, eerdereMeldingen, teamKind: stored?.team_kind ?? null };
}

/**
 * A new melding about a household whose earlier case is in monitoring (after overdracht or V&V) re-opens that
 * case (domain.md step 6–7, the radar): it goes back to the beoordeling queue next to the new one, and both
 * histories say so. The household is matched as the radar matches it (address, or a person with birth date).
 */
async function reopenMonitoredCases(tx: DbOrTx, m: { id: string; reference: string }, h: Huishouden, now: Date) {
  const reopened = await tx.execute<{ id: string; reference: string }>(sql`
    with earlier as (${sameHousehold(h, m.id)})
    update meldingen set status = 'triage_voorgesteld', team_id = ${teamOfKind('beoordeling')},
           updated_at = ${now.toISOString()}::timestamptz,
           -- due with the new melding: both are assessed together
           clock_due_at = (select n.beoordeling_due_at from meldingen n where n.id = ${m.id}::uuid)
     where id in (select id from earlier) and status in ('monitoring', 'vv')
    returning id, reference`);
  for (const r of reopened) {
    await tx.insert(meldingEvents).values([
      { meldingId: r.id, at: now, type: 'heropend', actorId: null, data: { doorMelding: m.id, reference: m.reference } },
      { meldingId: m.id, at: now, type: 'heropend', actorId: null, data: { heropendeMelding: r.id, reference: r.reference } },
    ]);
  }
}

/** Meldingen whose requested triage has not been stored for a while: their job may have been lost with Redis. */
export async function findStuckTriage(db: DbOrTx, olderThanMs: number, limit = 500) {
  return db
    .select({ id: meldingen.id, run: meldingen.triageRequested })
    .from(meldingen)
    .where(and(lt(meldingen.triageRun, meldingen.triageRequested), lt(meldingen.updatedAt, new Date(Date.now() - olderThanMs))))
    .limit(limit);
}

/**
 * The beoordelingen decided in [from, to) with the codes the fairness review groups by (issue #17): the proposal's
 * rule and band, the decided band, whether it was overridden, the deciding team, the case's gemeente and melder type,
 * and the birth dates of the betrokkenen at risk (never the vermoedelijke pleger). No names, no free text.
 */
export async function beoordelingenVoorToetsing(db: DbOrTx, from: Date, to: Date): Promise<BeoordelingRij[]> {
  const rows = await db.execute<{
    regel: string | null;
    voorgesteld: Band | null;
    besloten: Band;
    override: boolean;
    team: string | null;
    gemeente: string;
    melder_type: string;
    ontvangen: string;
    geboortedata: string[] | null;
    kind_zonder_datum: boolean;
  }>(sql`
    select b.proposed_route_rule as regel, b.proposed_band as voorgesteld, b.band as besloten, b.override, t.kind::text as team,
           m.gemeente_code as gemeente, m.melder_type::text as melder_type,
           to_char(m.received_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD') as ontvangen,
           (select array_agg(p.geboortedatum::text) from betrokkenen p where p.melding_id = m.id and p.rol <> 'vermoedelijke_pleger' and p.geboortedatum is not null) as geboortedata,
           exists (select 1 from betrokkenen p where p.melding_id = m.id and p.rol = 'kind' and p.geboortedatum is null) as kind_zonder_datum
      from beoordelingen b
      join meldingen m on m.id = b.melding_id
      left join teams t on t.id = b.team_id
     where b.decided_at >= ${from.toISOString()}::timestamptz and b.decided_at < ${to.toISOString()}::timestamptz
     limit 50000`);
  return rows.map((r) => ({
    regel: r.regel,
    voorgesteld: r.voorgesteld,
    besloten: r.besloten,
    override: r.override,
    team: r.team,
    gemeente: r.gemeente,
    melderType: r.melder_type,
    ontvangen: r.ontvangen,
    geboortedata: r.geboortedata ?? [],
    kindZonderDatum: r.kind_zonder_datum,
  }));
}
