import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { DEFAULT_EXTRA_NIET_WERKDAGEN, WerkdagKalender } from '../domain/index.ts';
import { extraNietWerkdagen } from '../schema/index.ts';
import { LifecycleConflict } from './lifecycle.ts';

/** The working-day calendar with the administrator's extra days from the database. The shipped days are
 *  always included, so a fresh database counts the same as the law. */
export async function loadKalender(db: DbOrTx): Promise<WerkdagKalender> {
  const rows = await db.select({ datum: extraNietWerkdagen.datum, omschrijving: extraNietWerkdagen.omschrijving }).from(extraNietWerkdagen);
  return new WerkdagKalender([...DEFAULT_EXTRA_NIET_WERKDAGEN, ...rows]);
}

export interface KalenderSource {
  (): Promise<WerkdagKalender>;
  /** Forget the cached calendar (after an administrator added a day). */
  invalidate(): void;
}

/** A calendar that re-reads the extra days at most once a minute (other processes see a new day within that). */
export function cachedKalender(db: DbOrTx, ttlMs = 60_000): KalenderSource {
  let cached: { at: number; kalender: WerkdagKalender } | undefined;
  const get = async () => {
    if (!cached || Date.now() - cached.at > ttlMs) cached = { at: Date.now(), kalender: await loadKalender(db) };
    return cached.kalender;
  };
  return Object.assign(get, { invalidate: () => (cached = undefined) });
}

/** The days the administrator declared, as stored (the shipped ones are in DEFAULT_EXTRA_NIET_WERKDAGEN). */
export const listExtraNietWerkdagen = (db: DbOrTx) => db.select().from(extraNietWerkdagen);

/** Declares a day equal to a holiday; refused (409) when the calendar already has it. */
export async function addExtraNietWerkdag(tx: DbOrTx, d: { datum: string; omschrijving: string }) {
  const [existing] = await tx.select().from(extraNietWerkdagen).where(eq(extraNietWerkdagen.datum, d.datum));
  if (existing || DEFAULT_EXTRA_NIET_WERKDAGEN.some((x) => x.datum === d.datum)) throw new LifecycleConflict('Deze dag staat al in de kalender.');
  await tx.insert(extraNietWerkdagen).values(d);
}
