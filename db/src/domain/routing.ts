// Where a case goes after its beoordeling (api.md, Statuses): the status its route gives it and the team that holds
// it then. Pure data, one place: the beoordeling, the workers and the lists read it from here.
import type { MeldingStatus, Route, TeamKind } from './codes.ts';

/** The status a melding takes after its beoordeling. */
export const statusForRoute: Record<Route, MeldingStatus> = { crisisteam: 'crisis', mdo: 'mdo', wijkteam: 'overdracht', afsluiten: 'afgesloten' };

/** The kind of team that holds the case after its beoordeling (a wijkteam: the household's gemeente's); null: it stays. */
export const teamKindForRoute: Record<Route, TeamKind | null> = { crisisteam: 'crisisteam', mdo: 'mdo', wijkteam: 'wijkteam', afsluiten: null };
