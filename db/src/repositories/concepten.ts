// Drafts of the advies and melding forms (issue #16): one per account and form, on the server, sealed. What the
// browser keeps is nothing: it reads its draft back from here after a reload or a new sign-in of the same account.
import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { CONCEPT_BEWAARTERMIJN_UREN } from '../domain/deadlines.ts';
import { adviezen, concepten } from '../schema/index.ts';


export const adviesIdOfSleutel = (sleutel: string) => (sleutel.startsWith('melding-van-advies-') ? sleutel.slice('melding-van-advies-'.length) : null);

export interface Concept {
  sleutel: string;
  inhoud: Record<string, unknown>;
  updatedAt: Date;
  expiresAt: Date;
}

const live = (userId: string, now: Date) => and(eq(concepten.userId, userId), gt(concepten.expiresAt, now));

export async function findConcept(db: DbOrTx, userId: string, sleutel: string, now = new Date()): Promise<Concept | null> {
  const [row] = await db
    .select({ sleutel: concepten.sleutel, inhoud: concepten.inhoud, updatedAt: concepten.updatedAt, expiresAt: concepten.expiresAt })
    .from(concepten)
    .where(and(live(userId, now), eq(concepten.sleutel, sleutel)));
  if (!row) return null;
  try {
    return { ...row, inhoud: JSON.parse(row.inhoud) as Record<string, unknown> };
  } catch {
    return null;
  }
}

/** The account's drafts, newest first, without their content (what the "Uw werk" lists need). */
export async function listConcepten(db: DbOrTx, userId: string, now = new Date()) {
  return db
    .select({ sleutel: concepten.sleutel, updatedAt: concepten.updatedAt, expiresAt: concepten.expiresAt })
    .from(concepten)
    .where(live(userId, now))
    .orderBy(desc(concepten.updatedAt));
}

/**
 * Keeps the draft (insert or replace) and renews its term. A draft that continues an advies is allowed only for an
 * advies this account logged and that has no melding yet; answers false otherwise.
 */
export async function saveConcept(db: DbOrTx, userId: string, sleutel: string, inhoud: Record<string, unknown>, now = new Date()): Promise<Concept | null> {
  const adviesId = adviesIdOfSleutel(sleutel);
  if (adviesId) {
    const [own] = await db.execute<{ ok: boolean }>(sql`
      select true as ok from ${adviezen} a
       where a.id = ${adviesId}::uuid and a.created_by = ${userId}::uuid
         and not exists (select 1 from meldingen m where m.advies_id = a.id)`);
    if (!own) return null;
  }
  const expiresAt = new Date(now.getTime() + CONCEPT_BEWAARTERMIJN_UREN * 3_600_000);
  const text = JSON.stringify(inhoud);
  await db
    .insert(concepten)
    .values({ userId, sleutel, inhoud: text, updatedAt: now, expiresAt })
    .onConflictDoUpdate({ target: [concepten.userId, concepten.sleutel], set: { inhoud: text, updatedAt: now, expiresAt } });
  return { sleutel, inhoud, updatedAt: now, expiresAt };
}

/** Answers whether there was a draft to throw away. */
export async function deleteConcept(db: DbOrTx, userId: string, sleutel: string): Promise<boolean> {
  const gone = await db.delete(concepten).where(and(eq(concepten.userId, userId), eq(concepten.sleutel, sleutel))).returning({ sleutel: concepten.sleutel });
  return gone.length > 0;
}

/** Sign-out: nothing the account was typing stays behind. */
export async function deleteConceptenOf(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(concepten).where(eq(concepten.userId, userId));
}

/** Housekeeping: drafts past their term go. */
export async function pruneConcepten(db: DbOrTx, now = new Date()): Promise<number> {
  const gone = await db.delete(concepten).where(lt(concepten.expiresAt, now)).returning({ sleutel: concepten.sleutel });
  return gone.length;
}
