// The MDO's calls (api.md, MDO): the meetings, the staff who can take part, the queue of cases waiting for an MDO,
// one meeting's agenda, and planning, adding to the agenda and recording a decision. Each is a useAsync (loading,
// error, data), so the page only lays them out.
import type { MdoBesluit } from '@vt/db/domain/codes';
import { api, call } from '../api/client';
import { useAsync } from './useAsync';

export function useMdo() {
  const list = useAsync(() => call(api.GET('/api/mdo')));
  const users = useAsync(() => call(api.GET('/api/users')));
  const queue = useAsync(() => call(api.GET('/api/mdo/wachtrij')));
  const current = useAsync((id: string) => call(api.GET('/api/mdo/{id}', { params: { path: { id } } })));
  const create = useAsync((datum: string, deelnemers: string[], externen: { naam: string; organisatie: string }[] = []) =>
    call(api.POST('/api/mdo', { body: { datum, deelnemers, ...(externen.length ? { externen } : {}) } })),
  );
  const addPoint = useAsync((id: string, meldingId: string) => call(api.POST('/api/mdo/{id}/agenda', { params: { path: { id } }, body: { meldingId } })));
  const decide = useAsync((id: string, body: { meldingId: string; besluit: MdoBesluit; toelichting: string; eigenaar?: string }) =>
    call(api.POST('/api/mdo/{id}/besluiten', { params: { path: { id } }, body })),
  );
  return { list, users, queue, current, create, addPoint, decide };
}
