// The half-year figures for CBS and the yearly factsheet, read from day counts: each Amsterdam calendar day before
// today is counted once into rapportage_dagen and counted again only when its data changed (triggers of migration
// 0021 raise the day's version), today and later are counted live. A ten-year national history then answers a
// half-year in a few milliseconds instead of scanning a quarter of a million rows per report.
import { createHash } from 'node:crypto';
import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { readFileSync } from 'node:fs';
import { addDays, amsterdamDate, amsterdamTime } from '../domain/calendar.ts';
import { CBS_OVERZICHTEN, CbsMappingError, cbsEenheden, cbsRijen, parseCbsMapping, standaardCbsMapping, type CbsMapping, type CbsOverzicht, type CbsProfiel, type CbsProfielen, type CbsProfielenSet, type CbsProfielVeld, type CbsRij } from '../domain/cbs.ts';
import { geweldsvormen } from '../domain/codes.ts';
import { cbsAanleveringen, users } from '../schema/index.ts';

/** The groups of the yearly factsheet (figure 3 of the regiovisie Twente): a melding counts once per group. */
export const FACTSHEET_GROEPEN = {
  partnergeweld: ['partnergeweld', 'ex_partnergeweld'],
  kindermishandeling: ['kindermishandeling_lichamelijk', 'kindermishandeling_psychisch', 'kindermishandeling_seksueel', 'verwaarlozing', 'getuige_partnergeweld'],
  ouderenmishandeling: ['ouderenmishandeling', 'financieel_misbruik'],
  geweld_tegen_ouders: ['oudermishandeling'],
  mensenhandel: ['mensenhandel_seksueel', 'mensenhandel_arbeid', 'mensenhandel_crimineel', 'mensenhandel_overig'],
  seksueel_geweld: ['seksueel_geweld', 'kindermishandeling_seksueel'],
  eer_en_dwang: ['eergerelateerd_geweld', 'huwelijksdwang', 'achterlating', 'vgv'],
} as const;
export type FactsheetGroep = keyof typeof FACTSHEET_GROEPEN;
const groepen = Object.entries(FACTSHEET_GROEPEN) as [FactsheetGroep, readonly string[]][];
const inGroep = (vormen: readonly string[]) => sql.raw(`geweldsvormen && '{${vormen.join(',')}}'::geweldsvorm[]`);

/** A nullable code column as text ('-' for not recorded), for a profile code. */
const of = (col: string) => `coalesce(${col}::text, '-')`;

/**
 * Where each profile field of an advies (alias a) and a melding (alias m) is, as SQL: the day counts keep one
 * partition per field set of domain/cbs.ts CBS_OVERZICHTEN, each profile's code these fields joined by '|' (the
 * forms of violence from the lateral `vormen`).
 */
const VELDEN_SQL: Record<'adviezen' | 'meldingen', Partial<Record<CbsProfielVeld, string>>> = {
  adviezen: {
    melder: "(case when a.vrager_type = 'professional' then 'professional' else 'niet_professional' end)",
    sector: of('a.sector'),
    beroep: of('a.beroep'),
    duurGeweld: of('a.duur_geweld'),
    vormen: 'vf.vormen',
  },
  meldingen: {
    melder: 'm.melder_type::text',
    sector: of('m.melder_sector'),
    beroep: of('m.melder_beroep'),
    duurGeweld: of('m.melder_duur_geweld'),
    vormen: 'vf.vormen',
    eerdereBetrokkenheid: of('m.eerdere_betrokkenheid'),
  },
};
/** The day-count category of a unit's partition. */
const categorieVan = (set: CbsProfielenSet, velden: readonly CbsProfielVeld[]) => `cbs:${set}:${velden.join('+')}`;
/** The units the day counts hold partitions of (the casussen and the veiligheidsbeoordeling are counted live). */
const GETELDE_SETS = ['adviezen', 'meldingen', 'afgeronde_onderzoeken', 'afgeronde_vv'] as const satisfies readonly CbsProfielenSet[];
const CBS_CATEGORIEEN = GETELDE_SETS.flatMap((set) => CBS_OVERZICHTEN[set].map((velden) => categorieVan(set, velden)));

