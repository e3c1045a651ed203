// One live connection for the whole app (issue #15): a single EventSource to /api/events while someone is signed
// in, shared by every page. A page subscribes to the events it shows and is unsubscribed when it goes away; the
// server already sends each user only the events of cases they may open, without personal data (api.md, Events).
import { getCurrentScope, onScopeDispose, readonly, ref } from 'vue';

export type CaseEventType = 'melding.received' | 'melding.triaged' | 'melding.routed' | 'melding.updated';
export const caseEventTypes: readonly CaseEventType[] = ['melding.received', 'melding.triaged', 'melding.routed', 'melding.updated'];

export interface CaseEvent {
  type: CaseEventType;
  id: string;
  reference: string;
  band: 'P1' | 'P2' | 'P3' | 'P4' | null;
  route: string | null;
  team: string | null;
}

type CaseHandler = (e: CaseEvent) => void;
type ReminderHandler = (nieuw: number) => void;

const connected = ref(false);
let source: EventSource | null = null;
const caseHandlers = new Set<CaseHandler>();
const reminderHandlers = new Set<ReminderHandler>();
const connectHandlers = new Set<() => void>();

/** Opens the app's connection (idempotent). The browser reconnects by itself after a drop (retry: 3000). */
export function connectLiveEvents(): void {
  if (source || typeof EventSource === 'undefined') return;
  const es = new EventSource('/api/events');
  source = es;
  es.onopen = () => {
    connected.value = true;
    // What happened before the connection was (re)established was not heard: the pages that were already listening
    // read again. A page that subscribes while connected hears everything after its own first read.
    for (const h of [...connectHandlers]) h();
  };
  es.onerror = () => (connected.value = false);
  for (const type of caseEventTypes) {
    es.addEventListener(type, (e) => {
      const data = JSON.parse((e as MessageEvent<string>).data) as Omit<CaseEvent, 'type'>;
      for (const h of [...caseHandlers]) h({ ...data, type });
    });
  }
  es.addEventListener('herinneringen.updated', (e) => {
    const { nieuw } = JSON.parse((e as MessageEvent<string>).data) as { nieuw: number };
    for (const h of [...reminderHandlers]) h(nieuw);
  });
}

/** Closes it (on sign-out, or when the session ends). */
export function disconnectLiveEvents(): void {
  source?.close();
  source = null;
  connected.value = false;
}

/**
 * A page's view of the connection. `onCase` hears the case events it names (optionally only those its filter
 * keeps), `onReminders` the count of new reminders, `onConnect` each time the connection opens after the page subscribed (the first time, and after a drop).
 * Every handler is removed with the component (or effect scope) that added it.
 */
export function useLiveEvents() {
  connectLiveEvents();
  const owned: (() => void)[] = [];
  const keep = <T>(set: Set<T>, h: T) => {
    set.add(h);
    owned.push(() => set.delete(h));
  };
  if (getCurrentScope()) onScopeDispose(() => owned.splice(0).forEach((off) => off()));
  return {
    connected: readonly(connected),
    onCase(types: readonly CaseEventType[], handler: CaseHandler, filter: (e: CaseEvent) => boolean = () => true) {
      keep(caseHandlers, (e: CaseEvent) => {
        if (types.includes(e.type) && filter(e)) handler(e);
      });
    },
    onReminders(handler: ReminderHandler) {
      keep(reminderHandlers, handler);
    },
    onConnect(handler: () => void) {
      keep(connectHandlers, handler);
    },
  };
}
