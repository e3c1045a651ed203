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

/**
 * How long an untouched draft of a form is kept (repositories/concepten.ts). Long enough for a night shift that ends
 * mid-melding to find it back the next shift (a weekend off included); short enough that a forgotten draft with a
 * household's names does not linger.
 */
export const CONCEPT_BEWAARTERMIJN_UREN = 72;

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

/**
 * The clock each status runs on (issue #16): one per step, so a case never shows the term of a step it has left.
 *
 * | status                          | klok                     | due                                                                 | source |
 * |---------------------------------|--------------------------|---------------------------------------------------------------------|--------|
 * | ontvangen, triage_voorgesteld   | `beoordeling`            | end of the 5th working day after the day of receipt                 | Uitvoeringsbesluit Wmo 2015 art. 4.1.7 |
 * |   … when the triage found acute | `acute_reactie`          | 24 hours after receipt                                              | "something must happen within 24 hours" (domain.md) |
 * | crisis                          | `acute_reactie`          | 24 hours after receipt when acute, else 24 hours after the beoordeling | idem |
 * | mdo                             | `mdo`                    | end of the `mdoWerkdagen`th working day after the case went to the MDO | regional setting (no law): MDO_TERMIJN_WERKDAGEN, 5 |
 * | onderzoek, not started          | `start_onderzoek`        | end of the `wachtlijstWerkdagen`th working day after the MDO's besluit | regional setting: WACHTLIJST_START_WERKDAGEN, 10 |
 * | onderzoek, started              | `onderzoek`              | 10 weeks after the start                                            | sector norm (domain.md, step 4) |
 * | vv, monitoring                  | `controle`               | the earliest planned checkpoint or condition review                 | regional setting: checkpoints +3/+6/+12 months |
 * | overdracht                      | `overdracht_acceptatie`  | end of the `overdrachtWerkdagen`th working day after sending        | regional setting: OVERDRACHT_HERINNERING_WERKDAGEN, 5 |
 * | beoordeeld, afgesloten          | none                     |                                                                     | |
 *
 * Working days are those of the Algemene termijnenwet (calendar.ts). The werkvoorraad, the case page and the
 * reminders all show the same clock (`clock_due_at`, kept by repositories/lifecycle.ts `move`).
 */
export const klokken = ['beoordeling', 'acute_reactie', 'mdo', 'start_onderzoek', 'onderzoek', 'controle', 'overdracht_acceptatie'] as const;
export type Klok = (typeof klokken)[number];

export interface KlokInstellingen {
  /** The MDO within this many working days of the beoordeling. */
  mdoWerkdagen: number;
  /** An onderzoek decided by the MDO starts within this many working days (the wachtlijst's own term). */
  wachtlijstWerkdagen: number;
  /** A handover is accepted within this many working days (the same setting makes it a reminder after). */
  overdrachtWerkdagen: number;
}

export const DEFAULT_KLOK_INSTELLINGEN: KlokInstellingen = { mdoWerkdagen: 5, wachtlijstWerkdagen: 10, overdrachtWerkdagen: 5 };

let klokInstellingen: KlokInstellingen = DEFAULT_KLOK_INSTELLINGEN;
/** The region's settings, from its configuration at start-up (server and workers). */
export const setKlokInstellingen = (s: Partial<KlokInstellingen>) => {
  klokInstellingen = { ...DEFAULT_KLOK_INSTELLINGEN, ...s };
};
export const getKlokInstellingen = () => klokInstellingen;

/**
 * The due moment of a step whose clock starts when the case enters it (`mdo`, `start_onderzoek`,
 * `overdracht_acceptatie`, and `acute_reactie` of a crisis case that was not acute at triage); null for the
 * statuses whose clock comes from their own rows (melding_clock() in SQL).
 */
export function stapTermijn(klok: Klok, entered: Date, kalender: WerkdagKalender, s: KlokInstellingen = klokInstellingen): Date | null {
  const werkdagen = (n: number) => amsterdamEndOfDay(kalender.addWerkdagen(amsterdamDate(entered), n));
  switch (klok) {
    case 'mdo':
      return werkdagen(s.mdoWerkdagen);
    case 'start_onderzoek':
      return werkdagen(s.wachtlijstWerkdagen);
    case 'overdracht_acceptatie':
      return werkdagen(s.overdrachtWerkdagen);
    case 'acute_reactie':
      return new Date(entered.getTime() + ACUUT_RESPONSE_MS);
    default:
      return null;
  }
}

/** Which clock a case runs on in a status (the table above). */
export function klokVan(status: string, o: { acuut: boolean; onderzoekGestart: boolean }): Klok | null {
  switch (status) {
    case 'ontvangen':
    case 'triage_voorgesteld':
      return o.acuut ? 'acute_reactie' : 'beoordeling';
    case 'crisis':
      return 'acute_reactie';
    case 'mdo':
      return 'mdo';
    case 'onderzoek':
      return o.onderzoekGestart ? 'onderzoek' : 'start_onderzoek';
    case 'vv':
    case 'monitoring':
      return 'controle';
    case 'overdracht':
      return 'overdracht_acceptatie';
    default:
      return null;
  }
}