/** An Amsterdam calendar day of a timestamp column, as SQL. */
const dag = (col: string) => sql.raw(`(${col} at time zone 'Europe/Amsterdam')::date`);
/** The forms of violence of a row, sorted and joined, so equal sets make equal codes. */
const vormen = (col: string) => sql.raw(`cross join lateral (select coalesce(string_agg(v::text, ',' order by v::text), '') as vormen from unnest(${col}) v) vf`);

/**
 * The CBS partitions of adviezen or meldingen in [a, b) per day and gemeente: for each field set of CBS_OVERZICHTEN
 * one branch, counting the rows per code of those fields.
 */
function partities(set: 'adviezen' | 'meldingen', from: SQL, tijd: string, gemeente: SQL, vormenKolom: string, a: SQL, b: SQL): SQL {
  const kolom = VELDEN_SQL[set];
  return sql.join(
    CBS_OVERZICHTEN[set].map((velden) => {
      const code = sql.raw(velden.length === 1 ? kolom[velden[0]!]! : `concat_ws('|', ${velden.map((v) => kolom[v]!).join(', ')})`);
      return sql`union all select ${dag(tijd)}, ${gemeente}, ${categorieVan(set, velden)}::text, ${code}, count(*)::int
        ${from} ${velden.includes('vormen') ? vormen(vormenKolom) : sql``} where ${sql.raw(tijd)} >= ${a} and ${sql.raw(tijd)} < ${b} group by 1, 2, 4`;
    }),
    sql` `,
  );
}

/**
 * Every count per Amsterdam day and gemeente in [from, to) as rows (dag, gemeente, categorie, code, aantal). One
 * definition for the stored days and the live part, so both count alike. The CBS categories hold profiles: how many
 * registrations share the same codes (melder, sector, beroep, duration, forms of violence, earlier involvement), so
 * the mapping to CBS's categories (domain/cbs.ts) is applied when a report is read and a corrected mapping needs no
 * recount. An advies that names no gemeente counts under ''.
 */
