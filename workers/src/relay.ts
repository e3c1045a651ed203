// The outbox relay: moves committed outbox rows to BullMQ. Rows are claimed with FOR UPDATE SKIP LOCKED, so
// several relays can run; a row is marked dispatched only in the transaction that saw BullMQ accept its job, so
// a Redis outage delays triage but never loses it. The job id is the outbox id plus the melding id (unique even when
// a restored database or a second environment reuses outbox ids on the same Redis), and BullMQ ignores a second
// add with the same id, so a row dispatched twice (crash between add and commit) is still one job.
import { setTimeout as sleep } from 'node:timers/promises';
import { inArray, sql } from 'drizzle-orm';
import type { RedisClient } from './redis.ts';
import type { Logger } from 'pino';
import { OUTBOX_CHANNEL, findStuckTriage, schema, type DbHandle } from '@vt/db';
import { publishEvents } from './events.ts';
import { OUTBOX_JOBS, type QueueRegistry, type RoutedTopic } from './queues.ts';

interface OutboxRow extends Record<string, unknown> {
  id: number;
  topic: string;
  aggregate_id: string;
  payload: { meldingId?: string; run?: number };
}

export interface RelayOptions {
  db: DbHandle;
  queues: QueueRegistry;
  publisher: RedisClient;
  channel: string;
  log: Logger;
  batchSize?: number;
  pollMs?: number;
  reconcileEveryMs?: number;
  /** How long a requested triage may wait before the reconciler enqueues it again. */
  stuckAfterMs?: number;
}

export interface Relay {
  kick(): void;
  drain(): Promise<number>;
  reconcile(): Promise<number>;
  close(): Promise<void>;
}

const routedTopics = sql`${`{${Object.keys(OUTBOX_JOBS).join(',')}}`}::text[]`;

export async function startRelay(o: RelayOptions): Promise<Relay> {
  const batchSize = o.batchSize ?? 200;
  const pollMs = o.pollMs ?? 1000;
  let stopped = false;
  let wake: (() => void) | undefined;
  const kick = () => wake?.();

  async function dispatchBatch(): Promise<number> {
    const dispatched = await o.db.db.transaction(async (tx) => {
      // Only topics with a queue are taken (OUTBOX_JOBS); any other stays in the outbox and is reported below.
      const rows = await tx.execute<OutboxRow>(sql`
        select id, topic, aggregate_id, payload from outbox
         where dispatched_at is null and topic = any(${routedTopics}) order by id limit ${batchSize} for update skip locked`);
      if (!rows.length) return [] as OutboxRow[];
      // Each topic to its job (today both are a triage run; a new topic needs its line in OUTBOX_JOBS).
      const triage = rows.filter((r) => OUTBOX_JOBS[r.topic as RoutedTopic] === 'triage-melding');
      await o.queues.enqueueBulk(
        'triage-melding',
        triage.map((r) => ({ jobId: `outbox-${r.id}-${r.aggregate_id}`, data: { meldingId: r.aggregate_id, run: r.payload.run ?? 1, outboxId: r.id } })),
      );
      const ids = rows.map((r) => r.id);
      await tx
        .update(schema.outbox)
        .set({ dispatchedAt: sql`now()`, attempts: sql`${schema.outbox.attempts} + 1` })
        .where(inArray(schema.outbox.id, ids));
      return rows;
    });
    // Announce new meldingen once their triage is on its way (no personal data in the event).
    const received = dispatched.filter((r) => r.topic === 'melding.received');
    if (received.length) {
      const refs = await o.db.db
        .select({ id: schema.meldingen.id, reference: schema.meldingen.reference })
        .from(schema.meldingen)
        .where(inArray(schema.meldingen.id, received.map((r) => r.aggregate_id)));
      await publishEvents(
        o.publisher,
        o.channel,
        refs.map((m) => ({ type: 'melding.received' as const, id: m.id, reference: m.reference, band: null, route: null, team: 'beoordeling' })),
      ).catch(() => {});
    }
    return dispatched.length;
  }

  /** Outbox rows whose topic has no queue: a programming error that must not pass silently (each topic once). */
  const reported = new Set<string>();
  async function reportUnrouted() {
    const rows = await o.db.db.execute<{ topic: string; n: number }>(sql`
      select topic, count(*)::int as n from outbox where dispatched_at is null and not (topic = any(${routedTopics})) group by topic`);
    for (const r of rows) {
      if (reported.has(r.topic)) continue;
      reported.add(r.topic);
      o.log.error({ topic: r.topic, count: r.n }, 'outbox topic has no queue (workers/src/queues.ts OUTBOX_JOBS): left in the outbox');
    }
  }

  /** Dispatches until the outbox is empty; returns how many rows moved. */
  async function drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await dispatchBatch();
      total += n;
      if (n < batchSize) {
        await reportUnrouted();
        return total;
      }
    }
  }

  async function reconcile(): Promise<number> {
    const stuck = await findStuckTriage(o.db.db, o.stuckAfterMs ?? 60_000);
    await o.queues.enqueueBulk(
      'triage-melding',
      // A new id each round: an earlier job of the same run may have failed for good and still be kept by BullMQ.
      stuck.map((m) => ({ jobId: `reconcile-${m.id}-${m.run}-${Date.now()}`, data: { meldingId: m.id, run: m.run } })),
    );
    if (stuck.length) o.log.info({ count: stuck.length }, 'reconciler re-enqueued triage');
    return stuck.length;
  }

  // Postgres tells us when an outbox row commits; the poll is the fallback when the notification is missed.
  const listener = await o.db.sql.listen(OUTBOX_CHANNEL, kick).catch((err: unknown) => {
    o.log.warn({ errCode: (err as { code?: string }).code }, 'LISTEN failed; relying on polling');
    return undefined;
  });

  const loop = (async () => {
    let backoff = 250;
    let lastReconcile = 0;
    while (!stopped) {
      try {
        if (Date.now() - lastReconcile > (o.reconcileEveryMs ?? 30_000)) {
          lastReconcile = Date.now();
          await reconcile();
        }
        await drain();
        backoff = 250;
        // Closed while draining: the kick came before there was a wait to cut short.
        if (stopped) break;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      } catch (err) {
        o.log.warn({ errCode: (err as { code?: string }).code, errName: (err as Error).name }, 'outbox relay: dispatch failed, retrying');
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
  })();

  return {
    kick,
    drain,
    reconcile,
    async close() {
      stopped = true;
      kick();
      await loop;
      await listener?.unlisten().catch(() => {});
    },
  };
}
