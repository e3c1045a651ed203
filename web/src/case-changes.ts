// What changed between two reads of a case, as the words of the "gewijzigd" notice (issue #16): shown when a
// colleague's change arrives on the open case page, and when a step is refused because the case changed meanwhile.
import type { MeldingView } from './api/client';

export type CaseChange = 'status' | 'band' | 'route' | 'team' | 'beoordeling' | 'toegewezen' | 'overdracht' | 'thv' | 'codeRood' | 'onderzoek' | 'aanvulling';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The parts of the case that differ, in the order a case worker reads them. */
export function caseChanges(before: MeldingView, after: MeldingView): CaseChange[] {
  const checks: [CaseChange, unknown, unknown][] = [
    ['status', before.status, after.status],
    ['band', before.beoordeling?.band ?? before.triage?.band, after.beoordeling?.band ?? after.triage?.band],
    ['route', before.beoordeling?.route ?? before.triage?.route, after.beoordeling?.route ?? after.triage?.route],
    ['team', before.team?.id, after.team?.id],
    ['beoordeling', before.beoordeling?.decidedAt, after.beoordeling?.decidedAt],
    ['toegewezen', [...before.assignedTo].sort(), [...after.assignedTo].sort()],
    ['overdracht', before.overdracht, after.overdracht],
    ['thv', before.thv, after.thv],
    ['codeRood', before.codeRood, after.codeRood],
    ['onderzoek', before.onderzoek, after.onderzoek],
    ['aanvulling', [before.geweldsvormen, before.veiligheid, before.toelichting], [after.geweldsvormen, after.veiligheid, after.toelichting]],
  ];
  return checks.filter(([, a, b]) => !same(a, b)).map(([k]) => k);
}
