// The dashboard's team filter: a team id or a team kind that names exactly one team.
import { resolveTeams } from '@vt/db';
import { badRequest } from '../errors.ts';
import type { App } from '../types.ts';

export async function teamIdOf(app: App, team: string | undefined): Promise<string | null> {
  if (!team) return null;
  const ids = await resolveTeams(app.db.db, team);
  if (ids.length !== 1) throw badRequest('Kies één team.', [{ path: '/team', message: 'Onbekend team, of een soort met meer dan één team.' }]);
  return ids[0]!;
}
