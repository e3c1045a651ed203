// Background work on BullMQ's own scheduling (issue #15): each scheduled job is one processor (index.ts) and one
// entry in SCHEDULES (queues.ts). `upsertJobScheduler` makes BullMQ produce the job once per interval however many worker processes run,
// and any one of them takes it. The schedulers live in Redis, so they are upserted again whenever the connection
// comes back (a Redis that returns empty has forgotten them). The reconciler of the relay is not here on purpose: it
// is the way back from a Redis that lost its jobs, so it must not depend on what Redis remembers (relay.ts).
import { Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Logger } from 'pino';
import { QUEUES, SCHEDULES, type QueueRegistry, type ScheduledJob as Scheduled } from './queues.ts';

export { SCHEDULES };

export type Processors = Record<Scheduled, () => Promise<unknown>>;

export interface Scheduler {
  /** (Re)registers every schedule; idempotent. */
  register(): Promise<void>;
  close(): Promise<void>;
}

export function startSchedules(o: {
  queues: QueueRegistry;
  connection: ConnectionOptions;
  prefix: string;
  processors: Processors;
  everyMs?: Partial<Record<Scheduled, number>>;
  log: Logger;
}): Scheduler {
  const queue = o.queues.queues.onderhoud;
  const register = async () => {
    for (const [name, s] of Object.entries(SCHEDULES) as [Scheduled, { everyMs: number }][]) {
      await queue.upsertJobScheduler(name, { every: o.everyMs?.[name] ?? s.everyMs }, { name, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } });
    }
  };
  const worker = new Worker(
    QUEUES.onderhoud,
    async (job: Job) => {
      const run = o.processors[job.name as Scheduled];
      if (!run) throw new Error(`no processor for scheduled job ${job.name}`);
      return run();
    },
    { connection: o.connection, prefix: o.prefix, concurrency: 1 },
  );
  worker.on('failed', (job, err) => o.log.warn({ job: job?.name, errName: err.name, errCode: (err as { code?: string }).code }, 'scheduled job failed'));
  worker.on('error', (err) => o.log.warn({ errName: err.name, errCode: (err as { code?: string }).code }, 'scheduled-job worker error'));
  const again = () => void register().catch((err: unknown) => o.log.warn({ errCode: (err as { code?: string }).code }, 'could not register the schedules'));
  void queue.waitUntilReady().then(async (client) => {
    client.on('ready', again);
    again();
  }, () => {});
  return {
    register,
    async close() {
      await worker.close();
    },
  };
}
