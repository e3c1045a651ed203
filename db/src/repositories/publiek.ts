// The online melding's confirmation of the melder's address (issue #20): a token mailed to the melder, only its
// hash kept, usable once within its term; until then the case says "melder niet bevestigd".
import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import type { Meldcode } from '../schema/intake.ts';
import { melderBevestigingen, meldingen } from '../schema/index.ts';
import { seal, unseal } from '../security/field-cipher.ts';
import { sha256 } from '../security/passwords.ts';

/** How long a confirmation link works. */
export const BEVESTIGING_DAGEN = 7;

/** The meldcode answers stored with an online melding (the free text sealed like any other). */
export async function storeMeldcode(tx: DbOrTx, meldingId: string, m: Meldcode) {
  const stored: Meldcode = { ...m, waaromNiet: m.waaromNiet ? seal(m.waaromNiet) : null };
  await tx.update(meldingen).set({ meldcode: stored }).where(eq(meldingen.id, meldingId));
}

export const openMeldcode = (m: Meldcode | null): (Meldcode & { waaromNiet: string | null }) | null => (m ? { ...m, waaromNiet: m.waaromNiet ? unseal(m.waaromNiet) : null } : null);

/** A new confirmation for the melding: the token to mail (returned once). */
export async function createBevestiging(tx: DbOrTx, meldingId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.insert(melderBevestigingen).values({ meldingId, tokenHash: sha256(token), expiresAt: sql`now() + make_interval(days => ${BEVESTIGING_DAGEN})` });
  return token;
}

/**
 * Confirms the melder by the mailed token: the melding's reference and when, also when it was confirmed before
 * (a second click); undefined when the token is unknown or past its term.
 */
export async function confirmBevestiging(db: DbOrTx, token: string): Promise<{ reference: string; bevestigdAt: Date } | undefined> {
  const hash = sha256(token);
  await db
    .update(melderBevestigingen)
    .set({ bevestigdAt: sql`now()` })
    .where(and(eq(melderBevestigingen.tokenHash, hash), isNull(melderBevestigingen.bevestigdAt), gt(melderBevestigingen.expiresAt, sql`now()`)));
  const [row] = await db
    .select({ reference: meldingen.reference, bevestigdAt: melderBevestigingen.bevestigdAt })
    .from(melderBevestigingen)
    .innerJoin(meldingen, eq(meldingen.id, melderBevestigingen.meldingId))
    .where(eq(melderBevestigingen.tokenHash, hash));
  return row?.bevestigdAt ? { reference: row.reference, bevestigdAt: row.bevestigdAt } : undefined;
}

/** Whether an online melding's melder confirmed the address: null for a melding that needs no confirmation. */
export async function melderBevestiging(db: DbOrTx, meldingId: string): Promise<{ bevestigd: boolean; bevestigdAt: Date | null } | null> {
  const [row] = await db.select({ at: melderBevestigingen.bevestigdAt }).from(melderBevestigingen).where(eq(melderBevestigingen.meldingId, meldingId));
  return row ? { bevestigd: row.at !== null, bevestigdAt: row.at } : null;
}
