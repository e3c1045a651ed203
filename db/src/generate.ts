// Synthetic history for sizing and benchmarks (`npm run db:generate -- --years 10 --scale national`): adviezen and
// meldingen at the volumes of domain.md ("Volumes"), with the melder, sector, violence and outcome mixes of the
// seeds, and for each melding the life that follows (beoordeling, MDO, onderzoek, overdracht, monitoring) with
// waiting times that rise and fall over the years, so the dashboard's trends have something to show. Everything is
// generated inside Postgres (one set-based statement per table per year), so ten national years take minutes.
// No personal data: names and addresses are placeholders, free text is empty. References start with 'G-'.
import type postgres from 'postgres';
import { amsterdamMidnight } from './schema/index.ts';
import { amsterdamDate } from './domain/calendar.ts';

export const SCALES = {
  /** CBS 2023: 143,210 adviezen and 127,340 meldingen, rounded up as the issue asks. */
  national: { adviezen: 145_000, meldingen: 130_000 },
  /** Veilig Thuis Twente (regiovisie Twente 2021). */
  twente: { adviezen: 2_900, meldingen: 4_200 },
} as const;
export type Scale = keyof typeof SCALES;

export interface GenerateOptions {
  years: number;
  scale: Scale;
  now?: Date;
  log?: (line: string) => void;
}

type Mix = readonly (readonly [string, number])[];

/** A weighted choice as a CASE over one uniform random column `r`. */
function pick(r: string, mix: Mix): string {
  const total = mix.reduce((s, [, w]) => s + w, 0);
  let cum = 0;
  const whens = mix.slice(0, -1).map(([v, w]) => {
    cum += w / total;
    return `when ${r} < ${cum.toFixed(6)} then '${v}'`;
  });
  return `(case ${whens.join(' ')} else '${mix[mix.length - 1]![0]}' end)`;
}

// Melders (domain.md): two thirds of meldingen from the police through the chain, 80 % from professionals.
const MELDER: Mix = [
  ['politie', 67], ['zorg', 3.5], ['onderwijs', 3], ['jeugdhulp', 2.5], ['ggz', 2], ['kinderopvang', 0.5], ['overig', 1.5],
  ['omstander', 8], ['familie', 6], ['slachtoffer', 5], ['pleger', 1],
];
// Forms of violence, shaped after figure 3 of the regiovisie Twente (2021: partner 1,177, kindermishandeling
// 1,572, ouderen 76, geweld tegen ouders 176, mensenhandel 130, seksueel geweld 131 of 3,567 meldingen).
const VORM: Mix = [
  ['partnergeweld', 20], ['ex_partnergeweld', 13], ['kindermishandeling_lichamelijk', 10], ['kindermishandeling_psychisch', 11],
  ['kindermishandeling_seksueel', 2], ['verwaarlozing', 9], ['getuige_partnergeweld', 12], ['ouderenmishandeling', 1.5],
  ['financieel_misbruik', 0.6], ['oudermishandeling', 5], ['eergerelateerd_geweld', 0.8], ['huwelijksdwang', 0.3],
  ['achterlating', 0.1], ['vgv', 0.1], ['mensenhandel_seksueel', 1.8], ['mensenhandel_arbeid', 0.5], ['mensenhandel_crimineel', 0.5],
  ['mensenhandel_overig', 0.8], ['stalking', 3], ['seksueel_geweld', 3.7], ['overig', 3.8],
];
const ROUTE: Mix = [['crisisteam', 6], ['mdo', 22], ['wijkteam', 52], ['afsluiten', 20]];
const MDO_BESLUIT: Mix = [['onderzoek', 60], ['vv', 25], ['overdracht', 15]];
const VERVOLG: Mix = [['overdracht', 50], ['monitoring', 20], ['vv', 10], ['afsluiten', 20]];
// Earlier involvement (CBS 85361NED, Nederland 2023: 31.9 % first, 33.8 + 4.3 % hermelding, 13.3 + 10.1 + 5.1 %
// vervolgmelding, 1.4 % niet ingedeeld).
const EERDER: Mix = [
  ['eerste_melding', 31.9], ['hermelding_meerdere', 33.8], ['hermelding_een', 4.3], ['vervolg_tijdens_beoordeling', 13.3],
  ['vervolg_na_beoordeling', 10.1], ['vervolg_tijdens_monitoring', 5.1], ['-', 1.4],
];
// The duration of the violence as melders tell it (shape of CBS 84849NED, Leeuwarden 2020), a quarter unrecorded.
const DUUR: Mix = [
  ['tot_een_week', 12], ['week_tot_maand', 7], ['maand_tot_half_jaar', 22], ['half_jaar_tot_jaar', 18], ['jaar_tot_vijf_jaar', 16], ['langer_dan_vijf_jaar', 2], ['-', 23],
];
/** The occupation that goes with a sector in the generated history ('-': not recorded). */
const BEROEP_VAN_SECTOR = `(case gm.melder when 'politie' then 'politieagent' when 'onderwijs' then 'onderwijs' when 'kinderopvang' then 'kinderopvang'
  when 'zorg' then (case when gm.r_vorm2 < 0.4 then 'huisarts' when gm.r_vorm2 < 0.7 then 'verpleegkundige' else 'medisch_overig' end)
  when 'ggz' then 'psycholoog' end)`;
