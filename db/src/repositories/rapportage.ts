// The half-year figures for CBS and the yearly factsheet, read from day counts: each Amsterdam calendar day before
// today is counted once into rapportage_dagen and counted again only when its data changed (triggers of migration
// 0021 raise the day's version), today and later are counted live. A ten-year national history then answers a
// half-year in a few milliseconds instead of scanning a quarter of a million rows per report.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { addDays, amsterdamDate, amsterdamTime } from '../domain/calendar.ts';

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

/** The categories of the half-year report (and what the day counts hold besides, for the factsheet). */
const HALFJAAR = ['adviezen_totaal', 'adviezen_vrager', 'adviezen_sector', 'meldingen_totaal', 'meldingen_melder', 'meldingen_sector', 'meldingen_geweldsvorm', 'onderzoek_uitkomst'];

/**
 * Every count per Amsterdam day in [from, to) as rows (dag, categorie, code, aantal). One definition for the stored
 * days and the live part, so both count alike.
 */
function dagTellingen(from: string, to: string): SQL {
  const a = sql`${amsterdamTime(from).toISOString()}::timestamptz`;
  const b = sql`${amsterdamTime(to).toISOString()}::timestamptz`;
  const dag = (col: string) => sql.raw(`(${col} at time zone 'Europe/Amsterdam')::date`);
  const advies = sql`from adviezen where started_at >= ${a} and started_at < ${b}`;
  const melding = sql`from meldingen where received_at >= ${a} and received_at < ${b}`;
  const m = dag('received_at');
  const ad = dag('started_at');
  return sql`
    select ${ad} as dag, 'adviezen_totaal' as categorie, 'totaal' as code, count(*)::int as aantal ${advies} group by 1
    union all select ${ad}, 'adviezen_vrager', vrager_type::text, count(*)::int ${advies} group by 1, 3
    union all select ${ad}, 'adviezen_sector', coalesce(sector::text, 'geen'), count(*)::int ${advies} and vrager_type = 'professional' group by 1, 3
    union all select ${ad}, 'adviezen_kanaal', kanaal::text, count(*)::int ${advies} group by 1, 3
    union all select ${m}, 'meldingen_totaal', 'totaal', count(*)::int ${melding} group by 1
    union all select ${m}, 'meldingen_melder', melder_type::text || coalesce('_' || melder_rol::text, ''), count(*)::int ${melding} group by 1, 3
    union all select ${m}, 'meldingen_sector', coalesce(melder_sector::text, 'geen'), count(*)::int ${melding} and melder_type = 'professional' group by 1, 3
    union all select ${m}, 'meldingen_geweldsvorm', g::text, count(*)::int from meldingen, unnest(geweldsvormen) as g where received_at >= ${a} and received_at < ${b} group by 1, 3
    union all select ${m}, 'factsheet', 'politie', count(*)::int ${melding} and melder_sector = 'politie' group by 1
    union all select ${m}, 'factsheet', 'seksueel_geweld_acuut', count(*)::int ${melding} and ${inGroep(FACTSHEET_GROEPEN.seksueel_geweld)} and urgency = 'acuut' group by 1
    ${sql.join(groepen.map(([g, v]) => sql`union all select ${m}, 'factsheet_groep', ${g}::text, count(*)::int ${melding} and ${inGroep(v)} group by 1`), sql` `)}
    union all select ${dag('afgerond_at')}, 'onderzoek_uitkomst', (u ->> 'geweldsvorm') || ':' || (u ->> 'conclusie'), count(*)::int
      from onderzoeken, jsonb_array_elements(uitkomsten) as u where afgerond_at >= ${a} and afgerond_at < ${b} group by 1, 3
    union all select opgelegd_op, 'huisverboden', 'opgelegd', count(*)::int from huisverboden where opgelegd_op >= ${from}::date and opgelegd_op < ${to}::date group by 1
    union all select opgelegd_op, 'huisverboden', 'verlengd', count(verlengd_tot_en_met)::int from huisverboden where opgelegd_op >= ${from}::date and opgelegd_op < ${to}::date group by 1
    union all select datum, 'code_rood', 'totaal', count(*)::int from code_rood where datum >= ${from}::date and datum < ${to}::date group by 1`;
}

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
       where s.dag is null or s.versie < coalesce(w.versie, 0)`);
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
    await tx.execute(sql`
      insert into rapportage_dagen (dag, categorie, code, aantal)
      select t.dag, t.categorie, t.code, t.aantal from (${dagTellingen(first, addDays(last, 1))}) t
       where t.dag = any(${days}::date[]) and t.aantal > 0`);
    await tx.execute(sql`
      insert into rapportage_dag_stand (dag, versie)
      select s.dag::date, s.versie from unnest(${days}::date[], ${`{${stale.map((r) => r.versie).join(',')}}`}::bigint[]) as s(dag, versie)
      on conflict (dag) do update set versie = excluded.versie, berekend_op = now()`);
    return stale.length;
  });
}

/** The counts per category and code over [from, to): stored days plus the live part from today on. */
async function tellingen(db: DbOrTx, from: string, to: string, categorieen: readonly string[], extra: SQL = sql``) {
  const today = amsterdamDate(new Date());
  await ensureDagTellingen(db, from, to, today);
  const liveFrom = from > today ? from : today;
  const only = sql`and categorie = any(${`{${categorieen.join(',')}}`}::text[])`;
  return db.execute<{ categorie: string; code: string; aantal: number }>(sql`
    select categorie, code, sum(aantal)::int as aantal from (
      select categorie, code, aantal from rapportage_dagen where dag >= ${from}::date and dag < ${to}::date and dag < ${today}::date ${only}
      ${liveFrom < to ? sql`union all select categorie, code, aantal from (${dagTellingen(liveFrom, to)}) live where true ${only}` : sql``}
      ${extra}
    ) x group by 1, 2 order by 1, 2`);
}

/**
 * The half-year figures in the shape CBS asks of Veilig Thuis organisations (Beleidsinformatie Veilig Thuis):
 * adviezen and meldingen by melder group and sector, forms of violence, the outcome of the veiligheidsbeoordeling,
 * and onderzoek results; counted by Amsterdam date of receipt/decision within the half-year. The outcome of the
 * veiligheidsbeoordeling counts each melding once, by its first beoordeling within the half-year: that is not a sum
 * of days, so it is counted live (a covering index keeps it to one index range).
 */
export async function halfjaar(db: DbOrTx, jaar: number, half: 1 | 2) {
  const from = `${jaar}-${half === 1 ? '01' : '07'}-01`;
  const to = half === 1 ? `${jaar}-07-01` : `${jaar + 1}-01-01`;
  const a = amsterdamTime(from).toISOString();
  const b = amsterdamTime(to).toISOString();
  const rows = await tellingen(
    db,
    from,
    to,
    HALFJAAR,
    sql`union all select 'adviezen_totaal', 'totaal', 0 union all select 'meldingen_totaal', 'totaal', 0
        union all select 'veiligheidsbeoordeling', route::text, count(*)::int from (
          select distinct on (melding_id) melding_id, route from beoordelingen
           where decided_at >= ${a}::timestamptz and decided_at < ${b}::timestamptz order by melding_id, decided_at) first group by 2`,
  );
  return { jaar, half, van: from, tot: addDays(to, -1), rijen: rows.map((r) => ({ categorie: r.categorie, code: r.code, aantal: Number(r.aantal) })) };
}

/**
 * The yearly factsheet, like figure 3 of the regiovisie Twente: adviezen by channel, meldingen by melder group,
 * meldingen per form of violence (mensenhandel by kind, seksueel geweld acute or not), tijdelijke huisverboden and
 * Code Rood cases; counted by Amsterdam date within the calendar year.
 */
export async function jaarcijfers(db: DbOrTx, jaar: number) {
  const rows = await tellingen(db, `${jaar}-01-01`, `${jaar + 1}-01-01`, [
    'adviezen_totaal', 'adviezen_kanaal', 'meldingen_totaal', 'meldingen_melder', 'meldingen_geweldsvorm', 'factsheet', 'factsheet_groep', 'huisverboden', 'code_rood',
  ]);
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
