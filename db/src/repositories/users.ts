import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { gemeenten, sessions, teams, users } from '../schema/index.ts';

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [u] = await db.select().from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return u;
}

export async function createSession(db: DbOrTx, s: { idHash: string; userId: string; csrfToken: string; expiresAt: Date; mfaPending?: boolean }) {
  await db.insert(sessions).values(s);
}

/**
 * The second factor was proven: the session gets a new id and a new CSRF token (as at every change of privilege)
 * and full rights. Returns false when the old session is gone.
 */
export async function completeMfa(db: DbOrTx, oldIdHash: string, newIdHash: string, newCsrfToken: string): Promise<boolean> {
  const rows = await db
    .update(sessions)
    .set({ idHash: newIdHash, csrfToken: newCsrfToken, mfaPending: false, lastSeenAt: sql`now()` })
    .where(and(eq(sessions.idHash, oldIdHash), eq(sessions.mfaPending, true)))
    .returning({ userId: sessions.userId });
  return rows.length === 1;
}

export async function findTotp(db: DbOrTx, userId: string) {
  const [u] = await db
    .select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt, lastStep: users.totpLastStep })
    .from(users)
    .where(eq(users.id, userId));
  return u;
}

/** Stores a new (not yet enabled) sealed secret; an enabled one is never replaced this way. */
export async function setPendingTotpSecret(db: DbOrTx, userId: string, sealedSecret: string): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpSecret: sealedSecret, totpLastStep: null })
    .where(and(eq(users.id, userId), isNull(users.totpEnabledAt)))
    .returning({ id: users.id });
  return rows.length === 1;
}

/**
 * Claims a TOTP time step for a user: succeeds only when it is newer than the last one used, so a code (or an
 * older one) cannot be replayed. With `enable`, the secret starts counting from now on.
 */
export async function claimTotpStep(db: DbOrTx, userId: string, step: number, opts: { enable?: boolean } = {}): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step, ...(opts.enable ? { totpEnabledAt: sql`now()` } : {}) })
    .where(and(eq(users.id, userId), sql`(${users.totpLastStep} is null or ${users.totpLastStep} < ${step})`))
    .returning({ id: users.id });
  return rows.length === 1;
}

/** The beheerder resets a lost second factor: the user enrols again at the next sign-in; its sessions end. */
export async function resetTotp(tx: DbOrTx, userId: string) {
  const [row] = await tx.update(users).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null }).where(eq(users.id, userId)).returning();
  if (row) await tx.delete(sessions).where(eq(sessions.userId, row.id));
  return row;
}

/** lastSeenAt is written at most this often: the idle timeout counts in minutes, and a read should not cost a write. */
const TOUCH_INTERVAL_SECONDS = 60;

/**
 * A live session with its user: not expired (absolute), not idle too long, user not disabled. Moves lastSeenAt on
 * when it is more than a minute old. One statement: every signed-in request runs it.
 */
export async function touchSession(db: DbOrTx, idHash: string, idleMinutes: number) {
  const rows = await db.execute<{
    id: string; naam: string; email: string; roles: string; team_id: string | null; other_team_ids: string; gemeente: string | null;
    team_kind: string | null; team_naam: string | null; gemeente_naam: string | null; csrf_token: string;
    mfa_pending: boolean; totp_enabled: boolean; regio: string | null;
  }>(sql`
    with s as (
      select id_hash, user_id, csrf_token, last_seen_at, mfa_pending from ${sessions}
      where id_hash = ${idHash} and expires_at > now() and last_seen_at > now() - make_interval(mins => ${idleMinutes})),
    touched as (
      update ${sessions} set last_seen_at = now()
      where id_hash = (select id_hash from s) and last_seen_at < now() - make_interval(secs => ${TOUCH_INTERVAL_SECONDS}))
    select u.id, u.naam, u.email, array_to_json(u.roles)::text as roles, u.team_id, array_to_json(u.other_team_ids)::text as other_team_ids, u.gemeente_code as gemeente,
           t.kind as team_kind, t.naam as team_naam, g.naam as gemeente_naam, s.csrf_token, s.mfa_pending,
           u.totp_enabled_at is not null as totp_enabled, u.regio
    from s join ${users} u on u.id = s.user_id
    left join ${teams} t on t.id = u.team_id
    left join ${gemeenten} g on g.code = u.gemeente_code
    where u.disabled_at is null`);
  const r = rows[0];
  if (!r) return undefined;
  return {
    user: {
      id: r.id,
      naam: r.naam,
      email: r.email,
      roles: JSON.parse(r.roles) as (typeof users.$inferSelect)['roles'],
      teamId: r.team_id,
      otherTeamIds: JSON.parse(r.other_team_ids) as string[],
      gemeente: r.gemeente,
      teamKind: r.team_kind as (typeof teams.$inferSelect)['kind'] | null,
      teamNaam: r.team_naam,
      gemeenteNaam: r.gemeente_naam,
    },
    /** The Veilig Thuis region the account works for (issue #19), null on a deployment of one region. */
    regio: r.regio,
    csrfToken: r.csrf_token,
    mfaPending: r.mfa_pending,
    totpEnabled: r.totp_enabled,
  };
}

/** Ends every half-signed-in session of a user (its second factor locked: the next sign-in starts over). */
export async function endPendingSessions(db: DbOrTx, userId: string) {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), eq(sessions.mfaPending, true)));
}

export async function deleteSession(db: DbOrTx, idHash: string) {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

/** Sessions past their absolute or idle timeout can go. */
export async function pruneSessions(db: DbOrTx, idleMinutes: number) {
  await db.delete(sessions).where(sql`${sessions.expiresAt} < now() or ${sessions.lastSeenAt} < now() - make_interval(mins => ${idleMinutes})`);
}

/** A new password; every other session of the user ends (the one that changed it, `keepSessionHash`, stays). */
export async function setPassword(tx: DbOrTx, userId: string, passwordHash: string, keepSessionHash: string) {
  await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
  await tx.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.idHash, keepSessionHash)));
}

/** The active staff, by name, optionally only those with `role` (who can be assigned a case or join an MDO). */
export async function listStaff(db: DbOrTx, role?: string) {
  return db
    .select({ id: users.id, name: users.naam, roles: users.roles, teamId: users.teamId })
    .from(users)
    .where(role ? sql`${users.disabledAt} is null and ${role} = any(${users.roles})` : sql`${users.disabledAt} is null`)
    .orderBy(asc(users.naam));
}

/** The teams, by kind and name. */
export const listTeams = (db: DbOrTx) => db.select().from(teams).orderBy(asc(teams.kind), asc(teams.naam));

/** The region's gemeenten, by name. */
export const listGemeenten = (db: DbOrTx) => db.select().from(gemeenten).orderBy(asc(gemeenten.naam));

/** The active Veilig Thuis staff among `ids` (no wijkteam, nobody disabled): whom a case may be given to or name. */
export async function activeStaffAmong(db: DbOrTx, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: users.id, naam: users.naam, roles: users.roles })
    .from(users)
    .where(and(inArray(users.id, [...ids]), isNull(users.disabledAt), sql`not ('wijkteam' = any(${users.roles}))`));
}
