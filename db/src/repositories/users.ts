import { and, eq, gt, isNull, sql } from 'drizzle-orm';
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

/** A live session with its user: not expired (absolute), not idle too long, user not disabled. Touches lastSeenAt. */
export async function touchSession(db: DbOrTx, idHash: string, idleMinutes: number) {
  const rows = await db
    .update(sessions)
    .set({ lastSeenAt: sql`now()` })
    .where(
      and(
        eq(sessions.idHash, idHash),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.lastSeenAt, sql`now() - make_interval(mins => ${idleMinutes})`),
      ),
    )
    .returning({ userId: sessions.userId, csrfToken: sessions.csrfToken });
  const s = rows[0];
  if (!s) return undefined;
  const [u] = await db
    .select({
      id: users.id,
      naam: users.naam,
      email: users.email,
      roles: users.roles,
      teamId: users.teamId,
      gemeente: users.gemeenteCode,
      disabledAt: users.disabledAt,
      teamKind: teams.kind,
      teamNaam: teams.naam,
      gemeenteNaam: gemeenten.naam,
    })
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .leftJoin(gemeenten, eq(gemeenten.code, users.gemeenteCode))
    .where(eq(users.id, s.userId));
  if (!u || u.disabledAt) return undefined;
  return { user: u, csrfToken: s.csrfToken };
}

export async function deleteSession(db: DbOrTx, idHash: string) {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

/** Sessions past their absolute or idle timeout can go. */
export async function pruneSessions(db: DbOrTx, idleMinutes: number) {
  await db.delete(sessions).where(sql`${sessions.expiresAt} < now() or ${sessions.lastSeenAt} < now() - make_interval(mins => ${idleMinutes})`);
}
