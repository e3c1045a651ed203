// Dates and times as Dutch staff read them, always on the Europe/Amsterdam calendar.
import { addDays, amsterdamClock, amsterdamDate, amsterdamTime } from '@vt/db/domain/calendar';

const dateTimeFmt = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'medium', timeStyle: 'short' });
const dateFmt = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', dateStyle: 'medium' });

const timeFmt = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', timeStyle: 'short' });
/** The Amsterdam clock time of an instant, as "14:15". */
export const formatTime = (d: Date | string) => timeFmt.format(typeof d === 'string' ? new Date(d) : d);
/** An instant (ISO-8601 with offset) as "24 nov 2026, 14:15". */
export const formatDateTime = (iso: string | null | undefined) => (iso ? dateTimeFmt.format(new Date(iso)) : '');
/** A calendar date (YYYY-MM-DD) as "24 nov 2026", without shifting it through a time zone. */
export const formatDate = (d: string) => dateFmt.format(new Date(`${d}T00:00:00Z`));
/** The Amsterdam calendar day of an instant, as "24 nov 2026". */
export const formatDayOf = (iso: string) => formatDate(amsterdamDate(new Date(iso)));

const numberFmt = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
/** A number as Dutch staff write it: "1.234", "12,5". */
export const formatNumber = (n: number) => numberFmt.format(n);

const shortDateFmt = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'short' });
/** A calendar date as "7 dec", for a chart's axis (the table beside it has the year). */
export const formatShortDate = (d: string) => shortDateFmt.format(new Date(`${d}T00:00:00Z`));

/** Today on the Amsterdam calendar; the UTC date of toISOString() is yesterday between 00:00 and 01:00 (02:00 in summer). */
export const today = () => amsterdamDate(new Date());
/** The Amsterdam date n days before today. */
export const daysAgo = (n: number) => addDays(today(), -n);
/** The instant an Amsterdam calendar day begins, as ISO-8601. */
export const startOfDay = (d: string) => amsterdamTime(d).toISOString();

const two = (n: number) => String(n).padStart(2, '0');
/** An instant as the value of a datetime-local field on the Amsterdam clock ("2026-12-03T03:10"), whatever the browser's zone. */
export function toAmsterdamLocal(d: Date): string {
  const c = amsterdamClock(d);
  return `${c.date}T${two(c.hours)}:${two(c.minutes)}`;
}
/** A datetime-local value read on the Amsterdam clock, as an ISO-8601 instant (null when it is not one). */
export function fromAmsterdamLocal(v: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(v);
  return m ? amsterdamTime(m[1]!, Number(m[2]), Number(m[3])).toISOString() : null;
}

/** A share (0–1) as Dutch staff write a percentage: "66,7%". */
export const formatPercent = (share: number) => `${formatNumber(Math.round(share * 1000) / 10)}%`;
