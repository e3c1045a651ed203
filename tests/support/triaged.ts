// "Triaged exactly once", as the fault tests check it: every melding filed since a moment, with how many triage
// proposals its history records (one each, whatever was killed or failed over on the way).
import { sql } from 'drizzle-orm';
import type { TestDatabase } from './database.ts';

export type TriageCount = {
  id: string;
  status: string;
  events: number;
};

export function triagedSince(db: TestDatabase, since: Date): Promise<TriageCount[]> {
  return db.handle.db.execute<TriageCount>(sql`
    select m.id, m.status::text as status,
           (select count(*)::int from melding_events e where e.melding_id = m.id and e.type = 'triage_voorgesteld') as events
      from meldingen m where m.created_at >= ${since.toISOString()}`);
}
