// Where a case goes after its beoordeling (api.md, Statuses): the status its route gives it and the team that holds
// it then. Pure data, one place: the beoordeling, the workers and the lists read it from here.
import type { MeldingStatus, Role, Route, TeamKind } from './codes.ts';

/** The status a melding takes after its beoordeling. */
export const statusForRoute: Record<Route, MeldingStatus> = {
  crisisteam: 'crisis',
  mdo: 'mdo',
  wijkteam: 'overdracht',
  hulpverlening: 'overdracht',
  afsluiten: 'afgesloten',
};

/**
 * The kind of team that holds the case after its beoordeling (a wijkteam: the household's gemeente's); null: it stays.
 * A handover to the professional already involved stays with the beoordeling team, whose case worker records the warm
 * handover's acceptance on the contact person's behalf (api.md, Case lifecycle).
 */
export const teamKindForRoute: Record<Route, TeamKind | null> = {
  crisisteam: 'crisisteam',
  mdo: 'mdo',
  wijkteam: 'wijkteam',
  hulpverlening: 'beoordeling',
  afsluiten: null,
};

/**
 * Who may take a case in each step (issue #16): the chef van de dag assigns only active Veilig Thuis staff whose work
 * the step is (api.md, Who may act) — a case waiting for its beoordeling to a beoordelaar (an acute one also to the
 * crisis team, which acts before the confirmation), a crisis case to the crisis team, the MDO to a
 * gedragswetenschapper, onderzoek, V&V and monitoring to a medewerker; the chef van de dag may take any. Nobody takes
 * a closed case.
 */
export const takersByStatus: Record<MeldingStatus, readonly Role[]> = {
  ontvangen: ['beoordelaar', 'chef_van_de_dag'],
  triage_voorgesteld: ['beoordelaar', 'chef_van_de_dag', 'crisisteam'],
  beoordeeld: ['beoordelaar', 'chef_van_de_dag'],
  crisis: ['crisisteam', 'beoordelaar', 'chef_van_de_dag'],
  mdo: ['gedragswetenschapper', 'beoordelaar', 'chef_van_de_dag'],
  onderzoek: ['medewerker', 'gedragswetenschapper', 'chef_van_de_dag'],
  vv: ['medewerker', 'chef_van_de_dag'],
  overdracht: ['medewerker', 'beoordelaar', 'chef_van_de_dag'],
  monitoring: ['medewerker', 'chef_van_de_dag'],
  afgesloten: [],
};

/** Whether a person with these roles may take a case in this status (an acute case waiting: also the crisis team). */
export function mayTakeCase(personRoles: readonly string[], status: MeldingStatus, acuut = false): boolean {
  const takers = takersByStatus[status].filter((r) => r !== 'crisisteam' || status !== 'triage_voorgesteld' || acuut);
  return personRoles.some((r) => (takers as readonly string[]).includes(r));
}
