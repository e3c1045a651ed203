// Record-level rules: which melding a signed-in actor may see. 404 for what is not visible (api.md: never
// reveal existence).
import { enterWijkteamScope, type Actor, type Db, type DbOrTx, type MeldingDetail } from '@vt/db';
import { CASE_ROLES } from '../authz.ts';

const isCaseRole = (r: string) => (CASE_ROLES as readonly string[]).includes(r);

export interface Visibility {
  visible: boolean;
  /** Whether the melder's identity may be shown. A wijkteam never sees it (api.md, roles). */
  melderIdentity: boolean;
}

export function meldingVisibility(actor: Actor, m: MeldingDetail): Visibility {
  if (actor.type !== 'user') return { visible: false, melderIdentity: false };
  const roles = actor.roles;
  if (roles.some(isCaseRole)) return { visible: true, melderIdentity: true };
  // The adviseur who filed it may read it back (to confirm what was registered).
  if (roles.includes('adviseur') && m.melding.createdByUserId === actor.id) return { visible: true, melderIdentity: true };
  // A wijkteam sees only cases handed over to its own gemeente (now or before), without the melder's identity.
  if (roles.includes('wijkteam') && actor.gemeente && m.lifecycle.overdrachtGemeenten.includes(actor.gemeente)) {
    return { visible: true, melderIdentity: false };
  }
  return { visible: false, melderIdentity: false };
}

/** A wijkteam user (and nothing more): bound to one gemeente's handovers. */
export function isWijkteamOnly(actor: Actor): actor is Extract<Actor, { type: 'user' }> {
  return actor.type === 'user' && actor.roles.includes('wijkteam') && !actor.roles.some(isCaseRole);
}

/**
 * Runs a read and its audit row. A wijkteam's reads run in a transaction under Postgres row-level security for its
 * own gemeente (db/drizzle/0005): the second line behind meldingVisibility, so a mistake in a query or in the rules
 * above still cannot show it another gemeente's case. Other reads go straight to the pool, which saves the
 * BEGIN/COMMIT round trips on the busiest route; the audit row is still written before any data is answered, and
 * a failed audit write answers 503 without the data.
 */
export function scopedRead<T>(db: Db, actor: Actor, read: (q: DbOrTx) => Promise<T>): Promise<T> {
  if (!isWijkteamOnly(actor)) return read(db);
  return db.transaction(async (tx) => {
    await enterWijkteamScope(tx, actor.gemeente ?? '');
    return read(tx);
  });
}

/**
 * Whether reading this case is outside the actor's own queue, so that it needs break-glass (a reason, flagged in
 * the audit trail). Own queue: the case sits with the actor's team, is assigned to the actor, still waits for its
 * beoordeling (for a beoordelaar), or was decided by the actor. The chef van de dag runs the whole day and needs
 * none; adviseur and wijkteam have their own record rules above.
 */
export function outsideOwnQueue(actor: Actor, d: MeldingDetail): boolean {
  if (actor.type !== 'user') return false;
  const roles = actor.roles;
  if (roles.includes('chef_van_de_dag') || !roles.some(isCaseRole)) return false;
  const m = d.melding;
  if (m.assignedTo.includes(actor.id)) return false;
  if (actor.teamId && m.teamId === actor.teamId) return false;
  if (roles.includes('beoordelaar') && (m.teamId === null || m.status === 'ontvangen' || m.status === 'triage_voorgesteld')) return false;
  if (d.beoordeling?.decidedBy === actor.id) return false;
  return true;
}
