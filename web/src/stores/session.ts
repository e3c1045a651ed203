import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { paths } from '../api/schema';

export type SessionUser = paths['/api/auth/session']['get']['responses']['200']['content']['application/json']['user'];

/** Who is signed in. State only; signing in and out lives in composables/useSession.ts. */
export const useSessionStore = defineStore('session', () => {
  const user = ref<SessionUser | null>(null);
  const expired = ref(false);
  const hasRole = (...roles: string[]) => !!user.value && user.value.roles.some((r) => roles.includes(r));
  const signedIn = computed(() => user.value !== null);
  return { user, expired, hasRole, signedIn };
});
