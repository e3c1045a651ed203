import { and, desc, eq, gt, gte, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { breakGlassGrants, meldingen, users } from '../schema/index.ts';

/** How long a break-glass grant lets its user read the case. */
export const BREAK_GLASS_MINUTES = 60;

export async function grantBreakGlass(tx: DbOrTx, o: { userId: string; meldingId: string; reden: string; now?: Date }) {
  const now = o.now ?? new Date();
  const [g] = await tx
    .insert(breakGlassGrants)
    .values({ userId: o.userId, meldingId: o.meldingId, reden: o.reden, createdAt: now, expiresAt: new Date(now.getTime() + BREAK_GLASS_MINUTES * 60_000) })
    .returning({ id: breakGlassGrants.id, expiresAt: breakGlassGrants.expiresAt });
  return g!;
}

/** The grant that lets this user read this case now, if any. */
export async function activeBreakGlass(db: DbOrTx, userId: string, meldingId: string): Promise<string | undefined> {
  const [g] = await db
    .select({ id: breakGlassGrants.id })
    .from(breakGlassGrants)
    .where(and(eq(breakGlassGrants.userId, userId), eq(breakGlassGrants.meldingId, meldingId), gt(breakGlassGrants.expiresAt, sql`now()`)))
    .orderBy(desc(breakGlassGrants.expiresAt))
    .limit(1);
  return g?.id;
}

export async function listBreakGlass(db: DbOrTx, f: { from?: Date; to?: Date; limit?: number }) {
  const where = [f.from ? gte(breakGlassGrants.createdAt, f.from) : undefined, f.to ? lt(breakGlassGrants.createdAt, f.to) : undefined].filter((c) => c !== undefined);
  return db
    .select({
      id: breakGlassGrants.id,
      at: breakGlassGrants.createdAt,
      expiresAt: breakGlassGrants.expiresAt,
      reden: breakGlassGrants.reden,
      userId: users.id,
      userNaam: users.naam,
      meldingId: meldingen.id,
      reference: meldingen.reference,
    })
    .from(breakGlassGrants)
    .innerJoin(users, eq(users.id, breakGlassGrants.userId))
    .innerJoin(meldingen, eq(meldingen.id, breakGlassGrants.meldingId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(breakGlassGrants.createdAt))
    .limit(f.limit ?? 500);
}
