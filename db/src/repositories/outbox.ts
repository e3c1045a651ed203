import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { outbox } from '../schema.ts';

/** The topics announced through the outbox. Payloads carry ids only, never personal data. */
export const OUTBOX_CHANNEL = 'vt_outbox';

export type OutboxTopic = 'melding.received' | 'melding.aangevuld';

export async function addToOutbox(tx: DbOrTx, topic: OutboxTopic, aggregateId: string, payload: Record<string, unknown> = {}) {
  const [row] = await tx.insert(outbox).values({ topic, aggregateId, payload }).returning({ id: outbox.id });
  // Postgres delivers the notification only when the transaction commits: the relay wakes for committed rows.
  await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
  return row!.id;
}