function dagTellingen(from: string, to: string): SQL {
  const a = sql`${amsterdamTime(from).toISOString()}::timestamptz`;
  const b = sql`${amsterdamTime(to).toISOString()}::timestamptz`;
  const advies = sql`from adviezen where started_at >= ${a} and started_at < ${b}`;
  const melding = sql`from meldingen where received_at >= ${a} and received_at < ${b}`;
  const m = dag('received_at');
  const ad = dag('started_at');
  const ag = sql.raw(`coalesce(gemeente_code, '')`);
  const mg = sql.raw('gemeente_code');
  return sql`
    select ${ad} as dag, ${ag} as gemeente, 'adviezen_totaal' as categorie, 'totaal' as code, count(*)::int as aantal ${advies} group by 1, 2
    union all select ${ad}, ${ag}, 'adviezen_kanaal', kanaal::text, count(*)::int ${advies} group by 1, 2, 4
    ${partities('adviezen', sql`from adviezen a`, 'a.started_at', sql`coalesce(a.gemeente_code, '')`, 'a.geweldsvormen', a, b)}
    union all select ${m}, ${mg}, 'meldingen_totaal', 'totaal', count(*)::int ${melding} group by 1, 2
    union all select ${m}, ${mg}, 'meldingen_melder', melder_type::text || coalesce('_' || melder_rol::text, ''), count(*)::int ${melding} group by 1, 2, 4
    ${partities('meldingen', sql`from meldingen m`, 'm.received_at', sql`m.gemeente_code`, 'm.geweldsvormen', a, b)}
    union all select ${m}, ${mg}, 'meldingen_geweldsvorm', g::text, count(*)::int from meldingen, unnest(geweldsvormen) as g where received_at >= ${a} and received_at < ${b} group by 1, 2, 4
    union all select ${m}, ${mg}, 'factsheet', 'politie', count(*)::int ${melding} and melder_sector = 'politie' group by 1, 2
    union all select ${m}, ${mg}, 'factsheet', 'seksueel_geweld_acuut', count(*)::int ${melding} and ${inGroep(FACTSHEET_GROEPEN.seksueel_geweld)} and urgency = 'acuut' group by 1, 2
    ${sql.join(groepen.map(([g, v]) => sql`union all select ${m}, ${mg}, 'factsheet_groep', ${g}::text, count(*)::int ${melding} and ${inGroep(v)} group by 1, 2`), sql` `)}
    union all select ${dag('o.afgerond_at')}, m.gemeente_code, ${categorieVan('afgeronde_onderzoeken', ['uitkomsten'])}::text, u.code, count(*)::int
      from onderzoeken o join meldingen m on m.id = o.melding_id
      cross join lateral (select coalesce(string_agg((x ->> 'geweldsvorm') || ':' || (x ->> 'conclusie'), ',' order by x ->> 'geweldsvorm', x ->> 'conclusie'), '') as code
                            from jsonb_array_elements(coalesce(o.uitkomsten, '[]'::jsonb)) x) u
     where o.afgerond_at >= ${a} and o.afgerond_at < ${b} group by 1, 2, 4
    union all select ${dag('o.afgerond_at')}, m.gemeente_code, ${categorieVan('afgeronde_onderzoeken', ['vormen'])}::text, vf.vormen, count(*)::int
      from onderzoeken o join meldingen m on m.id = o.melding_id ${vormen('m.geweldsvormen')}
     where o.afgerond_at >= ${a} and o.afgerond_at < ${b} group by 1, 2, 4
    union all select ${dag('m.vv_afgerond_at')}, m.gemeente_code, ${categorieVan('afgeronde_vv', ['vormen'])}::text, vf.vormen, count(*)::int
      from meldingen m ${vormen('m.geweldsvormen')} where m.vv_afgerond_at >= ${a} and m.vv_afgerond_at < ${b} group by 1, 2, 4
    union all select h.opgelegd_op, m.gemeente_code, 'huisverboden', 'opgelegd', count(*)::int from huisverboden h join meldingen m on m.id = h.melding_id
     where h.opgelegd_op >= ${from}::date and h.opgelegd_op < ${to}::date group by 1, 2
    union all select h.opgelegd_op, m.gemeente_code, 'huisverboden', 'verlengd', count(h.verlengd_tot_en_met)::int from huisverboden h join meldingen m on m.id = h.melding_id
     where h.opgelegd_op >= ${from}::date and h.opgelegd_op < ${to}::date group by 1, 2
    union all select r.datum, m.gemeente_code, 'code_rood', 'totaal', count(*)::int from code_rood r join meldingen m on m.id = r.melding_id
     where r.datum >= ${from}::date and r.datum < ${to}::date group by 1, 2`;
}

/**
 * The layout of the day counts: raised whenever dagTellingen counts other categories or codes, so every stored day
 * counted in an older layout is counted again on the next read (no migration has to empty the table).
 */
export const DAGTELLING_OPZET = 3;

/**
 * Brings the stored counts of the days in [from, to) before today up to date: the days never counted and the days
 * whose data changed since. One recompute at a time (an advisory lock in the caller's transaction); each day's
 * stand records the version it was counted from, read before the counting, so a change that lands meanwhile is
 * counted again next time rather than lost. Returns how many days were counted.
 */
