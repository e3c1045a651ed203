// The calls of the pages that have few (api.md), each a useAsync (loading, error, data), grouped by the work they
// serve: a page lays them out and never builds a request itself. Calls with more state of their own have their own
// composable (useWerkvoorraad, useMelding, useMeldingForm, useMdo, useToegang, useSession).
import type { paths } from '../api/schema';
import { api, call } from '../api/client';
import { downloadCsv } from '../download';
import { daysAgo, startOfDay } from '../format';
import { useAsync } from './useAsync';
import { useLiveEvents } from './useLiveEvents';

type AdviesBody = paths['/api/adviezen']['post']['requestBody']['content']['application/json'];
type Scope = { team?: string; gemeente?: string };

/** The advice line: logging an advies. */
export const useAdviesOpslaan = () => useAsync((body: AdviesBody) => call(api.POST('/api/adviezen', { body })));
/** The adviseur's own adviezen of the last two weeks, newest first, with any conversion still to finish. */
export const MIJN_ADVIEZEN_DAGEN = 14;
export const useMijnAdviezen = () =>
  useAsync(() => call(api.GET('/api/adviezen', { params: { query: { eigen: true, from: daysAgo(MIJN_ADVIEZEN_DAGEN), pageSize: 25 } } })));
/** One advies (the melding that continues it starts from what the vrager told). */
export const useAdvies = () => useAsync((id: string) => call(api.GET('/api/adviezen/{id}', { params: { path: { id } } })));

/** The wijkteam's inbox of handovers: accept, or send back with a reason. */
export function useOverdrachten() {
  return {
    inbox: useAsync(() => call(api.GET('/api/overdrachten'))),
    accept: useAsync((id: string) => call(api.POST('/api/overdrachten/{id}/accepteren', { params: { path: { id } }, body: {} }))),
    sendBack: useAsync((id: string, reden: string) => call(api.POST('/api/overdrachten/{id}/terugsturen', { params: { path: { id } }, body: { reden } }))),
  };
}

/** The privacy officer's destruction requests and decisions. */
export function useVernietiging() {
  return {
    list: useAsync(() => call(api.GET('/api/vernietigingsverzoeken'))),
    decide: useAsync((id: string, besluit: 'toegewezen' | 'afgewezen', reden: string) =>
      call(api.POST('/api/vernietigingsverzoeken/{id}/besluit', { params: { path: { id } }, body: { besluit, reden } })),
    ),
  };
}

/** The break-glass openings since an Amsterdam date. */
export const useBreakGlassOpenings = () => useAsync((from: string) => call(api.GET('/api/break-glass', { params: { query: { from: startOfDay(from) } } })));

/** The waiting lists against their targets, for a scope, now or at a moment. */
export const useWachtlijst = () => useAsync((q: Scope & { at?: string }) => call(api.GET('/api/dashboard/wachtlijst', { params: { query: q } })));

/**
 * What the dagstart needs beside the queue: the teams, the staff to assign, the reminders (read again, and announced,
 * when the workers push new ones) and the assignment itself.
 */
export function useDagstart(options: { onNewReminders?: (nieuw: number) => void } = {}) {
  const reminders = useAsync(() => call(api.GET('/api/herinneringen')));
  // The server sends this event only to the roles that read reminders.
  useLiveEvents().onReminders((nieuw) => {
    options.onNewReminders?.(nieuw);
    void reminders.run();
  });
  return {
    teams: useAsync(() => call(api.GET('/api/teams'))),
    staff: useAsync(() => call(api.GET('/api/users'))),
    reminders,
    assign: useAsync((id: string, userIds: string[]) => call(api.POST('/api/meldingen/{id}/toewijzing', { params: { path: { id } }, body: { userIds } }))),
  };
}

export type AuditQuery = NonNullable<paths['/api/audit']['get']['parameters']['query']>;

/** The privacy officer's search of the audit trail (500 entries a page), and the export of a page as CSV. */
export function useAuditLog() {
  const search = useAsync((q: AuditQuery) => call(api.GET('/api/audit', { params: { query: q } })));
  /** Downloads the page as CSV; the server audits the export. False when it was refused. */
  async function exportCsv(q: AuditQuery): Promise<boolean> {
    const qs = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]));
    return downloadCsv(`/api/audit?${qs}`, 'auditlog.csv');
  }
  return { search, exportCsv };
}
