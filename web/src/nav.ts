// The app's screens as its menu and the home page list them: where each is, what it is called, what it is for, and
// the action it needs (router.ts's pageActions, from the server's permission matrix).
import { pageActions } from './router';
import type { Action } from './stores/session';

export interface Screen {
  to: string;
  /** i18n key of the menu label. */
  label: string;
  /** i18n key of one line saying what the screen is for (home page). */
  about: string;
  action: Action;
}

export const screens: readonly Screen[] = [
  { to: '/advies', label: 'nav.advies', about: 'home.about.advies', action: pageActions.advies },
  { to: '/chat/console', label: 'chat.nav', about: 'home.about.chat', action: pageActions.chat },
  { to: '/melding/nieuw', label: 'nav.melding', about: 'home.about.melding', action: pageActions.melding },
  { to: '/werkvoorraad', label: 'nav.werkvoorraad', about: 'home.about.werkvoorraad', action: pageActions.werkvoorraad },
  { to: '/overdrachten', label: 'nav.overdrachten', about: 'home.about.overdrachten', action: pageActions.overdrachten },
  { to: '/dashboard', label: 'dashboard.nav', about: 'home.about.dashboard', action: pageActions.dashboard },
  { to: '/rooster', label: 'rooster.nav', about: 'home.about.rooster', action: pageActions.rooster },
  { to: '/mdo', label: 'mdo.nav', about: 'home.about.mdo', action: pageActions.mdo },
  { to: '/audit', label: 'audit.nav', about: 'home.about.audit', action: pageActions.audit },
  { to: '/toezicht', label: 'toezicht.nav', about: 'home.about.toezicht', action: pageActions.toezicht },
  { to: '/vernietiging', label: 'vernietiging.nav', about: 'home.about.vernietiging', action: pageActions.vernietiging },
  { to: '/beheer/gebruikers', label: 'toegang.navUsers', about: 'home.about.gebruikers', action: pageActions.gebruikers },
  { to: '/beheer/kalender', label: 'kalender.nav', about: 'home.about.kalender', action: pageActions.kalender },
  { to: '/beheer/ketenpartners', label: 'ketenpartners.nav', about: 'home.about.ketenpartners', action: pageActions.ketenpartners },
  { to: '/beheer/chatteksten', label: 'chat.tekstenNav', about: 'home.about.chatteksten', action: pageActions.chatteksten },
  { to: '/beheer/toegang', label: 'toegang.navApprovals', about: 'home.about.toegang', action: pageActions.toegang },
  { to: '/triagebeleid', label: 'beleid.nav', about: 'home.about.triagebeleid', action: pageActions.triagebeleidMenu },
];