export async function ensureDagTellingen(db: DbOrTx, from: string, to: string, today = amsterdamDate(new Date())): Promise<number> {
  const until = to < today ? to : today;
  if (from >= until) return 0;
  const staleDays = (q: DbOrTx) =>
    q.execute<{ dag: string; versie: number }>(sql`
      select d::date::text as dag, coalesce(w.versie, 0)::bigint as versie
        from generate_series(${from}::date, ${addDays(until, -1)}::date, interval '1 day') d
        left join rapportage_dag_stand s on s.dag = d::date
        left join rapportage_wijzigingen w on w.dag = d::date
       where s.dag is null or s.versie < coalesce(w.versie, 0) or s.opzet <> ${DAGTELLING_OPZET}`);
  // The usual case, all days current, takes no lock: readers do not wait for each other.
  if (!(await staleDays(db)).length) return 0;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(74201901)`);
    const stale = await staleDays(tx);
    if (!stale.length) return 0;
    const days = `{${stale.map((r) => r.dag).join(',')}}`;
    const first = stale[0]!.dag;
    const last = stale[stale.length - 1]!.dag;
    await tx.execute(sql`delete from rapportage_dagen where dag = any(${days}::date[])`);
    // Each gemeente's counts, and the region's ('*') as their sum.
    await tx.execute(sql`
      insert into rapportage_dagen (dag, gemeente, categorie, code, aantal)
      select t.dag, coalesce(t.gemeente, '*'), t.categorie, t.code, sum(t.aantal)::int from (${dagTellingen(first, addDays(last, 1))}) t
       where t.dag = any(${days}::date[]) and t.aantal > 0
       group by grouping sets ((t.dag, t.gemeente, t.categorie, t.code), (t.dag, t.categorie, t.code))`);
    await tx.execute(sql`
      insert into rapportage_dag_stand (dag, versie, opzet)
      select s.dag::date, s.versie, ${DAGTELLING_OPZET} from unnest(${days}::date[], ${`{${stale.map((r) => r.versie).join(',')}}`}::bigint[]) as s(dag, versie)
      on conflict (dag) do update set versie = excluded.versie, opzet = excluded.opzet, berekend_op = now()`);
    return stale.length;
  });
}

/** The counts per category and code over [from, to): stored days plus the live part from today on; one gemeente, or all. */
async function tellingen(db: DbOrTx, from: string, to: string, categorieen: readonly string[], gemeente: string | null) {
  const today = amsterdamDate(new Date());
  await ensureDagTellingen(db, from, to, today);
  const liveFrom = from > today ? from : today;
  const only = sql`and categorie = any(${`{${categorieen.join(',')}}`}::text[])`;
  // The stored days of the region ('*') or the gemeente: one index range; the live part summed here.
  const rows = await db.execute<{ categorie: string; code: string; aantal: number }>(sql`
    select categorie, code, sum(aantal)::int as aantal from (
      select categorie, code, aantal from rapportage_dagen where gemeente = ${gemeente ?? '*'} and dag >= ${from}::date and dag < ${to}::date and dag < ${today}::date ${only}
      ${liveFrom < to ? sql`union all select categorie, code, aantal from (${dagTellingen(liveFrom, to)}) live where true ${only} ${gemeente ? sql`and gemeente = ${gemeente}` : sql``}` : sql``}
    ) x group by 1, 2 order by 1, 2`);
  return rows.map((r) => ({ ...r, aantal: Number(r.aantal) }));
}

/** The mapping from the organisation's file (CBS_MAPPING_FILE) or the shipped one, checked (a wrong file stops start-up). */
export function loadCbsMapping(path?: string): CbsMapping {
  if (!path) return standaardCbsMapping;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new CbsMappingError(`${path}: ${(e as Error).message}`);
  }
  return parseCbsMapping(raw, path);
}

const code = (v: string | undefined) => (v === undefined || v === '-' ? null : v);
const lijst = (v: string | undefined) => (v ? v.split(',') : []);
/** The forms of violence of a bit mask (bit k: the k-th value of the enum geweldsvorm, the order of codes.ts). */
const vormenVanMasker = (masker: number) => geweldsvormen.filter((_, k) => (masker & (1 << k)) !== 0);

/** A stored profile code back as the profile it counts, with the fields of its partition (the inverse of dagTellingen). */
function profiel(velden: readonly CbsProfielVeld[], c: string, aantal: number): CbsProfiel {
  if (velden[0] === 'uitkomsten') return { aantal, uitkomsten: lijst(c).map((u) => ({ geweldsvorm: u.split(':')[0]!, conclusie: u.split(':')[1]! })) };
  if (velden[0] === 'vormen') return { aantal, vormen: lijst(c) };
  const f = c.split('|');
  return { aantal, ...Object.fromEntries(velden.map((v, i) => [v, code(f[i])])) };
}

/** The first and last day of a half-year, and the day after it. */
export function halfjaarPeriode(jaar: number, half: 1 | 2) {
  const from = `${jaar}-${half === 1 ? '01' : '07'}-01`;
  const to = half === 1 ? `${jaar}-07-01` : `${jaar + 1}-01-01`;
  return { from, to, tot: addDays(to, -1) };
}

/**
 * The half-year delivery of Beleidsinformatie Veilig Thuis to CBS (issue #18), for the region or one gemeente: the
 * six StatLine tables as a complete grid of rows (domain/cbs.ts). Adviezen count by the day they started, meldingen
 * by the day they came in, onderzoeken and V&V by the day they ended — Amsterdam days within the half-year. The
 * outcome of the veiligheidsbeoordeling (84852NED) is taken at the end of the half-year (or now, while it runs): a
 * melding not yet assessed then is "nog niet beoordeeld", one whose MDO or crisis team had not yet decided is "niet
 * ingedeeld". That and the casussen are not sums of days, so they are counted live, each from one index range.
 */
export async function halfjaar(db: DbOrTx, jaar: number, half: 1 | 2, o: { gemeente?: string | null; mapping?: CbsMapping; now?: Date } = {}) {
  const { from, to, tot } = halfjaarPeriode(jaar, half);
  const gemeente = o.gemeente ?? null;
  const now = o.now ?? new Date();
  const end = amsterdamTime(to);
  const peilmoment = end < now ? end : now;
  const a = sql`${amsterdamTime(from).toISOString()}::timestamptz`;
  const b = sql`${end.toISOString()}::timestamptz`;
  const p = sql`${peilmoment.toISOString()}::timestamptz`;
  const inGemeente = gemeente ? sql`and gemeente_code = ${gemeente}` : sql``;
  const [days, vb, casussen] = await Promise.all([
    tellingen(db, from, to, CBS_CATEGORIEEN, gemeente),
    db.execute<{ taxatie: string; uitkomst: string; aantal: number }>(sql`
      select case when first_beoordeling_at < ${p} and vb_taxatie is not null then vb_taxatie::text when urgency = 'acuut' then 'acuut' else 'niet_acuut' end as taxatie,
             case when first_beoordeling_at is null or first_beoordeling_at >= ${p} then 'nog_niet_beoordeeld'
                  when vb_uitkomst is null or vb_uitkomst_at >= ${p} then 'niet_ingedeeld' else vb_uitkomst::text end as uitkomst,
             count(*)::int as aantal
        from meldingen where received_at >= ${a} and received_at < ${b} ${inGemeente} group by 1, 2`),
    // A casus counts once, with the forms of violence of all its meldingen in the half-year: one bit per form, OR-ed.
    db.execute<{ masker: number; aantal: number }>(sql`
      select masker, count(*)::int as aantal from (
        select casus_id, bit_or(x.masker) as masker
          from meldingen m
          cross join lateral (select coalesce(bit_or(1 << (array_position(enum_range(null::geweldsvorm), v) - 1)), 0) as masker from unnest(m.geweldsvormen) v) x
         where received_at >= ${a} and received_at < ${b} ${inGemeente} group by 1) c group by 1`),
  ]);
  const overzichten = (set: (typeof GETELDE_SETS)[number]): CbsOverzicht[] =>
    CBS_OVERZICHTEN[set].map((velden) => ({ velden, profielen: days.filter((r) => r.categorie === categorieVan(set, velden)).map((r) => profiel(velden, r.code, r.aantal)) }));
  const profielen: CbsProfielen = {
    adviezen: overzichten('adviezen'),
    meldingen: overzichten('meldingen'),
    afgeronde_onderzoeken: overzichten('afgeronde_onderzoeken'),
    afgeronde_vv: overzichten('afgeronde_vv'),
    casussen: [{ velden: ['vormen'], profielen: casussen.map((r) => ({ aantal: Number(r.aantal), vormen: vormenVanMasker(Number(r.masker)) })) }],
    veiligheidsbeoordeling: [{ velden: ['taxatie', 'uitkomst'], profielen: vb.map((r) => ({ aantal: Number(r.aantal), taxatie: r.taxatie, uitkomst: r.uitkomst })) }],
  };
  const mapping = o.mapping ?? standaardCbsMapping;
  return {
    jaar,
    half,
    van: from,
    tot,
    gemeente,
    peilmoment,
    versie: mapping.versie,
    tabellen: mapping.tabellen.map((t) => ({ tabel: t.tabel, titel: t.titel, bron: t.bron })),
    eenheden: cbsEenheden.map((e) => ({ code: e, label: mapping.eenheden[e].label })),
    rijen: cbsRijen(mapping, profielen),
  };
}

/**
 * The yearly factsheet, like figure 3 of the regiovisie Twente: adviezen by channel, meldingen by melder group,
 * meldingen per form of violence (mensenhandel by kind, seksueel geweld acute or not), tijdelijke huisverboden and
 * Code Rood cases; counted by Amsterdam date within the calendar year.
 */
export async function jaarcijfers(db: DbOrTx, jaar: number, o: { gemeente?: string | null } = {}) {
  const rows = await tellingen(
    db,
    `${jaar}-01-01`,
    `${jaar + 1}-01-01`,
    ['adviezen_totaal', 'adviezen_kanaal', 'meldingen_totaal', 'meldingen_melder', 'meldingen_geweldsvorm', 'factsheet', 'factsheet_groep', 'huisverboden', 'code_rood'],
    o.gemeente ?? null,
  );
  const n = (categorie: string, code: string) => Number(rows.find((r) => r.categorie === categorie && r.code === code)?.aantal ?? 0);
  const melders = rows.filter((r) => r.categorie === 'meldingen_melder');
  const byType = (type: string) => melders.filter((r) => r.code === type || r.code.startsWith(`${type}_`)).reduce((sum, r) => sum + Number(r.aantal), 0);
  const adviezen = n('adviezen_totaal', 'totaal');
  const meldingen = n('meldingen_totaal', 'totaal');
  const professional = byType('professional');
  const nietProfessional = byType('niet_professional');
  const pct = (k: number, of: number) => (of ? Math.round((1000 * k) / of) / 10 : null);
  const acuut = n('factsheet', 'seksueel_geweld_acuut');
  return {
    jaar,
    gemeente: o.gemeente ?? null,
    adviezen: {
      totaal: adviezen,
      telefoon: n('adviezen_kanaal', 'telefoon'),
      chat: n('adviezen_kanaal', 'chat'),
      mail: n('adviezen_kanaal', 'mail'),
      telefoonPct: pct(n('adviezen_kanaal', 'telefoon'), adviezen),
      chatPct: pct(n('adviezen_kanaal', 'chat'), adviezen),
    },
    meldingen: {
      totaal: meldingen,
      professional,
      politie: n('factsheet', 'politie'),
      nietProfessional,
      professionalPct: pct(professional, meldingen),
      nietProfessionalPct: pct(nietProfessional, meldingen),
    },
    geweldsvormen: groepen.map(([g]) => ({ groep: g, meldingen: n('factsheet_groep', g) })),
    mensenhandel: {
      seksueel: n('meldingen_geweldsvorm', 'mensenhandel_seksueel'),
      crimineel: n('meldingen_geweldsvorm', 'mensenhandel_crimineel'),
      arbeid: n('meldingen_geweldsvorm', 'mensenhandel_arbeid'),
      overig: n('meldingen_geweldsvorm', 'mensenhandel_overig'),
    },
    seksueelGeweld: { acuut, nietAcuut: n('factsheet_groep', 'seksueel_geweld') - acuut },
    huisverboden: { opgelegd: n('huisverboden', 'opgelegd'), verlengd: n('huisverboden', 'verlengd') },
    codeRood: n('code_rood', 'totaal'),
  };
}

/** A delivery's row: a row of the half-year figures, for the region (`regio` null) or one gemeente. */
export type AanleveringRij = CbsRij & { regio: string | null };

/** The SHA-256 of the rows in their order, one tab-separated line each: equal figures, equal checksum. */
export function aanleveringChecksum(rijen: readonly AanleveringRij[]): string {
  const text = rijen.map((r) => [r.regio ?? '', r.tabel, r.dimensie, r.categorie, r.eenheid, r.aantal].join('\t')).join('\n');
  return createHash('sha256').update(text).digest('hex');
}

/** What changed between two deliveries of the same half-year: every cell whose count differs (a new cell counts from 0). */
export function aanleveringVerschillen(vorige: readonly AanleveringRij[], nu: readonly AanleveringRij[]) {
  const key = (r: AanleveringRij) => `${r.regio ?? ''}|${r.tabel}|${r.categorie}|${r.eenheid}`;
  const before = new Map(vorige.map((r) => [key(r), r.aantal]));
  const after = new Map(nu.map((r) => [key(r), r]));
  const out = nu.filter((r) => (before.get(key(r)) ?? 0) !== r.aantal).map((r) => ({ ...r, vorige: before.get(key(r)) ?? 0 }));
  for (const r of vorige) if (!after.has(key(r)) && r.aantal !== 0) out.push({ ...r, aantal: 0, vorige: r.aantal });
  return out;
}

/**
 * Records a delivery of a half-year to CBS: the region and each gemeente (CBS publishes both), as they stand now, with
 * the mapping's version and a checksum. Returns its id, checksum and the moment of the stand.
 */
export async function recordAanlevering(db: DbOrTx, o: { jaar: number; half: 1 | 2; actorId: string; mapping?: CbsMapping; now?: Date }) {
  const now = o.now ?? new Date();
  const gemeenten = await db.execute<{ code: string }>(sql`select code from gemeenten order by code`);
  const regio = await halfjaar(db, o.jaar, o.half, { ...(o.mapping ? { mapping: o.mapping } : {}), now });
  const rijen: AanleveringRij[] = regio.rijen.map((r) => ({ ...r, regio: null }));
  for (const g of gemeenten) {
    const r = await halfjaar(db, o.jaar, o.half, { gemeente: g.code, ...(o.mapping ? { mapping: o.mapping } : {}), now });
    rijen.push(...r.rijen.map((x) => ({ ...x, regio: g.code })));
  }
  const [row] = await db
    .insert(cbsAanleveringen)
    .values({ jaar: o.jaar, half: o.half, peilmoment: regio.peilmoment, versie: regio.versie, checksum: aanleveringChecksum(rijen), rijen, createdBy: o.actorId, createdAt: now })
    .returning({ id: cbsAanleveringen.id, checksum: cbsAanleveringen.checksum, peilmoment: cbsAanleveringen.peilmoment });
  return row!;
}

/** The deliveries of a half-year, newest first, without their rows; with who made them. */
export async function listAanleveringen(db: DbOrTx, jaar: number, half: 1 | 2) {
  return db
    .select({ id: cbsAanleveringen.id, jaar: cbsAanleveringen.jaar, half: cbsAanleveringen.half, peilmoment: cbsAanleveringen.peilmoment, versie: cbsAanleveringen.versie, checksum: cbsAanleveringen.checksum, createdAt: cbsAanleveringen.createdAt, door: users.naam })
    .from(cbsAanleveringen)
    .leftJoin(users, eq(users.id, cbsAanleveringen.createdBy))
    .where(and(eq(cbsAanleveringen.jaar, jaar), eq(cbsAanleveringen.half, half)))
    .orderBy(desc(cbsAanleveringen.createdAt));
}

/** One delivery with its rows, and the one before it of the same half-year (if any). */
export async function findAanlevering(db: DbOrTx, id: string) {
  const [a] = await db.select().from(cbsAanleveringen).where(eq(cbsAanleveringen.id, id));
  if (!a) return undefined;
  const [vorige] = await db
    .select()
    .from(cbsAanleveringen)
    .where(and(eq(cbsAanleveringen.jaar, a.jaar), eq(cbsAanleveringen.half, a.half), lt(cbsAanleveringen.createdAt, a.createdAt)))
    .orderBy(desc(cbsAanleveringen.createdAt))
    .limit(1);
  return { aanlevering: a, vorige: vorige ?? null };
}
