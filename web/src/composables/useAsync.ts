// One helper for every call the pages make (after vue3-realworld-example-app's use-async): it tracks loading and
// the error, and handles an expired session in one place by sending the user to the login page.
import { ref, shallowRef } from 'vue';
import { ApiError } from '../api/client';
import { router } from '../router';
import { useSessionStore } from '../stores/session';
import { disconnectLiveEvents } from './useLiveEvents';

export function useAsync<A extends unknown[], R>(fn: (...args: A) => Promise<R>) {
  const loading = ref(false);
  const error = shallowRef<ApiError | null>(null);
  const data = shallowRef<R | null>(null);

  async function run(...args: A): Promise<R | undefined> {
    loading.value = true;
    error.value = null;
    try {
      const r = await fn(...args);
      data.value = r;
      return r;
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, 'INTERNAL', 'Er ging iets mis.');
      if (e.status === 401) {
        const session = useSessionStore();
        if (session.user) session.expired = true;
        disconnectLiveEvents();
        session.user = null;
        session.mfa = 'none';
        const current = router.currentRoute.value;
        if (current.name !== 'login') await router.push({ name: 'login', query: { terug: current.fullPath } });
      }
      error.value = e;
      return undefined;
    } finally {
      loading.value = false;
    }
  }

  /** Forgets the last answer and error (a list closed, a new question asked). */
  function reset() {
    data.value = null;
    error.value = null;
  }

  return { loading, error, data, run, reset };
}
