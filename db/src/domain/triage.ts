// The pure triage of "Triage policy v1" and "v2" (domain.md): urgency, priority with its factors, band, attention
// points and route proposal. A proposal, never a decision: a beoordelaar confirms or overrides it with a reason.
import { amsterdamDate, type IsoDate } from './calendar.ts';
import {
  acuteIndicatoren,
  multiProbleemIndicatoren,
  structureleIndicatoren,
  type Aandachtspunt,
  type Band,
  type BetrokkeneRol,
  type Geweldsvorm,
  type Route,
  type Urgency,
  type Veiligheid,
  type VeiligheidVraag,
} from './codes.ts';
import type { RouteRule, TriagePolicy } from './policy.ts';

export interface TriageInput {
  receivedAt: Date;
  veiligheid: Veiligheid;
  anoniemNaarHuishouden: boolean;
  betrokkenen: { rol: BetrokkeneRol; geboortedatum?: IsoDate | null }[];
  /** The melding's forms of violence: inputs from v2 on (specialist forms); v1 does not read them. */
  geweldsvormen?: readonly Geweldsvorm[];
  /** Computed by the radar, never typed in. */
  eerdereMeldingen: number;
}

export interface TriageFactor {
  code: string;
  weight: number;
}

export interface TriageResult {
  urgency: Urgency;
  band: Band;
  priority: number;
  route: Route;
  routeRule: string;
  factors: TriageFactor[];
  /** What the specialism requires (v2); empty when neither applies, always empty in v1. */
  aandachtspunten: Aandachtspunt[];
  rulesVersion: string;
}

/** Whole years between a birth date and a day (a birthday on that day counts). */
export function ageOn(birth: IsoDate, day: IsoDate): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function triage(input: TriageInput, policy: TriagePolicy): TriageResult {
  // Promised anonymity towards the household counts as anonimiteitToegezegd (domain.md).
  const answers: Veiligheid = { ...input.veiligheid, ...(input.anoniemNaarHuishouden ? { anonimiteitToegezegd: true } : {}) };
  const holds = (q: VeiligheidVraag) => answers[q] === true;
  const factors: TriageFactor[] = [];

  const acute = acuteIndicatoren.filter(holds);
  for (const code of acute) factors.push({ code, weight: policy.acuteWeight });

  // Ages on the Amsterdam calendar date of receipt; a kind without birth date is a child under 18, not under 4.
  const day = amsterdamDate(input.receivedAt);
  const ages = input.betrokkenen.map((b) => ({ rol: b.rol, age: b.geboortedatum ? ageOn(b.geboortedatum, day) : null }));
  // v2: a vermoedelijke pleger is never the child at risk (a son of 16 who hits his mother adds no child factor).
  const atRisk = policy.plegerNietHetKind ? ages.filter((p) => p.rol !== 'vermoedelijke_pleger') : ages;
  const isChild = (p: (typeof ages)[number]) => (p.age === null ? p.rol === 'kind' : p.age < 18);
  if (atRisk.some((p) => p.age !== null && p.age < 4)) factors.push({ code: 'kindJongerDan4', weight: policy.persons.kindJongerDan4 });
  else if (atRisk.some(isChild)) factors.push({ code: 'kindJongerDan18', weight: policy.persons.kindJongerDan18 });
  if (ages.some((p) => p.rol === 'slachtoffer' && p.age !== null && p.age >= 65)) {
    factors.push({ code: 'slachtoffer65Plus', weight: policy.persons.slachtoffer65Plus });
  }

  for (const code of [...structureleIndicatoren, ...multiProbleemIndicatoren]) {
    const weight = policy.indicatorWeights[code];
    if (holds(code) && weight) factors.push({ code, weight });
  }

  // v2: the specialist forms of violence, each factor once however many of its forms the melding names.
  const aandachtspunten: Aandachtspunt[] = [];
  const vormen = new Set<Geweldsvorm>(input.geweldsvormen ?? []);
  for (const s of policy.specialisme ?? []) {
    if (!s.geweldsvormen.some((v) => vormen.has(v))) continue;
    factors.push({ code: s.code, weight: s.weight });
    aandachtspunten.push(s.code);
  }

  const counted = Math.min(Math.max(0, input.eerdereMeldingen), policy.eerdereMelding.maxCounted);
  if (counted > 0) factors.push({ code: 'eerdereMeldingen', weight: counted * policy.eerdereMelding.weight });

  const priority = Math.min(policy.maxPriority, factors.reduce((sum, f) => sum + f.weight, 0));
  const urgency: Urgency = acute.length > 0 ? 'acuut' : 'niet_acuut';
  const band: Band = urgency === 'acuut' ? 'P1' : policy.bands.find((b) => priority >= b.min)!.band;

  const matches = (rule: RouteRule) =>
    (rule.when.acuut === undefined || rule.when.acuut === (urgency === 'acuut')) &&
    (rule.when.anyOf === undefined || rule.when.anyOf.some(holds)) &&
    (rule.when.allOf === undefined || rule.when.allOf.every(holds)) &&
    (rule.when.aandachtspunt === undefined || rule.when.aandachtspunt === aandachtspunten.length > 0) &&
    (rule.when.minEerdereMeldingen === undefined || input.eerdereMeldingen >= rule.when.minEerdereMeldingen);
  const rule = policy.routeRules.find(matches) ?? policy.routeRules.at(-1)!;

  return { urgency, band, priority, route: rule.route, routeRule: rule.id, factors, aandachtspunten, rulesVersion: policy.rulesVersion };
}
