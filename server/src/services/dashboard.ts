// The dashboard's filters: the team (an id, or a kind that names exactly one team), the gemeente and the moment.
import { resolveTeams, type DashboardFilter } from '@vt/db';
import { badRequest, type ErrorDetail } from '../errors.ts';
import { checkGemeente } from './meldingen.ts';
import type { App } from '../types.ts';

export async function teamIdOf(app: App, team: string | undefined): Promise<string | null> {
  if (!team) return null;
  const ids = await resolveTeams(app.db.db, team);
  if (ids.length !== 1) throw badRequest('Kies één team.', [{ path: '/team', message: 'Onbekend team, of een soort met meer dan één team.' }]);
  return ids[0]!;
}

/** The moment and scope of a waiting-list read: `at` is now when absent and never in the future (a minute's slack). */
export async function dashboardFilter(app: App, q: { at?: string; team?: string; gemeente?: string }): Promise<DashboardFilter & { at: Date }> {
  const at = q.at ? new Date(q.at) : new Date();
  if (at.getTime() > Date.now() + 60_000) {
    throw badRequest('Dit moment ligt in de toekomst: de cijfers lopen tot nu.', [{ path: '/at', message: 'Kies een moment in het verleden, of laat het veld leeg voor nu.' }]);
  }
  return { at, teamId: await teamIdOf(app, q.team), gemeente: await gemeenteOf(app, q.gemeente) };
}

/** The gemeente a figure is asked for: one of the region's (an unknown code is a 400, not a row of zeros), or none. */
export async function gemeenteOf(app: App, code: string | undefined): Promise<string | null> {
  const details: ErrorDetail[] = [];
  await checkGemeente(app.db.db, code, '/gemeente', details);
  if (details.length) throw badRequest('Onbekende gemeente.', details);
  return code ?? null;
}
