// Who may do what: the permission matrix of api.md ("Who may act") in one place. Record-level rules (which
// melding a role may see) live in db/src/repositories/access.ts; routes declare the action they need in config.action.
import type { Actor } from '@vt/db';
import { caseRoles, roles, type Role } from '@vt/db/domain';

/** The roles that work on case files (read meldingen as part of their job; which ones: repositories/access.ts). */
const caseReaders = caseRoles;

export const permissions = {
  // Reference data without case content: the region's gemeenten (partners need their codes for a melding body, see
  // scopeActions), the teams and the working-day calendar (staff only; a partner has no use for them).
  'referentie:gemeenten': roles,
  'referentie:lezen': roles,
  'advies:create': ['adviseur', 'chef_van_de_dag'],
  'advies:read': ['adviseur', 'beoordelaar', 'chef_van_de_dag'],
  'melding:create': ['adviseur', 'beoordelaar', 'chef_van_de_dag'],
  // Chain messages in bulk and their results: partner systems only (their scope), no staff role.
  'ketenbericht:create': [],
  'ketenbericht:read': [],
  // Drafts of the advies and melding forms: whoever fills them in keeps its own (routes/concepten.ts).
  'concept:eigen': ['adviseur', 'beoordelaar', 'chef_van_de_dag'],
  // An adviseur reads only the meldingen it filed itself (record rule in services/access.ts).
  'melding:read': [...caseReaders, 'adviseur', 'wijkteam'],
  'melding:list': caseReaders,
  'melding:beoordelen': ['beoordelaar', 'chef_van_de_dag'],
  'melding:aanvullen': ['beoordelaar', 'chef_van_de_dag'],
  'melding:toewijzen': ['chef_van_de_dag'],
  'werkvoorraad:read': [...caseReaders],
  // Each hears only of the cases it may open (routes/events.ts); the manager has no case to hear of.
  'events:subscribe': [...caseReaders, 'adviseur', 'wijkteam'],
  // The crisis team names who gave an acute response; the chef assigns; the MDO invites.
  'users:list': ['beoordelaar', 'chef_van_de_dag', 'crisisteam', 'gedragswetenschapper', 'beheerder'],
  'queues:admin': ['beheerder'],
  'kalender:beheren': ['beheerder'],
  'audit:read': ['privacy_officer'],
  'breakglass:request': caseReaders,
  'breakglass:list': ['manager', 'privacy_officer'],
  'vernietiging:aanvragen': caseReaders,
  'vernietiging:besluiten': ['privacy_officer'],
  'users:beheren': ['beheerder'],
  // Partner systems' API clients: keys, scopes, rotation, revocation (issue #20).
  'partners:beheren': ['beheerder'],
  // The web chat's console (issue #21): the advice line answers it, the chef van de dag helps out.
  'chat:voeren': ['adviseur', 'chef_van_de_dag'],
  'chat:teksten': ['beheerder'],
  // The roster (issue #22): the chef van de dag plans the day with it; the manager reads the capacity.
  'rooster:lezen': ['chef_van_de_dag', 'manager'],
  'rooster:beheren': ['chef_van_de_dag'],
  // The second person on a role request: another beheerder, or the privacy officer (admin-users.ts).
  'rollen:besluiten': ['beheerder', 'privacy_officer'],
  'overdracht:maken': ['beoordelaar', 'chef_van_de_dag', 'medewerker'],
  // A wijkteam sees its own gemeente's inbox only (record rule in routes/lifecycle.ts).
  'overdracht:inbox': ['wijkteam', 'beoordelaar', 'chef_van_de_dag', 'medewerker'],
  // A wijkteam answers its own gemeente's handovers; a Veilig Thuis case worker answers a warm handover to the
  // hulpverlening on the contact person's behalf (api.md), and only that kind (routes/api/overdrachten/_id/besluit.ts).
  'overdracht:besluiten': ['wijkteam', 'beoordelaar', 'chef_van_de_dag', 'medewerker'],
  // The crisis team also imposes and extends a huisverbod on its crisis cases (api.md, Who may act).
  'melding:thv': ['beoordelaar', 'chef_van_de_dag', 'crisisteam'],
  // The crisis team closes the crisis cases it handled (api.md: it "acts on crisis meldingen").
  'melding:afsluiten': ['beoordelaar', 'chef_van_de_dag', 'medewerker', 'crisisteam'],
  // ... and only those: the others close whatever case their work brings them.
  'melding:afsluiten_alle': ['beoordelaar', 'chef_van_de_dag', 'medewerker'],
  // The gedragswetenschapper runs the MDO; the chef van de dag plans it with them and reads the agenda.
  'mdo:beheren': ['gedragswetenschapper', 'chef_van_de_dag'],
  'mdo:lezen': ['gedragswetenschapper', 'chef_van_de_dag', 'medewerker', 'beoordelaar'],
  'onderzoek:uitvoeren': ['medewerker', 'chef_van_de_dag'],
  // Aggregates only; the chef van de dag watches the same waiting lists while running the day.
  'dashboard:read': ['manager', 'chef_van_de_dag'],
  'dashboard:targets': ['manager'],
  // Recording a delivery of the half-year figures to CBS is the manager's (issue #18); reading them, as the dashboard.
  'rapportage:aanleveren': ['manager'],
  // The cases behind a count: for the chef van de dag, who may read them; the manager sees aggregates only.
  'dashboard:lijst': ['chef_van_de_dag'],
  'monitoring:vastleggen': ['medewerker', 'chef_van_de_dag'],
  // The case worker runs the V&V track: agrees the conditions and reviews them.
  'vv:voorwaarden': ['medewerker', 'chef_van_de_dag'],
  'melding:coderood': ['beoordelaar', 'chef_van_de_dag', 'crisisteam'],
  // The acute response (house visit, safety plan, police) is recorded by whoever gave or led it (issue #16).
  'melding:acute_inzet': ['beoordelaar', 'chef_van_de_dag', 'crisisteam'],
  // Once the acute danger is met, the crisis case goes on to the MDO or the wachtlijst onderzoek.
  'melding:doorzetten': ['beoordelaar', 'chef_van_de_dag', 'crisisteam'],
  'herinneringen:read': ['beoordelaar', 'chef_van_de_dag', 'medewerker', 'crisisteam'],
  'terugkoppeling:vastleggen': ['beoordelaar', 'chef_van_de_dag', 'medewerker'],
  // Triage policy versions (issue #17): the register entry is for every staff member; comparing two versions on the
  // stored meldingen (aggregates only) for those who decide on them and the chef who runs the day with them; the
  // cases behind a cell for the chef van de dag, who may read them; switching versions is the beheerder's.
  'triage:beleid': ['adviseur', 'beoordelaar', 'chef_van_de_dag', 'crisisteam', 'gedragswetenschapper', 'medewerker', 'manager', 'privacy_officer', 'beheerder'],
  'triage:vergelijken': ['beheerder', 'manager', 'chef_van_de_dag'],
  'triage:vergelijking_zaken': ['chef_van_de_dag'],
  'triage:activeren': ['beheerder'],
  // Overrides and fairness of the triage, per rule, band, team and gemeente (aggregates only).
  'triage:toetsing': ['manager', 'beheerder'],
} as const satisfies Record<string, readonly Role[]>;

