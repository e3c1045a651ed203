// One case as its page shows it: the case view and its history, read together, and read again when the live
// connection says the case changed (triaged, routed, updated by a colleague) or comes back after a drop. The page
// subscribes before its first read, so a triage that finishes in between is not missed.
import { computed, type Ref } from 'vue';
import { api, call, type MeldingView } from '../api/client';
import { useAsync } from './useAsync';
import { useLiveEvents } from './useLiveEvents';

export function useMelding(id: Ref<string>) {
  const melding = useAsync(() => call(api.GET('/api/meldingen/{id}', { params: { path: { id: id.value } } })));
  const historie = useAsync(() => call(api.GET('/api/meldingen/{id}/historie', { params: { path: { id: id.value } } })));
  const refresh = async () => {
    await Promise.all([melding.run(), historie.run()]);
  };

  const live = useLiveEvents();
  live.onCase(['melding.triaged', 'melding.routed', 'melding.updated'], () => void refresh(), (e) => e.id === id.value);
  live.onConnect(() => void refresh());

  return {
    /** The case, once read (null before, or when the read was refused). */
    melding: computed(() => melding.data.value),
    loading: melding.loading,
    error: melding.error,
    /** The case lies outside the caller's queue: it opens only with a reason (break-glass). */
    needsBreakGlass: computed(() => melding.error.value?.code === 'BREAK_GLASS_REQUIRED'),
    events: computed(() => historie.data.value?.events ?? []),
    refresh,
    /** A write answered with the case as it now is: show it, and read the history again. */
    replace(view: MeldingView) {
      melding.data.value = view;
      void historie.run();
    },
  };
}
