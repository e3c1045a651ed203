// The Dutch working-day calendar of the Algemene termijnenwet (Atw) art. 3: a term that ends on a Saturday, Sunday
// or a general recognised holiday runs on to the next working day. The legal deadlines of Veilig Thuis (5 werkdagen
// for the veiligheidsbeoordeling, Uitvoeringsbesluit Wmo 2015 art. 4.1.7) are counted on it.
// https://wetten.overheid.nl/BWBR0002448/ — dates are Europe/Amsterdam calendar dates, never UTC dates.

/** A calendar date, YYYY-MM-DD. */
export type IsoDate = string;

const TZ = 'Europe/Amsterdam';
const dateFormatter = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' });
const offsetFormatter = new Intl.DateTimeFormat('en-US', { timeZone: TZ, timeZoneName: 'longOffset' });

/** The Europe/Amsterdam calendar date of an instant. */
export function amsterdamDate(instant: Date): IsoDate {
  return dateFormatter.format(instant);
}

const clockFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZ,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The Amsterdam calendar date and wall-clock time of an instant. */
export function amsterdamClock(instant: Date): { date: IsoDate; hours: number; minutes: number; seconds: number } {
  const [h, m, s] = clockFormatter.format(instant).split(':').map(Number);
  return { date: amsterdamDate(instant), hours: h!, minutes: m!, seconds: s! };
}

