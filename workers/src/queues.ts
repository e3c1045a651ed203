// Every queue, job and payload of the system, named once. Payloads carry ids only: the worker loads what it
// needs from Postgres, so no personal data ever sits in Redis.
import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';

export const QUEUES = {
  triage: 'triage',
  /** Work that runs on a schedule (schedules.ts): once per interval however many worker processes run. */
  onderhoud: 'onderhoud',
} as const;

/**
 * Work that runs on a schedule, and how often (schedules.ts runs it, once per interval however many worker
 * processes run). A new scheduled job is one entry here and its processor in index.ts (the type asks for it).
 */
export const SCHEDULES = {
  /** Hourly: idempotency keys and dead sessions pruned, retention carried out. */
  housekeeping: { everyMs: 3600_000 },
  /** Every few minutes: new reminders looked for and announced. */
  herinneringen: { everyMs: 5 * 60_000 },
} as const satisfies Record<string, { everyMs: number }>;
export type ScheduledJob = keyof typeof SCHEDULES;

export type JobPayloads = {
  'triage-melding': { meldingId: string; run: number; outboxId?: number };
} & Record<ScheduledJob, Record<string, never>>;
export type JobName = keyof JobPayloads;

const queueOfJob = (name: JobName): keyof typeof QUEUES => (name in SCHEDULES ? 'onderhoud' : 'triage');

/** The job each outbox topic becomes (the relay refuses a topic that is not here). */
export const OUTBOX_JOBS = {
  'melding.received': 'triage-melding',
  'melding.aangevuld': 'triage-melding',
} as const satisfies Record<string, JobName>;
export type RoutedTopic = keyof typeof OUTBOX_JOBS;

/** Retries with exponential backoff; finished jobs are pruned so Redis does not grow without bound. */
export const defaultJobOptions: JobsOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 24 * 3600, count: 5000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

export interface QueueRegistry {
  queues: Record<keyof typeof QUEUES, Queue>;
  enqueue<N extends JobName>(name: N, data: JobPayloads[N], opts?: JobsOptions): Promise<void>;
  enqueueBulk<N extends JobName>(name: N, jobs: { data: JobPayloads[N]; jobId: string }[]): Promise<void>;
  close(): Promise<void>;
}

export function createQueues(connection: ConnectionOptions, prefix: string): QueueRegistry {
  const queues = {
    triage: new Queue(QUEUES.triage, { connection, prefix, defaultJobOptions }),
    onderhoud: new Queue(QUEUES.onderhoud, { connection, prefix, defaultJobOptions: { ...defaultJobOptions, attempts: 1 } }),
  };
  // A producer's connection errors surface where they are used (the outbox keeps the work); here they are noise.
  for (const q of Object.values(queues)) q.on('error', () => {});
  return {
    queues,
    async enqueue(name, data, opts) {
      await queues[queueOfJob(name)].add(name, data, opts);
    },
    async enqueueBulk(name, jobs) {
      if (!jobs.length) return;
      await queues[queueOfJob(name)].addBulk(jobs.map((j) => ({ name, data: j.data, opts: { jobId: j.jobId } })));
    },
    async close() {
      await Promise.all(Object.values(queues).map((q) => q.close()));
    },
  };
}
