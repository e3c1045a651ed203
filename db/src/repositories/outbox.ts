import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { outbox } from '../schema/index.ts';

/** The topics announced through the outbox. Payloads carry ids only, never personal data. */
export const OUTBOX_CHANNEL = 'vt_outbox';

export type OutboxTopic = 'melding.received' | 'melding.aangevuld';

export async function addToOutbox(tx: DbOrTx, topic: OutboxTopic, aggregateId: string, payload: Record<string, unknown> = {}) {
  // Postgres delivers the notification only when the transaction commits: the relay wakes for committed rows.
  const rows = await tx.execute<{ id: number }>(sql`
    with o as (insert into ${outbox} (topic, aggregate_id, payload) values (${topic}, ${aggregateId}, ${JSON.stringify(payload)}::jsonb) returning id)
    select o.id, pg_notify(${OUTBOX_CHANNEL}, '') from o`);
  return Number(rows[0]!.id);
}
