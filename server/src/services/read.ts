// Reads that may lag a few seconds behind the primary (issue #19): the dashboards, the reports and the managers'
// lists, which the contract lets reflect new data "within 10 seconds" (api.md, Dashboard and reporting). With
// DATABASE_READ_URL they run on the streaming replica, in a read-only transaction; without it, on the primary.
// Never a case read, a decision or anything audited per case: those stay on the primary. The access is audited on the
// primary after the read and before the answer, so nothing is shown that was not recorded.
import { writeAudit, type Actor, type AuditEntry, type Tx } from '@vt/db';
import { isUnavailable, pgCode } from '../plugins/app/errors.ts';
import type { App } from '../types.ts';

/** Postgres refuses a write in a read-only transaction (or on a standby) with this code. */
const READ_ONLY = '25006';

export async function readLagging<T>(app: App, actor: Actor, audit: AuditEntry, read: (tx: Tx) => Promise<T>): Promise<T> {
  let result: T;
  if (app.readDb === app.db) result = await app.db.db.transaction(read);
  else {
    try {
      result = await app.readDb.db.transaction(read, { accessMode: 'read only' });
    } catch (err) {
      // A replica that is down, or a read that needs to write first (day counts to bring up to date before a report,
      // rapportage.ts), is answered from the primary: slower, never wrong.
      const code = pgCode(err);
      if (code !== READ_ONLY && !isUnavailable(err)) throw err;
      app.log.warn({ errCode: code }, code === READ_ONLY ? 'read needs the primary' : 'read replica unavailable; reading from the primary');
      result = await app.db.db.transaction(read);
    }
  }
  await writeAudit(app.db.db, actor, audit);
  return result;
}
