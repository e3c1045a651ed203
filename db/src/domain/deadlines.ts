// The legal and regional clocks of a case (domain.md, "Deadlines").
import { addDays, addMonths, amsterdamDate, amsterdamEndOfDay, type IsoDate, type WerkdagKalender } from './calendar.ts';
import type { Urgency } from './codes.ts';

/** Uitvoeringsbesluit Wmo 2015 art. 4.1.7: the veiligheidsbeoordeling within 5 working days of receipt. */
export const BEOORDELING_WERKDAGEN = 5;
/** Acute unsafety: "something must happen within 24 hours". */
export const ACUUT_RESPONSE_MS = 24 * 3600_000;
export const ONDERZOEK_DAGEN = 70;
export const THV_DAGEN = 10;
export const THV_MAX_DAGEN = 28;
export const DEFAULT_MONITORING_MAANDEN = [3, 6, 12] as const;

export interface Deadlines {
  beoordelingDueDate: IsoDate;
  beoordelingDueAt: Date;
  responseDueAt: Date | null;
}

/** beoordelingDueAt is the end of the 5th working day after the (Amsterdam) day of receipt. */
export function berekenDeadlines(receivedAt: Date, urgency: Urgency | null, kalender: WerkdagKalender): Deadlines {
  const beoordelingDueDate = kalender.addWerkdagen(amsterdamDate(receivedAt), BEOORDELING_WERKDAGEN);
  return {
    beoordelingDueDate,
    beoordelingDueAt: amsterdamEndOfDay(beoordelingDueDate),
    responseDueAt: urgency === 'acuut' ? new Date(receivedAt.getTime() + ACUUT_RESPONSE_MS) : null,
  };
}

/** An onderzoek must finish within 10 weeks (70 calendar days) of its start. */
export const onderzoekDueDate = (start: IsoDate): IsoDate => addDays(start, ONDERZOEK_DAGEN);

/** Monitoring checkpoints are a regional setting, not law (domain.md): default +3, +6 and +12 months. */
export const monitoringCheckpoints = (from: IsoDate, months: readonly number[] = DEFAULT_MONITORING_MAANDEN): IsoDate[] =>
  months.map((m) => addMonths(from, m));

/** A tijdelijk huisverbod lasts 10 days (2026-06-01 → 2026-06-11) … */
export const thvEindigtOp = (opgelegdOp: IsoDate): IsoDate => addDays(opgelegdOp, THV_DAGEN);
/** … and may be extended to at most 28 days in total (2026-06-01 → 2026-06-29). */
export const thvLaatsteVerlenging = (opgelegdOp: IsoDate): IsoDate => addDays(opgelegdOp, THV_MAX_DAGEN);
