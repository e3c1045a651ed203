import { createRouter, createWebHistory, type RouteLocationRaw } from 'vue-router';
import { loadSession } from './composables/useSession';
import { useSessionStore, type Action } from './stores/session';

/** The permission each page needs (server/src/authz.ts, sent with the session); the server checks every call again. */
export const pageActions = {
  advies: 'advies:create',
  melding: 'melding:create',
  werkvoorraad: 'werkvoorraad:read',
  case: 'melding:read',
  overdrachten: 'overdracht:inbox',
  toezicht: 'breakglass:list',
  vernietiging: 'vernietiging:besluiten',
  mdo: 'mdo:lezen',
  dashboard: 'dashboard:read',
  gebruikers: 'users:beheren',
  kalender: 'kalender:beheren',
  ketenpartners: 'partners:beheren',
  chat: 'chat:voeren',
  chatteksten: 'chat:teksten',
  rooster: 'rooster:lezen',
  toegang: 'rollen:besluiten',
  audit: 'audit:read',
  triagebeleid: 'triage:beleid',
  /** In the menu for those who compare or switch versions; every staff member reaches a version's entry from its proposal. */
  triagebeleidMenu: 'triage:vergelijken',
} as const satisfies Record<string, Action>;

/** Roles whose day is one screen start there (before anything renders); the others land on the home page. */
const startPages = [
  { path: '/werkvoorraad', action: pageActions.werkvoorraad },
  { path: '/advies', action: pageActions.advies },
  { path: '/overdrachten', action: pageActions.overdrachten },
] as const;

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue'), meta: { public: true } },
    // The online melding for professionals and its confirmation (issue #20): public, no staff session.
    { path: '/melden', name: 'melden', component: () => import('./pages/MeldenPage.vue'), meta: { public: true, melder: true } },
    { path: '/melden/bevestigen', name: 'melden-bevestigen', component: () => import('./pages/MeldenBevestigenPage.vue'), meta: { public: true, melder: true } },
    // The melder's status page (issue #20): the token is its address.
    { path: '/status/:token', name: 'status', component: () => import('./pages/StatusPage.vue'), meta: { public: true, melder: true } },
    // The web chat for visitors (issue #21): public, anonymous.
    { path: '/chat', name: 'chat', component: () => import('./pages/ChatPage.vue'), meta: { public: true, melder: true } },
    { path: '/chat/console', name: 'chat-console', component: () => import('./pages/ChatConsolePage.vue'), meta: { action: pageActions.chat } },
    { path: '/activeren', name: 'activeren', component: () => import('./pages/ActiverenPage.vue'), meta: { public: true } },
    { path: '/beheer/gebruikers', name: 'gebruikers', component: () => import('./pages/GebruikersPage.vue'), meta: { action: pageActions.gebruikers } },
    { path: '/beheer/kalender', name: 'kalender', component: () => import('./pages/KalenderPage.vue'), meta: { action: pageActions.kalender } },
    { path: '/beheer/ketenpartners', name: 'ketenpartners', component: () => import('./pages/KetenpartnersPage.vue'), meta: { action: pageActions.ketenpartners } },
    { path: '/beheer/chatteksten', name: 'chatteksten', component: () => import('./pages/ChatTekstenPage.vue'), meta: { action: pageActions.chatteksten } },
    { path: '/beheer/toegang', name: 'toegang', component: () => import('./pages/ToegangPage.vue'), meta: { action: pageActions.toegang } },
    { path: '/', name: 'home', component: () => import('./pages/HomePage.vue') },
    { path: '/advies', name: 'advies', component: () => import('./pages/AdviesPage.vue'), meta: { action: pageActions.advies } },
    { path: '/melding/nieuw', name: 'melding-nieuw', component: () => import('./pages/MeldingNieuwPage.vue'), meta: { action: pageActions.melding } },
    { path: '/werkvoorraad', name: 'werkvoorraad', component: () => import('./pages/WerkvoorraadPage.vue'), meta: { action: pageActions.werkvoorraad } },
    { path: '/overdrachten', name: 'overdrachten', component: () => import('./pages/OverdrachtenPage.vue'), meta: { action: pageActions.overdrachten } },
    { path: '/dashboard', name: 'dashboard', component: () => import('./pages/DashboardPage.vue'), meta: { action: pageActions.dashboard } },
    { path: '/rooster', name: 'rooster', component: () => import('./pages/RoosterPage.vue'), meta: { action: pageActions.rooster } },
    { path: '/mdo', name: 'mdo', component: () => import('./pages/MdoPage.vue'), meta: { action: pageActions.mdo } },
    { path: '/vernietiging', name: 'vernietiging', component: () => import('./pages/VernietigingPage.vue'), meta: { action: pageActions.vernietiging } },
    { path: '/audit', name: 'audit', component: () => import('./pages/AuditPage.vue'), meta: { action: pageActions.audit } },
    { path: '/toezicht', name: 'toezicht', component: () => import('./pages/ToezichtPage.vue'), meta: { action: pageActions.toezicht } },
    { path: '/triagebeleid', name: 'triagebeleid', component: () => import('./pages/TriagebeleidPage.vue'), meta: { action: pageActions.triagebeleid } },
    { path: '/triagebeleid/:versie', name: 'algoritme', component: () => import('./pages/AlgoritmePage.vue'), meta: { action: pageActions.triagebeleid } },
    { path: '/meldingen/:id', name: 'melding', component: () => import('./pages/MeldingPage.vue'), meta: { action: pageActions.case }, props: true },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
});

router.beforeEach(async (to): Promise<RouteLocationRaw | true> => {
  const session = useSessionStore();
  if (to.meta.public) return true;
  if (!session.user) await loadSession();
  if (!session.user) return { name: 'login', query: { terug: to.fullPath } };
  const action = to.meta.action as Action | undefined;
  if (action && !session.may(action)) return { name: 'home', query: { geweigerd: '1' } };
  if (to.name === 'home' && !to.query.geweigerd) {
    const start = startPages.find((p) => session.may(p.action));
    if (start) return start.path;
  }
  return true;
});
