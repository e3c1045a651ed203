import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { apiClients, gemeenten, sessions, teams, users } from '../schema.ts';

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [u] = await db.select().from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return u;
}

export async function findApiClientByKeyHash(db: DbOrTx, keyHash: string) {
  const [c] = await db
    .select()
    .from(apiClients)
    .where(and(eq(apiClients.keyHash, keyHash), isNull(apiClients.revokedAt)));
  return c;
}

export async function createSession(db: DbOrTx, s: { idHash: string; userId: string; csrfToken: string; expiresAt: Date }) {
  await db.insert(sessions).values(s);
}

/** lastSeenAt is written at most this often: the idle timeout counts in minutes, and a read should not cost a write. */
const TOUCH_INTERVAL_SECONDS = 60;

/**
 * A live session with its user: not expired (absolute), not idle too long, user not disabled. Moves lastSeenAt on
 * when it is more than a minute old. One statement: every signed-in request runs it.
 */
export async function touchSession(db: DbOrTx, idHash: string, idleMinutes: number) {
  const rows = await db.execute<{
    id: string; naam: string; email: string; roles: string; team_id: string | null; gemeente: string | null;
    team_kind: string | null; team_naam: string | null; gemeente_naam: string | null; csrf_token: string;
  }>(sql`
    with s as (
      select id_hash, user_id, csrf_token, last_seen_at from ${sessions}
      where id_hash = ${idHash} and expires_at > now() and last_seen_at > now() - make_interval(mins => ${idleMinutes})),
    touched as (
      update ${sessions} set last_seen_at = now()
      where id_hash = (select id_hash from s) and last_seen_at < now() - make_interval(secs => ${TOUCH_INTERVAL_SECONDS}))
    select u.id, u.naam, u.email, array_to_json(u.roles)::text as roles, u.team_id, u.gemeente_code as gemeente,
           t.kind as team_kind, t.naam as team_naam, g.naam as gemeente_naam, s.csrf_token
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
      gemeente: r.gemeente,
      teamKind: r.team_kind as (typeof teams.$inferSelect)['kind'] | null,
      teamNaam: r.team_naam,
      gemeenteNaam: r.gemeente_naam,
    },
    csrfToken: r.csrf_token,
  };
}

export async function deleteSession(db: DbOrTx, idHash: string) {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

/** Sessions past their absolute or idle timeout can go. */
export async function pruneSessions(db: DbOrTx, idleMinutes: number) {
  await db.delete(sessions).where(sql`${sessions.expiresAt} < now() or ${sessions.lastSeenAt} < now() - make_interval(mins => ${idleMinutes})`);
}