/** Minutes Amsterdam is ahead of UTC at an instant (60 in winter, 120 in summer). */
function offsetMinutes(instant: Date): number {
  const name = offsetFormatter.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** The instant of a local Amsterdam wall-clock time on a date (times in a DST gap move forward). */
export function amsterdamTime(d: IsoDate, hours = 0, minutes = 0, seconds = 0, ms = 0): Date {
  const [y, mo, da] = parse(d);
  const asUtc = Date.UTC(y, mo - 1, da, hours, minutes, seconds, ms);
  // Two passes settle the offset also on the days the clock changes.
  let guess = asUtc - offsetMinutes(new Date(asUtc)) * 60_000;
  guess = asUtc - offsetMinutes(new Date(guess)) * 60_000;
  return new Date(guess);
}

export const amsterdamStartOfDay = (d: IsoDate): Date => amsterdamTime(d);
/** The last millisecond of a date in Amsterdam: 23:59:59.999 local time. */
export const amsterdamEndOfDay = (d: IsoDate): Date => new Date(amsterdamStartOfDay(addDays(d, 1)).getTime() - 1);

function parse(d: IsoDate): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) throw new RangeError(`not a date: ${d}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

// Date arithmetic on UTC midnights (utcOf): the ISO string of such an instant is the calendar date itself.
// eslint-disable-next-line no-restricted-syntax -- t is always a UTC midnight made by utcOf, never "now"
const fmt = (t: number): IsoDate => new Date(t).toISOString().slice(0, 10);
const utcOf = (d: IsoDate) => {
  const [y, m, day] = parse(d);
  return Date.UTC(y, m - 1, day);
};

export const addDays = (d: IsoDate, n: number): IsoDate => fmt(utcOf(d) + n * 86_400_000);

/** Adds calendar months; a day that does not exist in the target month becomes its last day (31 Jan + 1 = 28 Feb). */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const [y, m, day] = parse(d);
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return fmt(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(day, last)));
}

/** ISO day of the week: 1 = Monday … 7 = Sunday. */
export const dayOfWeek = (d: IsoDate): number => ((new Date(utcOf(d)).getUTCDay() + 6) % 7) + 1;
export const compareDates = (a: IsoDate, b: IsoDate): number => (a < b ? -1 : a > b ? 1 : 0);
export const daysBetween = (from: IsoDate, to: IsoDate): number => Math.round((utcOf(to) - utcOf(from)) / 86_400_000);

/** Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return fmt(Date.UTC(year, month - 1, day));
}

export interface Feestdag {
  datum: IsoDate;
  naam: string;
  /** The provision that makes it a non-working day. */
  bron: string;
}

const LID_1 = 'Algemene termijnenwet art. 3 lid 1';

/**
 * The day the King's (Queen's) birthday is celebrated (Atw art. 3 lid 1). From 2014 Koningsdag, 27 April, or 26 April
 * when the 27th is a Sunday (Besluit van 30 januari 2013, Stcrt. 2013, 4075); from 1980 to 2013 Koninginnedag,
 * 30 April, or 29 April when the 30th was a Sunday. Before 1980 (Queen Juliana) the day was also 30 April; how it
 * moved when that was a Sunday is not verified here, and it does not change a working day: a Sunday is none anyway.
 */
function verjaardagKoning(year: number): Feestdag {
  const y = String(year).padStart(4, '0');
  if (year >= 2014) {
    const datum = dayOfWeek(`${y}-04-27`) === 7 ? `${y}-04-26` : `${y}-04-27`;
    return { datum, naam: 'Koningsdag', bron: `${LID_1}; Besluit van 30 januari 2013, Stcrt. 2013, 4075` };
  }
  const datum = year >= 1980 && dayOfWeek(`${y}-04-30`) === 7 ? `${y}-04-29` : `${y}-04-30`;
  return { datum, naam: 'Koninginnedag', bron: LID_1 };
}

/**
 * The general recognised holidays of Atw art. 3 lid 1, with Goede Vrijdag of lid 2, in a year. Bevrijdingsdag
 * (5 mei) counts every year under the Atw, unlike many collective labour agreements that free it once in five years.
 * https://wetten.overheid.nl/BWBR0002448/ (art. 3).
 */
export function feestdagen(year: number): Feestdag[] {
  const pasen = easterSunday(year);
  const y = String(year).padStart(4, '0');
  return [
    { datum: `${y}-01-01`, naam: 'Nieuwjaarsdag', bron: LID_1 },
    { datum: addDays(pasen, -2), naam: 'Goede Vrijdag', bron: 'Algemene termijnenwet art. 3 lid 2' },
    { datum: addDays(pasen, 1), naam: 'Tweede Paasdag', bron: LID_1 },
    verjaardagKoning(year),
    { datum: `${y}-05-05`, naam: 'Bevrijdingsdag', bron: LID_1 },
    { datum: addDays(pasen, 39), naam: 'Hemelvaartsdag', bron: LID_1 },
    { datum: addDays(pasen, 50), naam: 'Tweede Pinksterdag', bron: LID_1 },
    { datum: `${y}-12-25`, naam: 'Eerste Kerstdag', bron: LID_1 },
    { datum: `${y}-12-26`, naam: 'Tweede Kerstdag', bron: LID_1 },
  ].sort((a, b) => compareDates(a.datum, b.datum));
}

export interface ExtraNietWerkdag {
  datum: IsoDate;
  omschrijving: string;
  /** The besluit that declared it (Atw art. 3 lid 3); shipped days always name theirs. */
  besluit?: string | null;
}

const BESLUIT_2023_2025 = 'Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025';
const BESLUIT_2026_2028 = 'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028';

/**
 * Days the government declared equal to the Atw holidays by besluit in the Staatscourant (art. 3 lid 3), shipped with
 * the software, each with its besluit (domain.md, "Deadlines"); an administrator adds later ones in the
 * extra_niet_werkdagen table. Days declared before 2023 are left out: they could not be checked against their besluit
 * here, and no live deadline falls in those years any more.
 */
export const DEFAULT_EXTRA_NIET_WERKDAGEN: readonly ExtraNietWerkdag[] = [
  { datum: '2023-04-28', omschrijving: 'Vrijdag na Koningsdag', besluit: BESLUIT_2023_2025 },
  { datum: '2023-05-19', omschrijving: 'Vrijdag na Hemelvaartsdag', besluit: BESLUIT_2023_2025 },
  { datum: '2024-05-10', omschrijving: 'Vrijdag na Hemelvaartsdag', besluit: BESLUIT_2023_2025 },
  { datum: '2024-12-27', omschrijving: 'Vrijdag na Tweede Kerstdag', besluit: BESLUIT_2023_2025 },
  { datum: '2025-05-30', omschrijving: 'Vrijdag na Hemelvaartsdag', besluit: BESLUIT_2023_2025 },
  { datum: '2026-01-02', omschrijving: 'Vrijdag na Nieuwjaarsdag', besluit: BESLUIT_2026_2028 },
  { datum: '2026-05-15', omschrijving: 'Vrijdag na Hemelvaartsdag', besluit: BESLUIT_2026_2028 },
  { datum: '2027-05-07', omschrijving: 'Vrijdag na Hemelvaartsdag', besluit: BESLUIT_2026_2028 },
  { datum: '2028-04-28', omschrijving: 'Vrijdag na Koningsdag', besluit: BESLUIT_2026_2028 },
  { datum: '2028-05-26', omschrijving: 'Vrijdag na Hemelvaartsdag', besluit: BESLUIT_2026_2028 },
];

export class WerkdagKalender {
  private readonly extra = new Map<IsoDate, string>();
  private readonly years = new Map<number, Map<IsoDate, string>>();

  constructor(extra: Iterable<ExtraNietWerkdag> = DEFAULT_EXTRA_NIET_WERKDAGEN) {
    for (const e of extra) this.extra.set(e.datum, e.omschrijving);
  }

  private holidays(year: number): Map<IsoDate, string> {
    let map = this.years.get(year);
    if (!map) {
      map = new Map(feestdagen(year).map((f) => [f.datum, f.naam]));
      this.years.set(year, map);
    }
    return map;
  }

  /**
   * The holidays and declared days that fall on a weekday in the years from..to, sorted: with the weekends, all a
   * count of working days in SQL needs (repositories/werkvoorraad.ts, werkdagenTussenSql).
   */
  weekdagFeestdagen(fromYear: number, toYear: number): IsoDate[] {
    const out = new Set<IsoDate>();
    for (let y = fromYear; y <= toYear; y++) for (const d of this.holidays(y).keys()) if (dayOfWeek(d) < 6) out.add(d);
    for (const d of this.extra.keys()) {
      const y = Number(d.slice(0, 4));
      if (y >= fromYear && y <= toYear && dayOfWeek(d) < 6) out.add(d);
    }
    return [...out].sort();
  }

  /** Why a date is not a working day ('zaterdag', 'zondag', the holiday's name), or null for a working day. */
  nietWerkdag(d: IsoDate): string | null {
    const dow = dayOfWeek(d);
    if (dow === 6) return 'zaterdag';
    if (dow === 7) return 'zondag';
    return this.holidays(Number(d.slice(0, 4))).get(d) ?? this.extra.get(d) ?? null;
  }

  isWerkdag(d: IsoDate): boolean {
    return this.nietWerkdag(d) === null;
  }

  /** The n-th working day after d (n ≥ 1); for n = 0, d itself when it is a working day, else the next one. */
  addWerkdagen(d: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0, got ${n}`);
    let cur = d;
    if (n === 0) {
      while (!this.isWerkdag(cur)) cur = addDays(cur, 1);
      return cur;
    }
    let left = n;
    while (left > 0) {
      cur = addDays(cur, 1);
      if (this.isWerkdag(cur)) left--;
    }
    return cur;
  }

  /** The number of working days in (from, to]: how many working days have passed since `from`. */
  werkdagenTussen(from: IsoDate, to: IsoDate): number {
    if (compareDates(to, from) <= 0) return 0;
    let count = 0;
    for (let cur = addDays(from, 1); compareDates(cur, to) <= 0; cur = addDays(cur, 1)) if (this.isWerkdag(cur)) count++;
    return count;
  }
}
