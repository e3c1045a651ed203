import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { paths } from '../api/schema';

export type SessionUser = paths['/api/auth/session']['get']['responses']['200']['content']['application/json']['user'];
/** A permission of the server's matrix (server/src/authz.ts). */
export type Action = SessionUser['actions'][number];
/** What the sign-in still needs: nothing, a TOTP code, or enrolling an authenticator app first. */
export type MfaStep = paths['/api/auth/session']['get']['responses']['200']['content']['application/json']['mfa'];

/** Who is signed in. State only; signing in and out lives in composables/useSession.ts. */
export const useSessionStore = defineStore('session', () => {
  /** Set only once the sign-in is complete (second factor included): pages and the router go by this. */
  const user = ref<SessionUser | null>(null);
  /** The second step of a sign-in in progress ('none' when there is none). */
  const mfa = ref<MfaStep>('none');
  const expired = ref(false);
  /** The user may take this action: the server sent it with the session, from the same matrix it enforces. */
  const may = (action: Action) => !!user.value && user.value.actions.includes(action);
  const signedIn = computed(() => user.value !== null);
  return { user, mfa, expired, may, signedIn };
});