const CONCLUSIE: Mix = [['bevestigd', 45], ['niet_bevestigd', 35], ['weerlegd', 20]];
// Adviezen: 77 % by phone and 23 % by chat in Twente; some by mail nationally.
const ADVIES_KANAAL: Mix = [['telefoon', 72], ['chat', 22], ['mail', 6]];
const VRAGER_TELEFOON: Mix = [['professional', 55], ['omstander', 15], ['familie', 12], ['slachtoffer', 12], ['pleger', 3], ['onbekend', 3]];
const VRAGER_CHAT: Mix = [['slachtoffer', 40], ['omstander', 30], ['familie', 20], ['onbekend', 10]];
const ADVIES_SECTOR: Mix = [['zorg', 25], ['onderwijs', 25], ['jeugdhulp', 15], ['ggz', 10], ['kinderopvang', 8], ['politie', 5], ['overig', 12]];
const ADVIES_UITKOMST: Mix = [['afgesloten', 70], ['doorverwezen', 20], ['omgezet_in_melding', 10]];
// Inhabitants (thousands) of the 14 Twente gemeenten: a gemeente's share of the work follows its size.
const INWONERS: Mix = [
  ['GM0153', 161], ['GM0164', 81], ['GM0141', 73], ['GM1742', 38], ['GM0163', 36], ['GM1735', 35], ['GM0173', 32],
  ['GM1700', 34], ['GM1774', 26], ['GM0189', 25], ['GM0147', 24], ['GM0158', 24], ['GM0168', 23], ['GM0183', 21],
];

const AMS = `'Europe/Amsterdam'`;
const midnight = (d: string) => amsterdamMidnight(`(${d})`);
const day = (n: string) => `make_interval(secs => (${n}) * 86400)`;

/**
 * Work pressure between 0 and 1 at a moment: a slow wave (2.3 years) with a yearly ripple, so waiting lists grow
 * and shrink over the decade as they did in Twente (550 waiting in early 2020).
 */
const pressure = (t: string) =>
  `(0.5 + 0.35 * sin(2 * pi() * extract(epoch from ${t}) / (86400 * 365.25 * 2.3)) + 0.15 * sin(2 * pi() * extract(epoch from ${t}) / (86400 * 365.25)))`;

/**
 * Generates the history. The report's day-count triggers mark a day per row of a past day: for millions of generated
 * rows that is minutes, so they are off during the load; afterwards every stored day count is forgotten and the
 * reports count anew.
 */
export async function generateHistory(sql: postgres.Sql, o: GenerateOptions): Promise<{ adviezen: number; meldingen: number; ms: number }> {
  await setReportTriggers(sql, false);
  try {
    return await loadHistory(sql, o);
  } finally {
    await setReportTriggers(sql, true);
    await sql`truncate rapportage_dagen, rapportage_dag_stand`;
  }
}

