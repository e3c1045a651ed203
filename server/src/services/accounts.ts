// User administration under four eyes (issue #14): how accounts show on the beheerder's screen, the checks a new
// account or role set meets, and the activation mail (the link goes to the user, never to the screen).
import { incompatible, issueActivation, openRolAanvragen, schema, type Tx } from '@vt/db';
import type { Role } from '@vt/db/domain';
import { eq, inArray } from 'drizzle-orm';
import { badRequest } from '../errors.ts';
import type { App } from '../types.ts';

type User = typeof schema.users.$inferSelect;
/** Accounts as the beheerder's screen shows them, with the roles that wait for a second person. */
export const accountViews = async (app: App, rows: User[]) => {
  const open = new Map((await openRolAanvragen(app.db.db)).map((a) => [a.userId, a.roles]));
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.naam,
    roles: r.roles,
    rollenAangevraagd: open.get(r.id) ?? [],
    teamId: r.teamId,
    otherTeamIds: r.otherTeamIds,
    gemeente: r.gemeenteCode,
    disabledAt: r.disabledAt?.toISOString() ?? null,
    geactiveerd: r.passwordHash !== null,
    tweestaps: r.totpEnabledAt !== null,
  }));
};
export const accountView = async (app: App, r: User) => (await accountViews(app, [r]))[0]!;

/** Teams and gemeente named in the body exist (a foreign key is not an error message). */
export async function checkPlaces(app: App, b: { teamId?: string; otherTeamIds?: string[]; gemeente?: string }) {
  const teamIds = [...(b.teamId ? [b.teamId] : []), ...(b.otherTeamIds ?? [])];
  const found = teamIds.length ? await app.db.db.select({ id: schema.teams.id }).from(schema.teams).where(inArray(schema.teams.id, teamIds)) : [];
  if (found.length !== new Set(teamIds).size) throw badRequest('Onbekend team.', [{ path: b.teamId && !found.some((f) => f.id === b.teamId) ? '/teamId' : '/otherTeamIds', message: 'Kies een bestaand team.' }]);
  if (b.gemeente && !(await app.db.db.select().from(schema.gemeenten).where(eq(schema.gemeenten.code, b.gemeente))).length) {
    throw badRequest('Onbekende gemeente.', [{ path: '/gemeente', message: 'Onbekende gemeente voor deze regio.' }]);
  }
}

export const checkRoles = (wished: readonly Role[], gemeente: string | undefined | null) => {
  const clash = incompatible(wished);
  if (clash) throw badRequest(`De rollen ${clash[0]} en ${clash[1]} gaan niet samen in één account.`, [{ path: '/roles', message: 'Wie het auditlog leest, beheert geen gebruikers.' }]);
  if (wished.includes('wijkteam') && !gemeente) throw badRequest('Een wijkteam-account hoort bij een gemeente.', [{ path: '/gemeente', message: 'Kies de gemeente.' }]);
};

/** Mails the activation link; the beheerder sees that it went, never the link itself. */
export async function sendActivation(app: App, publicUrl: string, tx: Tx, user: { id: string; email: string; naam: string }, by: string) {
  const { token, expiresAt } = await issueActivation(tx, { userId: user.id, createdBy: by });
  await app.mailer.send({
    to: user.email,
    subject: 'Uw account voor de Veilig Thuis backoffice',
    text: [
      `Beste ${user.naam},`,
      '',
      'Er is een account voor u aangemaakt in de Veilig Thuis backoffice. Kies uw wachtwoord via deze link:',
      `${publicUrl}/activeren#${token}`,
      '',
      `De link werkt één keer en tot ${expiresAt.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' })}. Daarna stelt u bij de eerste aanmelding uw authenticator-app in.`,
      'Verwachtte u dit bericht niet? Neem dan contact op met de beheerder van Veilig Thuis.',
    ].join('\n'),
  });
  return expiresAt;
}

