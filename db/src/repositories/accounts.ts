// Staff accounts under four eyes (issue #14, finding 4). The beheerder creates an account without a password: the
// user sets one with a one-time activation link mailed to them. Roles that read case files or the audit trail, or
// manage users, wait for a second person's approval (another beheerder or the privacy officer; never the one who
// asked, never the account itself). Every step is audited by the routes.
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { incompatibleRoles, rolesNeedingApproval, type Role } from '../domain/codes.ts';
import { accountActivaties, rolAanvragen, sessions, users } from '../schema/index.ts';
import { randomToken, sha256 } from '../security/passwords.ts';

/** How long an activation link works. */
export const ACTIVATION_HOURS = 72;

export class AccountConflict extends Error {}

const needsApproval = (r: Role) => (rolesNeedingApproval as readonly string[]).includes(r);

/** Combinations one account may never hold (the audit trail and user management). */
export function incompatible(roles: readonly Role[]): [Role, Role] | undefined {
  return incompatibleRoles.find(([a, b]) => roles.includes(a) && roles.includes(b)) as [Role, Role] | undefined;
}

/** Splits a wished role set into what takes effect now and what waits for approval. */
export function splitRoles(current: readonly Role[], wished: readonly Role[]) {
  const keep = wished.filter((r) => current.includes(r) || !needsApproval(r));
  const pending = wished.filter((r) => !current.includes(r) && needsApproval(r));
  return { now: keep, pending };
}

/**
 * Sets an account's roles as the beheerder wishes them: roles taken away go at once (less access needs no second
 * person), roles that need approval are asked for (replacing an open request), the others take effect.
 */
export async function requestRoles(tx: DbOrTx, o: { userId: string; current: readonly Role[]; wished: readonly Role[]; requestedBy: string }) {
  const { now, pending } = splitRoles(o.current, o.wished);
  await tx.update(users).set({ roles: now }).where(eq(users.id, o.userId));
  // Fewer roles: the sessions of the account end, so no session keeps a role it lost.
  if (o.current.some((r) => !now.includes(r))) await tx.delete(sessions).where(eq(sessions.userId, o.userId));
  await tx.delete(rolAanvragen).where(and(eq(rolAanvragen.userId, o.userId), eq(rolAanvragen.status, 'aangevraagd')));
  if (!pending.length) return { roles: now, aanvraagId: null };
  const [row] = await tx.insert(rolAanvragen).values({ userId: o.userId, roles: pending, requestedBy: o.requestedBy }).returning({ id: rolAanvragen.id });
  return { roles: now, aanvraagId: row!.id };
}

/** A new activation link for an account that has not set its password yet; earlier links stop working. */
export async function issueActivation(tx: DbOrTx, o: { userId: string; createdBy: string; now?: Date }): Promise<{ token: string; expiresAt: Date }> {
  const now = o.now ?? new Date();
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + ACTIVATION_HOURS * 3600_000);
  await tx.update(accountActivaties).set({ usedAt: now }).where(and(eq(accountActivaties.userId, o.userId), isNull(accountActivaties.usedAt)));
  await tx.insert(accountActivaties).values({ userId: o.userId, tokenHash: sha256(token), expiresAt, createdBy: o.createdBy, createdAt: now });
  return { token, expiresAt };
}

/** Uses an activation link: sets the account's first password. Undefined when the link is unknown, used or expired. */
export async function activate(tx: DbOrTx, token: string, passwordHash: string): Promise<{ userId: string } | undefined> {
  const [a] = await tx
    .update(accountActivaties)
    .set({ usedAt: sql`now()` })
    .where(and(eq(accountActivaties.tokenHash, sha256(token)), isNull(accountActivaties.usedAt), sql`${accountActivaties.expiresAt} > now()`))
    .returning({ userId: accountActivaties.userId });
  if (!a) return undefined;
  const [u] = await tx.update(users).set({ passwordHash }).where(and(eq(users.id, a.userId), isNull(users.passwordHash), isNull(users.disabledAt))).returning({ id: users.id });
  return u ? { userId: u.id } : undefined;
}

/** The account an unused, unexpired activation link belongs to (to show whom the page sets a password for). */
export async function activationAccount(db: DbOrTx, token: string) {
  const [row] = await db
    .select({ email: users.email, naam: users.naam })
    .from(accountActivaties)
    .innerJoin(users, eq(users.id, accountActivaties.userId))
    .where(and(eq(accountActivaties.tokenHash, sha256(token)), isNull(accountActivaties.usedAt), sql`${accountActivaties.expiresAt} > now()`, isNull(users.passwordHash)));
  return row;
}

