// Compare before you switch (issue #17): two policy versions run over the same stored meldingen, counted as matrices
// of route and band (from → to) and the number whose urgency, band or route changes. Pure and without personal data:
// the inputs are the triage's own (answers, roles and ages, forms of violence, the radar count stored with the case).
import { bands, routes, type Band, type Route } from './codes.ts';
import type { TriagePolicy } from './policy.ts';
import { triage, type TriageInput } from './triage.ts';

export interface Vergelijking {
  totaal: number;
  gewijzigd: { route: number; band: number; urgency: number; enig: number };
  routes: { van: Route; naar: Route; aantal: number }[];
  banden: { van: Band; naar: Band; aantal: number }[];
}

export type VergelijkingCel = { dimensie: 'route'; van: Route; naar: Route } | { dimensie: 'band'; van: Band; naar: Band };

/** Both versions' results for one melding. */
export const beideVersies = (input: TriageInput, van: TriagePolicy, naar: TriagePolicy) => ({ a: triage(input, van), b: triage(input, naar) });

/** Whether a melding falls in a cell of the matrix (the cases behind it). */
export function inCel(input: TriageInput, van: TriagePolicy, naar: TriagePolicy, cel: VergelijkingCel): boolean {
  const { a, b } = beideVersies(input, van, naar);
  return cel.dimensie === 'route' ? a.route === cel.van && b.route === cel.naar : a.band === cel.van && b.band === cel.naar;
}

export function vergelijk(inputs: Iterable<TriageInput>, van: TriagePolicy, naar: TriagePolicy): Vergelijking {
  const routeCount = new Map<string, number>();
  const bandCount = new Map<string, number>();
  const gewijzigd = { route: 0, band: 0, urgency: 0, enig: 0 };
  let totaal = 0;
  for (const input of inputs) {
    const { a, b } = beideVersies(input, van, naar);
    totaal++;
    routeCount.set(`${a.route}>${b.route}`, (routeCount.get(`${a.route}>${b.route}`) ?? 0) + 1);
    bandCount.set(`${a.band}>${b.band}`, (bandCount.get(`${a.band}>${b.band}`) ?? 0) + 1);
    const route = a.route !== b.route;
    const band = a.band !== b.band;
    const urgency = a.urgency !== b.urgency;
    if (route) gewijzigd.route++;
    if (band) gewijzigd.band++;
    if (urgency) gewijzigd.urgency++;
    if (route || band || urgency) gewijzigd.enig++;
  }
  // Every cell of both matrices, zeros included, in the code lists' order: a table reads the same every time.
  return {
    totaal,
    gewijzigd,
    routes: routes.flatMap((v) => routes.map((n) => ({ van: v, naar: n, aantal: routeCount.get(`${v}>${n}`) ?? 0 }))),
    banden: bands.flatMap((v) => bands.map((n) => ({ van: v, naar: n, aantal: bandCount.get(`${v}>${n}`) ?? 0 }))),
  };
}
