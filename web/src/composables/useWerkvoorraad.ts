// A team's live work queue (api.md, Work queues): read once, then kept current by patching. A live event names a
// case; the cases named within a quarter of a second are read again in one request (`ids=`) and replace their rows,
// or leave the list when the server no longer lists them. Only after a dropped connection is the whole queue read
// again (what happened meanwhile was not heard). A new acute case is announced.
import { onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue';
import { api, call } from '../api/client';
import { patchQueue, sortQueue } from '../pages/werkvoorraad';
import { useAsync } from './useAsync';
import { caseEventTypes, useLiveEvents, type CaseEvent } from './useLiveEvents';

type Answer = Awaited<ReturnType<typeof read>>;
export type WerkvoorraadItem = Answer['items'][number];

const read = (team: string, ids?: readonly string[]) =>
  call(api.GET('/api/werkvoorraad', { params: { query: { team, ...(ids ? { ids: ids.join(',') } : {}) } } }));

/** At most this many cases per partial read (the API's limit); more named at once means reading the whole queue. */
const PATCH_LIMIT = 100;
const PATCH_DELAY_MS = 250;

export function useWerkvoorraad(team: Ref<string>, options: { onAcute?: (e: CaseEvent) => void } = {}) {
  const live = useLiveEvents();
  const whole = useAsync(read);
  const part = useAsync(read);
  const items = shallowRef<WerkvoorraadItem[]>([]);
  const loaded = ref(false);

  async function reload() {
    const askedFor = team.value;
    const r = await whole.run(askedFor);
    // Answers can arrive out of order (a slow first read, then a quick switch of team): only the team shown counts.
    if (r && askedFor === team.value) {
      items.value = sortQueue(r.items);
      loaded.value = true;
    }
  }

  const named = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  async function patch() {
    timer = undefined;
    const ids = [...named];
    named.clear();
    if (!ids.length) return;
    if (ids.length > PATCH_LIMIT) return reload();
    const askedFor = team.value;
    const r = await part.run(askedFor, ids);
    // A team switched meanwhile has been read whole; this answer belongs to the old one.
    if (r && askedFor === team.value) items.value = patchQueue(items.value, ids, r.items);
  }

  live.onCase(caseEventTypes, (e) => {
    if (e.type === 'melding.triaged' && e.band === 'P1') options.onAcute?.(e);
    named.add(e.id);
    timer ??= setTimeout(() => void patch(), PATCH_DELAY_MS);
  });
  live.onConnect(() => void reload());
  watch(team, () => {
    named.clear();
    void reload();
  });
  onScopeDispose(() => clearTimeout(timer));

  return {
    items,
    loaded,
    loading: whole.loading,
    error: whole.error,
    connected: live.connected,
    reload,
  };
}