/** Role requests, open ones first, with who asked and for whom. */
export async function listRolAanvragen(db: DbOrTx, limit = 200) {
  const rows = await db
    .select({ a: rolAanvragen, naam: users.naam, email: users.email, currentRoles: users.roles })
    .from(rolAanvragen)
    .innerJoin(users, eq(users.id, rolAanvragen.userId))
    .orderBy(sql`${rolAanvragen.status} = 'aangevraagd' desc`, desc(rolAanvragen.requestedAt))
    .limit(limit);
  const people = [...new Set(rows.flatMap((r) => [r.a.requestedBy, r.a.decidedBy].filter((x): x is string => !!x)))];
  const names = people.length ? await db.select({ id: users.id, naam: users.naam }).from(users).where(inArray(users.id, people)) : [];
  const nameOf = new Map(names.map((n) => [n.id, n.naam]));
  return rows.map((r) => ({ ...r.a, user: { id: r.a.userId, naam: r.naam, email: r.email, roles: r.currentRoles }, requestedByNaam: nameOf.get(r.a.requestedBy) ?? '', decidedByNaam: r.a.decidedBy ? (nameOf.get(r.a.decidedBy) ?? '') : null }));
}

/** The open requests for one or more accounts (shown beside them on the beheerder's screen). */
export async function openRolAanvragen(db: DbOrTx) {
  return db.select().from(rolAanvragen).where(eq(rolAanvragen.status, 'aangevraagd'));
}

/**
 * The second person decides. Approving adds the roles (refused when the account would combine roles that may not
 * go together); the row lock keeps two decisions from crossing.
 */
export async function decideRolAanvraag(tx: DbOrTx, o: { id: string; approverId: string; besluit: 'goedgekeurd' | 'afgewezen'; reden: string | null }) {
  const [a] = await tx.select().from(rolAanvragen).where(eq(rolAanvragen.id, o.id)).for('update');
  if (!a) return undefined;
  if (a.status !== 'aangevraagd') throw new AccountConflict('Over deze aanvraag is al besloten.');
  if (a.requestedBy === o.approverId) throw new AccountConflict('Een tweede persoon beslist: u vroeg deze rollen zelf aan.');
  if (a.userId === o.approverId) throw new AccountConflict('Een tweede persoon beslist: deze rollen zijn voor uw eigen account.');
  const [u] = await tx.select({ roles: users.roles }).from(users).where(eq(users.id, a.userId)).for('update');
  if (o.besluit === 'goedgekeurd') {
    const roles = [...new Set([...(u?.roles ?? []), ...a.roles])];
    const clash = incompatible(roles);
    if (clash) throw new AccountConflict(`De rollen ${clash[0]} en ${clash[1]} gaan niet samen in één account.`);
    await tx.update(users).set({ roles }).where(eq(users.id, a.userId));
    // New rights begin with a new sign-in.
    await tx.delete(sessions).where(eq(sessions.userId, a.userId));
  }
  await tx.update(rolAanvragen).set({ status: o.besluit, decidedBy: o.approverId, decidedAt: new Date(), reden: o.reden }).where(eq(rolAanvragen.id, a.id));
  return { ...a, status: o.besluit };
}

/** Whether an account still waits for its activation (no password set). */
export async function pendingActivation(db: DbOrTx, userIds: string[]) {
  if (!userIds.length) return new Set<string>();
  const rows = await db.select({ id: users.id }).from(users).where(and(inArray(users.id, userIds), or(isNull(users.passwordHash))));
  return new Set(rows.map((r) => r.id));
}

/** A new account without roles or password (roles go through requestRoles); null when the e-mail address is taken. */
export async function createAccount(tx: DbOrTx, a: { email: string; naam: string; teamId: string | null; otherTeamIds: string[]; gemeente: string | null }) {
  const [created] = await tx
    .insert(users)
    .values({ email: a.email, naam: a.naam, roles: [], teamId: a.teamId, otherTeamIds: a.otherTeamIds, gemeenteCode: a.gemeente, passwordHash: null })
    .onConflictDoNothing()
    .returning();
  return created ?? null;
}

/** Every account, by name (the beheerder's list). */
export const listAccounts = (db: DbOrTx) => db.select().from(users).orderBy(users.naam);

/** One account; locked for the rest of the transaction with `forUpdate` (a change of its roles). */
export async function findAccount(tx: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = tx.select().from(users).where(eq(users.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** Switches an account off (its sessions end at once) or on again; null when there is no such account. */
export async function setAccountDisabled(tx: DbOrTx, id: string, disabled: boolean) {
  const [row] = await tx.update(users).set({ disabledAt: disabled ? new Date() : null }).where(eq(users.id, id)).returning();
  if (!row) return null;
  if (disabled) await tx.delete(sessions).where(eq(sessions.userId, row.id));
  return row;
}
