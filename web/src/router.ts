import { createRouter, createWebHistory, type RouteLocationRaw } from 'vue-router';
import { loadSession } from './composables/useSession';
import { useSessionStore } from './stores/session';

/** Which roles see which page; the server checks the same again on every call. */
export const pageRoles = {
  advies: ['adviseur', 'chef_van_de_dag'],
  melding: ['adviseur', 'beoordelaar', 'chef_van_de_dag'],
  werkvoorraad: ['beoordelaar', 'chef_van_de_dag', 'crisisteam', 'gedragswetenschapper', 'medewerker'],
  case: ['beoordelaar', 'chef_van_de_dag', 'crisisteam', 'gedragswetenschapper', 'medewerker', 'adviseur', 'wijkteam'],
  overdrachten: ['wijkteam', 'beoordelaar', 'chef_van_de_dag', 'medewerker'],
  toezicht: ['manager', 'privacy_officer'],
  vernietiging: ['privacy_officer'],
  mdo: ['gedragswetenschapper', 'chef_van_de_dag', 'medewerker', 'beoordelaar'],
  dashboard: ['manager', 'chef_van_de_dag'],
  gebruikers: ['beheerder'],
  toegang: ['beheerder', 'privacy_officer'],
} as const;

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue'), meta: { public: true } },
    { path: '/activeren', name: 'activeren', component: () => import('./pages/ActiverenPage.vue'), meta: { public: true } },
    { path: '/beheer/gebruikers', name: 'gebruikers', component: () => import('./pages/GebruikersPage.vue'), meta: { roles: pageRoles.gebruikers } },
    { path: '/beheer/toegang', name: 'toegang', component: () => import('./pages/ToegangPage.vue'), meta: { roles: pageRoles.toegang } },
    { path: '/', name: 'home', component: () => import('./pages/HomePage.vue') },
    { path: '/advies', name: 'advies', component: () => import('./pages/AdviesPage.vue'), meta: { roles: pageRoles.advies } },
    { path: '/melding/nieuw', name: 'melding-nieuw', component: () => import('./pages/MeldingNieuwPage.vue'), meta: { roles: pageRoles.melding } },
    { path: '/werkvoorraad', name: 'werkvoorraad', component: () => import('./pages/WerkvoorraadPage.vue'), meta: { roles: pageRoles.werkvoorraad } },
    { path: '/overdrachten', name: 'overdrachten', component: () => import('./pages/OverdrachtenPage.vue'), meta: { roles: pageRoles.overdrachten } },
    { path: '/dashboard', name: 'dashboard', component: () => import('./pages/DashboardPage.vue'), meta: { roles: pageRoles.dashboard } },
    { path: '/mdo', name: 'mdo', component: () => import('./pages/MdoPage.vue'), meta: { roles: pageRoles.mdo } },
    { path: '/vernietiging', name: 'vernietiging', component: () => import('./pages/VernietigingPage.vue'), meta: { roles: pageRoles.vernietiging } },
    { path: '/toezicht', name: 'toezicht', component: () => import('./pages/ToezichtPage.vue'), meta: { roles: pageRoles.toezicht } },
    { path: '/meldingen/:id', name: 'melding', component: () => import('./pages/MeldingPage.vue'), meta: { roles: pageRoles.case }, props: true },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
});

router.beforeEach(async (to): Promise<RouteLocationRaw | true> => {
  const session = useSessionStore();
  if (to.meta.public) return true;
  if (!session.user) await loadSession();
  if (!session.user) return { name: 'login', query: { terug: to.fullPath } };
  const roles = to.meta.roles as readonly string[] | undefined;
  if (roles && !session.hasRole(...roles)) return { name: 'home' };
  return true;
});
