// A form's draft kept on the server while it is filled in (issue #16, "nothing typed is lost"): restored after a
// reload, a crash or a new sign-in of the same account, and never kept in the browser's storage. Saved a moment
// after each change; a save refused because the session expired keeps the form's content in memory (the concepten
// store) until the same account signs in again. Leaving the page with unsent input asks first.
import { CONCEPT_BEWAARTERMIJN_UREN } from '@vt/db/domain/deadlines';
import { onBeforeUnmount, onMounted, ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { onBeforeRouteLeave } from 'vue-router';
import { api, ApiError, call } from '../api/client';
import type { paths } from '../api/schema';
import { router } from '../router';
import { useConceptenStore } from '../stores/concepten';
import { useSessionStore } from '../stores/session';

type Sleutel = paths['/api/concepten/{sleutel}']['get']['parameters']['path']['sleutel'];
export type ConceptStatus = 'idle' | 'saving' | 'saved' | 'failed' | 'pendingLogin';

const SAVE_DELAY_MS = 600;

export function useConcept<T extends object>(sleutel: () => Sleutel | null, form: T, o: { isEmpty: () => boolean; apply?: (inhoud: Record<string, unknown>) => void }) {
  const { t } = useI18n();
  const session = useSessionStore();
  const store = useConceptenStore();
  const status = ref<ConceptStatus>('idle');
  const savedAt = ref<Date | null>(null);
  const restoredAt = ref<Date | null>(null);
  /** Set while the draft is read back, so applying it does not count as typing. */
  let restoring = false;
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  /** The account the form is filled in for (the session may be gone by the time the page closes). */
  const ownerId = session.user?.id ?? null;
  const keepForSignIn = () => {
    const key = sleutel();
    if (key && ownerId && !store.signingOut) store.pending[key] = { userId: ownerId, inhoud: JSON.parse(JSON.stringify(form)) as Record<string, unknown> };
  };

  const apply = (inhoud: Record<string, unknown>) => {
    restoring = true;
    if (o.apply) o.apply(inhoud);
    else Object.assign(form, inhoud);
    void Promise.resolve().then(() => (restoring = false));
  };

  /** The save on its way, if any: saves go one after the other, so an older content never lands after a newer one. */
  let inflight: Promise<void> = Promise.resolve();

  /** `keepalive`: the page is going away (reload, closed tab); the browser still delivers the request. */
  function save(keepalive = false): Promise<void> {
    clearTimeout(timer);
    inflight = inflight.then(() => send(keepalive));
    return inflight;
  }

  async function send(keepalive: boolean): Promise<void> {
    const key = sleutel();
    if (!key || done) return;
    const inhoud = JSON.parse(JSON.stringify(form)) as Record<string, unknown>;
    dirty = false;
    status.value = 'saving';
    try {
      await call(api.PUT('/api/concepten/{sleutel}', { params: { path: { sleutel: key } }, body: { inhoud }, ...(keepalive ? { keepalive: true } : {}) }));
      if (status.value === 'saving') status.value = dirty ? 'saving' : 'saved';
      savedAt.value = new Date();
    } catch (err) {
      dirty = true;
      if (err instanceof ApiError && err.status === 401) {
        // The session ended: keep what is on the form for the same account's next sign-in, then ask for it.
        keepForSignIn();
        status.value = 'pendingLogin';
        dirty = false;
        session.expired = true;
        session.user = null;
        const current = router.currentRoute.value;
        if (current.name !== 'login') await router.push({ name: 'login', query: { terug: current.fullPath } });
        return;
      }
      status.value = 'failed';
      timer = setTimeout(() => void save(), 5_000);
    }
  }

  /** The form was sent, or thrown away: the draft goes. */
  async function finish(): Promise<void> {
    done = true;
    clearTimeout(timer);
    dirty = false;
    await inflight;
    const key = sleutel();
    if (key) await call(api.DELETE('/api/concepten/{sleutel}', { params: { path: { sleutel: key } } })).catch(() => undefined);
    status.value = 'idle';
  }

  /** Starts a new draft on the same form (after one was sent). */
  function restart() {
    done = false;
    restoredAt.value = null;
    savedAt.value = null;
    status.value = 'idle';
  }

  async function load(): Promise<void> {
    const key = sleutel();
    const userId = session.user?.id;
    if (!key || !userId) return;
    const pending = store.take(userId, key);
    if (pending) {
      apply(pending);
      restoredAt.value = new Date();
      await save();
      return;
    }
    try {
      const c = await call(api.GET('/api/concepten/{sleutel}', { params: { path: { sleutel: key } } }));
      apply(c.inhoud);
      restoredAt.value = new Date(c.updatedAt);
      savedAt.value = new Date(c.updatedAt);
      status.value = 'saved';
    } catch {
      /* no draft: the form starts empty */
    }
  }

  watch(
    form,
    () => {
      if (restoring || done) return;
      dirty = true;
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (o.isEmpty()) {
          dirty = false;
          const key = sleutel();
          if (key && status.value !== 'idle') void call(api.DELETE('/api/concepten/{sleutel}', { params: { path: { sleutel: key } } })).catch(() => undefined);
          status.value = 'idle';
          return;
        }
        void save();
      }, SAVE_DELAY_MS);
    },
    { deep: true },
  );

  // Leaving with unsent input asks first; the draft stays either way. An expired session leaves without asking
  // (what was typed waits in memory for the sign-in).
  onBeforeRouteLeave(() => {
    if (done || !session.user || o.isEmpty()) return true;
    if (dirty) void save();
    return window.confirm(t('concept.leaveConfirm', { uren: CONCEPT_BEWAARTERMIJN_UREN }));
  });
  // A reload or a closed tab: the last change is sent on its way (keepalive), so the draft is complete when the
  // page comes back; there is nothing to ask.
  const beforeUnload = () => {
    if (dirty && !done && session.user) void save(true);
  };
  onMounted(() => window.addEventListener('beforeunload', beforeUnload));
  onBeforeUnmount(() => {
    window.removeEventListener('beforeunload', beforeUnload);
    clearTimeout(timer);
    if (!dirty || done) return;
    // Another call found the session expired and left the page: keep the last changes for the sign-in.
    if (session.user) void save();
    else keepForSignIn();
  });

  return { status, savedAt, restoredAt, load, save, finish, restart };
}
