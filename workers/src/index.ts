// Starts the workers of the system: the outbox relay (with its reconciler), the triage worker, the reminder watch
// and the hourly housekeeping.
import type { Logger } from 'pino';
import { DEFAULT_RETENTION, createDb, pruneConcepten, pruneIdempotencyKeys, pruneSessions, runRetention, writeAudit, type DbHandle, type RetentionSettings } from '@vt/db';
import { eventsChannel } from './events.ts';
import { createQueues, type QueueRegistry } from './queues.ts';
import { connectRedis, redisDb, redisOptions, type RedisClient, type RedisTarget } from './redis.ts';
import { startRelay, type Relay } from './relay.ts';
import { startReminderWatch, type ReminderWatch } from './reminders.ts';
import { startSchedules } from './schedules.ts';
import { DEFAULT_TRIAGE_CONCURRENCY, startTriageWorker } from './triage-worker.ts';

export * from './queues.ts';
export * from './events.ts';
export * from './redis.ts';
export { startRelay } from './relay.ts';
export { startReminderWatch, type ReminderWatch } from './reminders.ts';
export { SCHEDULES, startSchedules } from './schedules.ts';
export { DEFAULT_TRIAGE_CONCURRENCY, startTriageWorker } from './triage-worker.ts';

export interface WorkerOptions {
  databaseUrl: string;
  /** DATABASE_PREPARED_STATEMENTS (db/src/client.ts). */
  prepare?: boolean;
  /** REDIS_URL, or a Sentinel set or a Cluster (redis.ts). */
  redisUrl: string | RedisTarget;
  log: Logger;
  /** BullMQ key prefix; tests isolate themselves with their own. */
  prefix?: string;
  concurrency?: number;
  pollMs?: number;
  reconcileEveryMs?: number;
  stuckAfterMs?: number;
  lockDurationMs?: number;
  /** Retention terms (RETENTION_ADVIES_YEARS, RETENTION_MELDING_YEARS); domain.md's 2 and 20 years by default. */
  retention?: RetentionSettings;
  /** Working days before a handover not accepted is a reminder (OVERDRACHT_HERINNERING_WERKDAGEN; 5). */
  overdrachtHerinneringWerkdagen?: number;
  /** How often new reminders are looked for and announced (5 minutes; schedules.ts). */
  reminderEveryMs?: number;
}

export interface RunningWorkers {
  relay: Relay;
  queues: QueueRegistry;
  reminders: ReminderWatch;
  close(): Promise<void>;
}

/** BullMQ loses jobs when Redis evicts keys: warn loudly unless maxmemory-policy is noeviction. */
async function checkEvictionPolicy(redis: RedisClient, log: Logger) {
  try {
    const [, policy] = (await redis.config('GET', 'maxmemory-policy')) as [string, string];
    if (policy !== 'noeviction') log.warn({ policy }, 'Redis maxmemory-policy should be noeviction: jobs can be evicted otherwise');
  } catch {
    log.info('could not read Redis maxmemory-policy (CONFIG not permitted); make sure it is noeviction');
  }
}

export async function startWorkers(o: WorkerOptions): Promise<RunningWorkers> {
  const prefix = o.prefix ?? 'vt';
  // One connection per running job, plus the relay's and the housekeeping's.
  const db: DbHandle = createDb(o.databaseUrl, { max: (o.concurrency ?? DEFAULT_TRIAGE_CONCURRENCY) + 2, applicationName: 'veilig-thuis-workers', ...(o.prepare === false ? { prepare: false } : {}) });
  // Producers fail fast while Redis is down (the outbox keeps the work); workers retry for ever.
  // On one server or Sentinel BullMQ makes its connections from options; a cluster it is given as a Cluster client.
  const target = typeof o.redisUrl === 'string' ? { url: o.redisUrl } : o.redisUrl;
  const clients: RedisClient[] = [];
  const connection = (extra: Parameters<typeof redisOptions>[1]) => {
    if (!target.clusterNodes?.length) return redisOptions(target, extra);
    const c = connectRedis(target, extra);
    c.on('error', () => {});
    clients.push(c);
    return c;
  };
  const producer = connection({ enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  const consumer = connection({ maxRetriesPerRequest: null });
  const publisher = connectRedis(target, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
  publisher.on('error', () => {});
  // Redis may be down at start: the workers start anyway and catch up when it returns.
  if (await publisher.connect().then(() => true, () => false)) await checkEvictionPolicy(publisher, o.log);
  else o.log.warn('Redis is not reachable yet; the workers will connect when it is');

  const channel = eventsChannel(prefix, redisDb(publisher));
  const queues = createQueues(producer, prefix);
  const worker = startTriageWorker({
    db,
    connection: consumer,
    prefix,
    publisher,
    channel,
    log: o.log,
    ...(o.concurrency ? { concurrency: o.concurrency } : {}),
    ...(o.lockDurationMs ? { lockDurationMs: o.lockDurationMs } : {}),
  });
  const relay = await startRelay({
    db,
    queues,
    publisher,
    channel,
    log: o.log,
    ...(o.pollMs ? { pollMs: o.pollMs } : {}),
    ...(o.reconcileEveryMs ? { reconcileEveryMs: o.reconcileEveryMs } : {}),
    ...(o.stuckAfterMs ? { stuckAfterMs: o.stuckAfterMs } : {}),
  });
  const reminders = startReminderWatch({ db, publisher, channel, key: `${prefix}:herinneringen`, overdrachtWerkdagen: o.overdrachtHerinneringWerkdagen ?? 5, log: o.log });
  const retention = o.retention ?? DEFAULT_RETENTION;
  const schedules = startSchedules({
    queues,
    connection: consumer,
    prefix,
    log: o.log,
    ...(o.reminderEveryMs ? { everyMs: { herinneringen: o.reminderEveryMs } } : {}),
    processors: {
      // Idempotency keys are kept at least 24 hours (api.md), dead sessions and drafts past their term are
      // removed, and records past their retention term lose their personal data (each pass that changed something
      // is audited).
      housekeeping: async () => {
        await Promise.all([pruneIdempotencyKeys(db.db, 48), pruneSessions(db.db, 30), pruneConcepten(db.db)]);
        const r = await runRetention(db.db, new Date(), retention);
        if (r.adviezen + r.meldingen === 0) return r;
        await writeAudit(db.db, { type: 'system', id: null }, { action: 'update', subjectType: 'retention', purpose: JSON.stringify(r) });
        o.log.info(r, 'retention: records anonymised');
        return r;
      },
      herinneringen: () => reminders.pass(),
    },
  });
  o.log.info('workers running');

  return {
    relay,
    queues,
    reminders,
    async close() {
      reminders.close();
      await schedules.close();
      await relay.close();
      // Waits for running jobs to finish (graceful shutdown, BullMQ going-to-production guide).
      await worker.close();
      await queues.close();
      publisher.disconnect();
      for (const c of clients) c.disconnect();
      await db.close();
    },
  };
}