/** Every permission, by the name routes declare in `config.action`. */
export type Action = keyof typeof permissions;
export const actions = Object.keys(permissions) as Action[];
const rolesFor = (action: Action): readonly Role[] => permissions[action];

/** The actions a user with these roles may take: sent with the session, so the web app shows only what works. */
export const actionsOf = (userRoles: readonly string[]): Action[] => actions.filter((a) => rolesFor(a).some((r) => userRoles.includes(r)));

/** The scopes a beheerder can give a partner's API client (routes/api/admin/ketenpartners). */
export const partnerScopes = ['meldingen:create', 'ketenberichten'] as const;

/** API clients act only through their scopes. */
const scopeActions: Record<string, readonly Action[]> = {
  'meldingen:create': ['melding:create', 'referentie:gemeenten'],
  // Meldingen in bulk (POST /api/ketenberichten) and their results.
  'ketenberichten': ['ketenbericht:create', 'ketenbericht:read', 'referentie:gemeenten'],
};

export function can(actor: Actor, action: Action): boolean {
  if (actor.type === 'user') return actor.roles.some((r) => rolesFor(action).includes(r as Role));
  if (actor.type === 'client') return actor.scopes.some((s) => scopeActions[s]?.includes(action));
  return false;
}

/**
 * Roles that read case files or the audit trail sign in with a second factor (issue #4): everyone except the
 * manager, who sees aggregates only. The beheerder is included: it controls who has access at all.
 */
export const MFA_EXEMPT_ROLES: readonly Role[] = ['manager'];
export const needsSecondFactor = (roles: readonly string[]) => roles.some((r) => !MFA_EXEMPT_ROLES.includes(r as Role));
