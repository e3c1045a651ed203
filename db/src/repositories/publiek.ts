// What the melder of a melding gets from Veilig Thuis (issue #20). The online melding's confirmation of the address:
// a token mailed to the melder, only its hash kept, usable once within its term; until then the case says "melder
// niet bevestigd". And the status link: a token shown once, only its hash kept, that opens the phase of the melding
// and the terugkoppeling messages the case workers wrote — nothing of the household.
import { randomBytes } from 'node:crypto';
import { and, asc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import type { TerugkoppelMoment } from '../domain/codes.ts';
import type { Meldcode } from '../schema/intake.ts';
import { melderBevestigingen, melderStatuslinks, meldingen, meldingEvents, terugkoppelingen } from '../schema/index.ts';
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

/**
 * How long a status link works: half a year covers the beoordeling (5 working days), the onderzoek (10 weeks) and the
 * feedback after it, with room for a wachtlijst; a case worker makes a new one when a melder needs longer.
 */
export const STATUSLINK_DAGEN = 182;

/**
 * A new status link for the melding, replacing the one that worked until now (a melder who lost the link gets a new
 * one; the old stops working). Returns the token — shown once, never stored — and until when it works.
 */
export async function createStatuslink(tx: DbOrTx, meldingId: string, o: { actorId: string | null; now?: Date }): Promise<{ token: string; geldigTot: Date }> {
  const now = o.now ?? new Date();
  const replaced = await tx
    .update(melderStatuslinks)
    .set({ revokedAt: now, revokedBy: o.actorId })
    .where(and(eq(melderStatuslinks.meldingId, meldingId), isNull(melderStatuslinks.revokedAt)))
    .returning({ id: melderStatuslinks.id });
  const token = randomBytes(32).toString('base64url');
  const geldigTot = new Date(now.getTime() + STATUSLINK_DAGEN * 86_400_000);
  await tx.insert(melderStatuslinks).values({ meldingId, tokenHash: sha256(token), expiresAt: geldigTot, createdAt: now, createdBy: o.actorId });
  await tx.insert(meldingEvents).values({ meldingId, at: now, type: 'statuslink_gemaakt', actorId: o.actorId, data: { geldigTot: geldigTot.toISOString(), vervangt: replaced.length > 0 } });
  return { token, geldigTot };
}

/** Revokes the melding's working status link: false when there was none. */
export async function revokeStatuslink(tx: DbOrTx, meldingId: string, o: { actorId: string; now?: Date }): Promise<boolean> {
  const now = o.now ?? new Date();
  const [row] = await tx
    .update(melderStatuslinks)
    .set({ revokedAt: now, revokedBy: o.actorId })
    .where(and(eq(melderStatuslinks.meldingId, meldingId), isNull(melderStatuslinks.revokedAt)))
    .returning({ id: melderStatuslinks.id });
  if (!row) return false;
  await tx.insert(meldingEvents).values({ meldingId, at: now, type: 'statuslink_ingetrokken', actorId: o.actorId, data: {} });
  return true;
}

/** The phases a melder sees: received; the veiligheidsbeoordeling is done and there is a vervolg; closed. */
export type MelderFase = 'ontvangen' | 'vervolg' | 'afgesloten';

export interface MelderStatus {
  meldingId: string;
  reference: string;
  ontvangenOp: Date;
  fase: MelderFase;
  geldigTot: Date;
  berichten: { moment: TerugkoppelMoment; op: Date; tekst: string }[];
}

/**
 * What the status link opens at `now`: the melding's reference, when it was received, its phase and the messages
 * written to the melder — undefined when the token is unknown, expired or revoked. Opening it records the messages
 * on it as read (the first time) and when the link was last used.
 */
export async function openStatus(tx: DbOrTx, token: string, now = new Date()): Promise<MelderStatus | undefined> {
  const [link] = await tx
    .update(melderStatuslinks)
    .set({ lastSeenAt: now })
    .where(and(eq(melderStatuslinks.tokenHash, sha256(token)), isNull(melderStatuslinks.revokedAt), gt(melderStatuslinks.expiresAt, now)))
    .returning({ meldingId: melderStatuslinks.meldingId, expiresAt: melderStatuslinks.expiresAt });
  if (!link) return undefined;
  const [m] = await tx
    .select({ reference: meldingen.reference, receivedAt: meldingen.receivedAt, status: meldingen.status, beoordeeld: meldingen.firstBeoordelingAt, anonymisedAt: meldingen.anonymisedAt })
    .from(meldingen)
    .where(eq(meldingen.id, link.meldingId));
  if (!m || m.anonymisedAt) return undefined;
  const written = and(eq(terugkoppelingen.meldingId, link.meldingId), isNotNull(terugkoppelingen.doneAt), isNotNull(terugkoppelingen.bericht));
  const berichten = await tx.select({ moment: terugkoppelingen.moment, op: terugkoppelingen.doneAt, tekst: terugkoppelingen.bericht }).from(terugkoppelingen).where(written).orderBy(asc(terugkoppelingen.doneAt));
  const read = await tx
    .update(terugkoppelingen)
    .set({ gelezenAt: now })
    .where(and(written, isNull(terugkoppelingen.gelezenAt)))
    .returning({ moment: terugkoppelingen.moment });
  if (read.length) await tx.insert(meldingEvents).values(read.map((r) => ({ meldingId: link.meldingId, at: now, type: 'terugkoppeling_gelezen' as const, actorId: null, data: { moment: r.moment } })));
  const fase: MelderFase = m.status === 'afgesloten' ? 'afgesloten' : m.beoordeeld ? 'vervolg' : 'ontvangen';
  return { meldingId: link.meldingId, reference: m.reference, ontvangenOp: m.receivedAt, fase, geldigTot: link.expiresAt, berichten: berichten.map((b) => ({ moment: b.moment, op: b.op!, tekst: b.tekst! })) };
}
