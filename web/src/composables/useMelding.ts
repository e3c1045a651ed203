// One case as its page shows it: the case view and its history, read together, and read again when the live
// connection says the case changed (triaged, routed, updated by a colleague) or comes back after a drop. The page
// subscribes before its first read, so a triage that finishes in between is not missed.
//
// Two people on one case (issue #16): the read keeps the case's version and every step on it is sent with that
// version (api/client.ts); a change by someone else, whether it arrives live or as a refused step (412), replaces
// the view and says what changed, so nobody acts on a screen that no longer holds.
import { computed, onBeforeUnmount, onMounted, ref, type Ref } from 'vue';
import { api, call, caseVersionOf, onStaleCase, setOpenCase, type MeldingView } from '../api/client';
import { caseChanges, type CaseChange } from '../case-changes';
import { useAsync } from './useAsync';
import { useLiveEvents } from './useLiveEvents';

export interface CaseNotice {
  /** `colleague`: a change arrived live; `refused`: one's own step was refused because of it. */
  kind: 'colleague' | 'refused';
  changes: CaseChange[];
}

export function useMelding(id: Ref<string>) {
  const melding = useAsync(() => call(api.GET('/api/meldingen/{id}', { params: { path: { id: id.value } } })));
  const historie = useAsync(() => call(api.GET('/api/meldingen/{id}/historie', { params: { path: { id: id.value } } })));
  const notice = ref<CaseNotice | null>(null);

  const refresh = async () => {
    await Promise.all([melding.run(), historie.run()]);
  };

  /** Reads the case again and, when it differs from what the screen showed, says what changed. */
  const refreshAndTell = async (kind: CaseNotice['kind']) => {
    const before = melding.data.value;
    // The version this screen last knew: one's own steps bring it up to date as they are answered, so a live event
    // about one's own step finds nothing new and says nothing.
    const known = caseVersionOf(id.value);
    await refresh();
    const after = melding.data.value;
    if (kind === 'colleague' && known !== undefined && caseVersionOf(id.value) === known) return;
    const changes = before && after ? caseChanges(before, after) : [];
    if (kind === 'refused' || changes.length) notice.value = { kind, changes };
  };

  const live = useLiveEvents();
  // A proposal from the triage is news the triage panel shows; a step by a person is told as a change.
  live.onCase(['melding.triaged'], () => void refresh(), (e) => e.id === id.value);
  live.onCase(['melding.routed', 'melding.updated'], () => void refreshAndTell('colleague'), (e) => e.id === id.value);
  live.onConnect(() => void refresh());

  let stopStale: (() => void) | undefined;
  onMounted(() => {
    setOpenCase(id.value);
    stopStale = onStaleCase((current) => {
      if ((current as MeldingView | null)?.id === id.value) void refreshAndTell('refused');
    });
  });
  onBeforeUnmount(() => {
    setOpenCase(null);
    stopStale?.();
  });

  return {
    /** The case, once read (null before, or when the read was refused). */
    melding: computed(() => melding.data.value),
    loading: melding.loading,
    error: melding.error,
    /** The case lies outside the caller's queue: it opens only with a reason (break-glass). */
    needsBreakGlass: computed(() => melding.error.value?.code === 'BREAK_GLASS_REQUIRED'),
    events: computed(() => historie.data.value?.events ?? []),
    /** Someone else changed the case while it was open here. */
    notice,
    dismissNotice: () => (notice.value = null),
    refresh,
    /** A write answered with the case as it now is: show it, and read the history again. */
    replace(view: MeldingView) {
      melding.data.value = view;
      void historie.run();
    },
  };
}