async function loadHistory(sql: postgres.Sql, o: GenerateOptions): Promise<{ adviezen: number; meldingen: number; ms: number }> {
  const started = performance.now();
  const log = o.log ?? (() => {});
  const now = o.now ?? new Date();
  const volume = SCALES[o.scale];
  const [ref] = await sql<{ beoordelaar: string; teams: Record<string, string> }[]>`
    select (select id from users where 'beoordelaar' = any(roles) order by email limit 1) as beoordelaar,
           (select json_object_agg(kind, id) from (select distinct on (kind) kind, id from teams where kind <> 'wijkteam' order by kind, naam) t) as teams`;
  if (!ref?.beoordelaar || !ref.teams.beoordeling) throw new Error('Seed the reference data first (teams and a beoordelaar): npm run db:seed');
  const team = (k: string) => `'${ref.teams[k]}'::uuid`;

  await sql`set synchronous_commit = off`;
  let adviezen = 0;
  let meldingen = 0;
  const span = o.years * 365.25 * 86_400_000;
  const chunks = Math.ceil(o.years);
  for (let c = 0; c < chunks; c++) {
    const from = new Date(now.getTime() - span + (c * span) / chunks);
    const to = new Date(now.getTime() - span + ((c + 1) * span) / chunks);
    const fraction = (to.getTime() - from.getTime()) / (365.25 * 86_400_000);
    const nm = Math.round(volume.meldingen * fraction);
    const na = Math.round(volume.adviezen * fraction);
    const t0 = performance.now();
    await sql.begin(async (tx) => {
      const F = `'${from.toISOString()}'::timestamptz`;
      const T = `'${to.toISOString()}'::timestamptz`;
      const NOW = `'${now.toISOString()}'::timestamptz`;
      // 1. Each melding's whole life, as far as it reaches; later steps are dropped when they lie after now.
      await tx.unsafe(`
        create temp table gm on commit drop as
        with base as materialized (
          select g, gen_random_uuid() as id, ${F} + random() * (${T} - ${F}) as received,
                 random() as r_melder, random() as r_kanaal, random() as r_vorm, random() as r_vorm2, random() as r_gem,
                 random() as r_late, random() as r_dec, random() as r_route, random() as r_band, random() as r_mdo, random() as r_wait,
                 random() as r_dur, random() as r_vervolg, random() as r_concl, random() as r_ov, random() as r_acc, random() as r_rec
            from generate_series(1, ${nm}) g),
        b1 as (
          select *, (received at time zone ${AMS})::date as rd, ${pressure('received')} as p,
                 ${pick('r_melder', MELDER)} as melder, ${pick('r_vorm', VORM)}::geweldsvorm as vorm,
                 ${pick('r_gem', INWONERS)} as gemeente, ${pick('r_route', ROUTE)}::route as route
            from base),
        b2 as (
          select *, rd + (case extract(isodow from rd)::int when 6 then 6 when 7 then 5 else 7 end) as due_date from b1),
        b3 as (
          select *, ${midnight('due_date + 1')} - interval '1 millisecond' as due_at from b2),
        b4 as (
          select *,
                 case when r_late < 0.03 + 0.14 * p then due_at + ${day('0.5 + r_dec * r_dec * 25')}
                      else received + (r_dec * r_dec) * (due_at - received) end as decided,
                 case route when 'crisisteam' then 'P1' when 'mdo' then (case when r_band < 0.6 then 'P2' else 'P3' end)
                            when 'wijkteam' then (case when r_band < 0.7 then 'P3' else 'P4' end) else 'P4' end::band as band
            from b3),
        b5 as (
          select *, case when route = 'mdo' then decided + ${day('2 + r_mdo * 8')} end as besluit,
                 case when route = 'mdo' then ${pick('r_mdo', MDO_BESLUIT)} end as mdo_besluit
            from b4),
        b6 as (
          select *, case when mdo_besluit = 'onderzoek' then ((besluit + ${day('3 + r_wait * r_wait * 70 * (0.3 + p)')}) at time zone ${AMS})::date end as started
            from b5),
        b7 as (
          select *, started + 70 as o_due,
                 ${midnight('started')} + ${day('case when r_dur < 0.55 + 0.3 * (1 - p) then 25 + r_dur * 45 else 71 + r_dur * 35 end')} + interval '10 hours' as afgerond,
                 case when mdo_besluit = 'onderzoek' then ${pick('r_vervolg', VERVOLG)} end as vervolg
            from b6),
        b8 as (
          select *,
                 case when route = 'wijkteam' then decided + ${day('r_ov * 2')}
                      when mdo_besluit = 'overdracht' then besluit + ${day('r_ov * 3')}
                      when vervolg = 'overdracht' then afgerond + ${day('r_ov * 3')} end as ov_created
            from b7),
        b9 as (
          select *, ov_created + ${day('0.2 + r_acc * r_acc * 12')} as ov_decided,
                 case when r_acc > 0.97 then 'teruggestuurd' else 'geaccepteerd' end::overdracht_status as ov_status
            from b8)
        select *,
               -- Monitoring follows an accepted handover, a V&V decision, or an onderzoek whose vervolg is monitoring.
               case when ov_created is not null and ov_status = 'geaccepteerd' then ov_decided
                    when mdo_besluit = 'vv' then besluit
                    when vervolg in ('monitoring', 'vv') then afgerond end as mon_base
          from b9`);
      // 2. The meldingen, with the status each has reached by now and the team that holds it.
      await tx.unsafe(`
        insert into meldingen (id, reference, status, kanaal, received_at, created_at, updated_at, melder_type, melder_rol, melder_sector,
                               melder_naam, anoniem_naar_huishouden, straat, huisnummer, postcode, plaats, gemeente_code, adres_index,
                               geweldsvormen, veiligheid, toelichting, team_id, beoordeling_due_date, beoordeling_due_at,
                               triage_requested, triage_run, urgency, band, priority, route, route_rule, rules_version, proposed_at,
                               first_beoordeling_at, melder_beroep, melder_duur_geweld, eerdere_betrokkenheid, casus_id, vb_taxatie,
                               vb_uitkomst, vb_uitkomst_at, vv_afgerond_at)
        select gm.id, 'G-' || to_char(gm.received at time zone ${AMS}, 'YYYY') || '-' || ${c} || '-' || lpad(gm.g::text, 7, '0'),
               (case
                 when gm.decided > ${NOW} then 'triage_voorgesteld'
                 when gm.route = 'afsluiten' then 'afgesloten'
                 when gm.route = 'crisisteam' then (case when gm.decided < ${NOW} - interval '30 days' then 'afgesloten' else 'crisis' end)
                 when gm.route = 'mdo' and gm.besluit > ${NOW} then 'mdo'
                 when gm.mdo_besluit = 'onderzoek' and gm.afgerond > ${NOW} then 'onderzoek'
                 when gm.ov_created is not null and gm.ov_created <= ${NOW} and gm.ov_decided > ${NOW} then 'overdracht'
                 when gm.mon_base is not null and gm.mon_base + interval '12 months 20 days' > ${NOW} then (case when gm.mdo_besluit = 'vv' then 'vv' else 'monitoring' end)
                 else 'afgesloten' end)::melding_status,
               (case when gm.melder = 'politie' then 'ketenpartner' when gm.r_kanaal < 0.8 then 'telefoon' when gm.r_kanaal < 0.95 then 'mail' else 'balie' end)::melding_kanaal,
               gm.received, gm.received, gm.received,
               (case when gm.melder in ('omstander', 'familie', 'slachtoffer', 'pleger') then 'niet_professional' else 'professional' end)::melder_type,
               (case when gm.melder in ('omstander', 'familie', 'slachtoffer', 'pleger') then gm.melder end)::melder_rol,
               (case when gm.melder not in ('omstander', 'familie', 'slachtoffer', 'pleger') then gm.melder end)::sector,
               'Synthetische melder', gm.melder <> 'politie' and gm.r_kanaal < 0.3, 'Synthetische straat', (1 + gm.g % 199)::text,
               (7500 + gm.g % 200)::text || ' ZZ', gem.naam, gm.gemeente,
               -- Synthetic: not a blind index (no key made it), so it matches no real household.
               'synthetisch:' || (7500 + gm.g % 200)::text || 'ZZ|' || (1 + gm.g % 199)::text,
               case when gm.vorm in ('partnergeweld', 'ex_partnergeweld') and gm.r_vorm2 < 0.4 then array[gm.vorm, 'getuige_partnergeweld'::geweldsvorm]
                    else array[gm.vorm] end,
               '{}'::jsonb, '',
               (case when gm.decided > ${NOW} or gm.route = 'afsluiten' then ${team('beoordeling')}
                     when gm.route = 'crisisteam' then ${team('crisisteam')}
                     when gm.route = 'mdo' then ${team('onderzoek')}
                     else ${team('monitoring')} end),
               gm.due_date, gm.due_at, 1, 1,
               (case when gm.route = 'crisisteam' then 'acuut' else 'niet_acuut' end)::urgency, gm.band,
               (case gm.band when 'P1' then 90 when 'P2' then 65 when 'P3' then 40 else 15 end), gm.route, 'synthetisch', 'v1',
               gm.received + interval '2 seconds',
               case when gm.decided <= ${NOW} then gm.decided end,
               ${BEROEP_VAN_SECTOR}::beroep, nullif(${pick('gm.r_dur', DUUR)}, '-')::duur_geweld,
               nullif(${pick('gm.r_rec', EERDER)}, '-')::eerdere_betrokkenheid, gm.id,
               case when gm.decided <= ${NOW} then (case when gm.route = 'crisisteam' then 'acuut' else 'niet_acuut' end)::urgency end,
               u.uitkomst::vb_uitkomst, case when u.uitkomst is not null then u.at end,
               case when gm.mdo_besluit = 'vv' and gm.mon_base + interval '12 months 20 days' <= ${NOW} then gm.mon_base + interval '12 months 20 days' end
          from gm join gemeenten gem on gem.code = gm.gemeente
          -- The outcome of the veiligheidsbeoordeling (CBS 84852NED): the beoordeling's own step, or the MDO's besluit.
          cross join lateral (
            select case when gm.route = 'mdo' then (case when gm.besluit <= ${NOW} then (case gm.mdo_besluit when 'onderzoek' then 'vervolg_onderzoek' when 'vv' then 'vervolg_vv' else 'overdracht_lokaal_team' end) end)
                        when gm.decided > ${NOW} or gm.route = 'crisisteam' then null
                        when gm.route = 'wijkteam' then 'overdracht_lokaal_team' else 'geen_vervolgstappen' end as uitkomst,
                   case when gm.route = 'mdo' then gm.besluit else gm.decided end as at) u`);
      await tx.unsafe(`
        insert into beoordelingen (melding_id, proposed_route, proposed_band, rules_version, route, band, override, decided_by, team_id, decided_at)
        select id, route, band, 'v1', route, band, false, '${ref.beoordelaar}'::uuid, ${team('beoordeling')}, decided from gm where decided <= ${NOW}`);
      await tx.unsafe(`
        insert into onderzoeken (melding_id, team_id, besluit_at, started_at, due_date, afgerond_at, uitkomsten, vervolg)
        select id, ${team('onderzoek')}, besluit,
               case when ${midnight('started')} <= ${NOW} then started end,
               case when ${midnight('started')} <= ${NOW} then o_due end,
               case when afgerond <= ${NOW} then afgerond end,
               case when afgerond <= ${NOW} then jsonb_build_array(jsonb_build_object('geweldsvorm', vorm, 'conclusie', ${pick('r_concl', CONCLUSIE)})) end,
               (case when afgerond <= ${NOW} then vervolg end)::onderzoek_vervolg
          from gm where mdo_besluit = 'onderzoek' and besluit <= ${NOW}`);
      await tx.unsafe(`
        insert into overdrachten (melding_id, gemeente_code, status, created_at, decided_at)
        select id, gemeente, case when ov_decided <= ${NOW} then ov_status else 'verzonden' end, ov_created,
               case when ov_decided <= ${NOW} then ov_decided end
          from gm where ov_created <= ${NOW}`);
      await tx.unsafe(`
        insert into monitoring_checkpoints (melding_id, due_date, status, recorded_at)
        select gm.id, d.due, case when d.recorded <= ${NOW} then (case when gm.r_rec * (1 + d.k) < 0.08 then 'niet_veilig' else 'veilig' end) else 'gepland' end::monitoring_status,
               case when d.recorded <= ${NOW} then d.recorded end
          from gm
          cross join lateral (select k, ((gm.mon_base at time zone ${AMS})::date + make_interval(months => m))::date as due from unnest(array[3, 6, 12]) with ordinality as x(m, k)) dd
          cross join lateral (select dd.k, dd.due, ${midnight('dd.due')} + ${day('-5 + gm.r_rec * 30 * (0.5 + gm.p)')} + interval '10 hours' as recorded) d
         where gm.mon_base <= ${NOW}`);
      // Tijdelijke huisverboden (10 days, a third extended to 28) in 4 of 10 crisis cases, and Code Rood for about
      // 1 in 200 meldingen (Twente 2021: 77 huisverboden and 21 Code Rood cases on 3,567 meldingen).
      await tx.unsafe(`
        insert into huisverboden (melding_id, opgelegd_op, eindigt_op, verlengd_tot_en_met)
        select id, d, d + 10, case when r_band < 0.33 then d + 28 end
          from (select id, r_band, (decided at time zone ${AMS})::date as d from gm where route = 'crisisteam' and r_ov < 0.4 and decided <= ${NOW}) x`);
      await tx.unsafe(`
        insert into code_rood (melding_id, datum, toelichting, uitkomst, uitkomst_datum)
        select id, d, '', case when d + 30 <= ${NOW}::date then '' end, case when d + 30 <= ${NOW}::date then d + 30 end
          from (select id, ((decided + interval '1 day') at time zone ${AMS})::date as d from gm
                 where band in ('P1', 'P2') and r_concl < 0.02 and decided + interval '1 day' <= ${NOW}) x`);
      // 3. The adviezen of the same period (kept 2 years: older ones are anonymised, as retention would have done).
      await tx.unsafe(`
        insert into adviezen (reference, kanaal, started_at, ended_at, vrager_type, sector, anoniem, geweldsvormen, samenvatting, advies_gegeven, uitkomst, created_at, anonymised_at,
                              duur_geweld, gemeente_code)
        select 'G-A-' || ${c} || '-' || lpad(g::text, 7, '0'), kanaal::advies_kanaal, started, started + ${day('(4 + r_dur * 30) / 1440.0')},
               vrager::vrager_type, case when vrager = 'professional' then ${pick('r_sector', ADVIES_SECTOR)} end::sector,
               kanaal = 'chat' or (vrager <> 'professional' and r_anon < 0.6), array[${pick('r_vorm', VORM)}::geweldsvorm], '', '',
               ${pick('r_uit', ADVIES_UITKOMST)}::advies_uitkomst, started,
               case when started < ${NOW} - interval '2 years' then started + interval '2 years' end,
               nullif(${pick('r_dur', DUUR)}, '-')::duur_geweld, case when r_anon < 0.7 then ${pick('r_gem', INWONERS)} end
          from (select *, case when kanaal = 'chat' then ${pick('r_vrager', VRAGER_CHAT)} else ${pick('r_vrager', VRAGER_TELEFOON)} end as vrager
                  from (select *, ${pick('r_kanaal', ADVIES_KANAAL)} as kanaal
                          from (select g, ${F} + random() * (${T} - ${F}) as started, random() as r_kanaal, random() as r_vrager,
                                       random() as r_sector, random() as r_anon, random() as r_vorm, random() as r_uit, random() as r_dur, random() as r_gem
                                  from generate_series(1, ${na}) g offset 0) a0) a1) a`);
    });
    meldingen += nm;
    adviezen += na;
    log(`  ${amsterdamDate(from)} – ${amsterdamDate(to)}: ${nm} meldingen, ${na} adviezen (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  // The open cases' werkvoorraad clocks (onderzoek, V&V, monitoring), as the lifecycle code keeps them; with fresh
  // statistics first, or each clock's lookup of its checkpoints walks the whole table.
  await sql`analyze onderzoeken, monitoring_checkpoints, vv_voorwaarden`;
  await sql`update meldingen set clock_due_at = coalesce(melding_clock(id, status), clock_due_at) where status in ('onderzoek', 'vv', 'monitoring')`;
  // Statistics for the planner, and the visibility map that lets index-only scans skip the table.
  log('  vacuuming and analysing the tables');
  await sql`vacuum analyze meldingen, beoordelingen, onderzoeken, overdrachten, monitoring_checkpoints, adviezen, huisverboden, code_rood`;
  return { adviezen, meldingen, ms: performance.now() - started };
}

const REPORT_TABLES = ['meldingen', 'adviezen', 'onderzoeken', 'huisverboden', 'code_rood'] as const;

/** Switches the day-count triggers (rapportage_*, db/drizzle/0000_baseline.sql) off or on (bulk loads only). */
export async function setReportTriggers(sql: postgres.Sql, on: boolean) {
  for (const t of REPORT_TABLES) {
    for (const op of ['insert', 'update', 'delete']) {
      await sql.unsafe(`alter table ${t} ${on ? 'enable' : 'disable'} trigger rapportage_${t}_${op}`);
    }
  }
}
