// Record-level rules: which melding a signed-in actor may see. 404 for what is not visible (api.md: never
// reveal existence).
import type { Actor, MeldingDetail } from '@vt/db';

export interface Visibility {
  visible: boolean;
  /** Whether the melder's identity may be shown. A wijkteam never sees it (api.md, roles). */
  melderIdentity: boolean;
}

export function meldingVisibility(actor: Actor, m: MeldingDetail): Visibility {
  if (actor.type !== 'user') return { visible: false, melderIdentity: false };
  const roles = actor.roles;
  const caseRoles = ['beoordelaar', 'chef_van_de_dag', 'crisisteam', 'gedragswetenschapper', 'medewerker'];
  if (roles.some((r) => caseRoles.includes(r))) return { visible: true, melderIdentity: true };
  // The adviseur who filed it may read it back (to confirm what was registered).
  if (roles.includes('adviseur') && m.melding.createdByUserId === actor.id) return { visible: true, melderIdentity: true };
  // A wijkteam sees only cases handed over to its own gemeente (now or before), without the melder's identity.
  if (roles.includes('wijkteam') && actor.gemeente && m.lifecycle.overdrachtGemeenten.includes(actor.gemeente)) {
    return { visible: true, melderIdentity: false };
  }
  return { visible: false, melderIdentity: false };
}
