// Overrides and fairness of the triage (issue #17), what critics of automated screening tools (Allegheny, Eckerd)
// asked for: how often people override each rule, band, team and gemeente, and how proposed and decided bands are
// distributed by the age group of the youngest child, by melder type and by gemeente. A rule overridden more than a
// set share of the time is flagged for review. Pure: the rows are beoordelingen with the codes of their case only.
import { bands, type Band } from './codes.ts';
import { ageOn } from './triage.ts';

export interface BeoordelingRij {
  regel: string | null;
  voorgesteld: Band | null;
  besloten: Band;
  override: boolean;
  team: string | null;
  gemeente: string;
  melderType: string;
  /** The Amsterdam date of receipt, for the ages. */
  ontvangen: string;
  /** Birth dates of the betrokkenen at risk (never the vermoedelijke pleger), and whether a kind has none. */
  geboortedata: string[];
  kindZonderDatum: boolean;
}

export const leeftijdsgroepen = ['0-3', '4-11', '12-17', 'kind_leeftijd_onbekend', 'geen_kind'] as const;
export type Leeftijdsgroep = (typeof leeftijdsgroepen)[number];

/**
 * The age group of the youngest child at risk (under 18, never the vermoedelijke pleger) on the day of receipt; a
 * melding whose only children have no birth date is "kind, leeftijd onbekend".
 */
export function leeftijdsgroep(r: Pick<BeoordelingRij, 'ontvangen' | 'geboortedata' | 'kindZonderDatum'>): Leeftijdsgroep {
  const ages = r.geboortedata.map((b) => ageOn(b, r.ontvangen)).filter((a) => a >= 0 && a < 18);
  const youngest = ages.length ? Math.min(...ages) : null;
  if (youngest !== null && youngest < 4) return '0-3';
  if (youngest !== null && youngest < 12) return '4-11';
  if (youngest !== null) return '12-17';
  return r.kindZonderDatum ? 'kind_leeftijd_onbekend' : 'geen_kind';
}

export interface AfwijkingRij {
  sleutel: string;
  totaal: number;
  afwijkend: number;
  /** Share overridden, 0–1, rounded to 3 decimals. */
  aandeel: number;
}

export interface VerdelingRij {
  groep: string;
  totaal: number;
  voorgesteld: Record<Band, number>;
  besloten: Record<Band, number>;
}

export interface Toetsing {
  totaal: number;
  afwijkend: number;
  drempel: number;
  perRegel: (AfwijkingRij & { herzien: boolean })[];
  perBand: AfwijkingRij[];
  perTeam: AfwijkingRij[];
  perGemeente: AfwijkingRij[];
  verdeling: { leeftijd: VerdelingRij[]; melderType: VerdelingRij[]; gemeente: VerdelingRij[] };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const zeros = () => Object.fromEntries(bands.map((b) => [b, 0])) as Record<Band, number>;

function afwijkingen(rows: readonly BeoordelingRij[], key: (r: BeoordelingRij) => string): AfwijkingRij[] {
  const m = new Map<string, { totaal: number; afwijkend: number }>();
  for (const r of rows) {
    const k = key(r);
    const e = m.get(k) ?? { totaal: 0, afwijkend: 0 };
    e.totaal++;
    if (r.override) e.afwijkend++;
    m.set(k, e);
  }
  return [...m.entries()].map(([sleutel, e]) => ({ sleutel, ...e, aandeel: round(e.afwijkend / e.totaal) })).sort((a, b) => a.sleutel.localeCompare(b.sleutel));
}

function verdeling(rows: readonly BeoordelingRij[], key: (r: BeoordelingRij) => string, order?: readonly string[]): VerdelingRij[] {
  const m = new Map<string, VerdelingRij>();
  for (const r of rows) {
    const k = key(r);
    const e = m.get(k) ?? { groep: k, totaal: 0, voorgesteld: zeros(), besloten: zeros() };
    e.totaal++;
    if (r.voorgesteld) e.voorgesteld[r.voorgesteld]++;
    e.besloten[r.besloten]++;
    m.set(k, e);
  }
  const out = [...m.values()];
  return order ? out.sort((a, b) => order.indexOf(a.groep) - order.indexOf(b.groep)) : out.sort((a, b) => a.groep.localeCompare(b.groep));
}

/**
 * The overrides and distributions of a set of beoordelingen. A rule is flagged for review (`herzien`) when more than
 * `drempel` of its beoordelingen overrode it and it was applied at least `minimum` times (a share of 1 in 1 says
 * nothing yet).
 */
export function toets(rows: readonly BeoordelingRij[], drempel: number, minimum = 5): Toetsing {
  return {
    totaal: rows.length,
    afwijkend: rows.filter((r) => r.override).length,
    drempel,
    perRegel: afwijkingen(rows, (r) => r.regel ?? 'geen_voorstel').map((a) => ({ ...a, herzien: a.totaal >= minimum && a.aandeel > drempel })),
    perBand: afwijkingen(rows, (r) => r.voorgesteld ?? 'geen_voorstel'),
    perTeam: afwijkingen(rows, (r) => r.team ?? 'onbekend'),
    perGemeente: afwijkingen(rows, (r) => r.gemeente),
    verdeling: {
      leeftijd: verdeling(rows, leeftijdsgroep, leeftijdsgroepen),
      melderType: verdeling(rows, (r) => r.melderType),
      gemeente: verdeling(rows, (r) => r.gemeente),
    },
  };
}
