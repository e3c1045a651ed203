// The triage worker: loads the melding by id, runs the pure triage policy, stores the proposal in one
// transaction and announces it. A job for a run that is already stored changes nothing, so retries,
// duplicates and a job replayed after a crash are harmless.
import { UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { RedisClient } from './redis.ts';
import type { Logger } from 'pino';
import { cachedKalender, runTriage, type DbHandle } from '@vt/db';
import type { TriagePolicy } from '@vt/db/domain';
import { publishEvents } from './events.ts';
import { QUEUES, type JobPayloads } from './queues.ts';

/** Jobs one process runs at once; TRIAGE_CONCURRENCY overrides it (server/src/main.ts, workers/src/main.ts). */
export const DEFAULT_TRIAGE_CONCURRENCY = 8;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TriageWorkerOptions {
  db: DbHandle;
  connection: ConnectionOptions;
  prefix: string;
  publisher: RedisClient;
  channel: string;
  log: Logger;
  concurrency?: number;
  /** Pins one policy version (tests); by default the active version at each run's moment. */
  policy?: TriagePolicy;
  /** How long a job's lock lasts before BullMQ considers a silent worker dead and hands the job to another. */
  lockDurationMs?: number;
}

export function startTriageWorker(o: TriageWorkerOptions): Worker {
  const kalender = cachedKalender(o.db.db);
  // Without a pinned policy each run uses the version active at its moment (triage_beleid_activaties).
  const policy = o.policy;

  const worker = new Worker<JobPayloads['triage-melding']>(
    QUEUES.triage,
    async (job: Job<JobPayloads['triage-melding']>) => {
      const { meldingId, run } = job.data ?? ({} as JobPayloads['triage-melding']);
      if (typeof meldingId !== 'string' || !UUID.test(meldingId) || !Number.isInteger(run) || run < 1) {
        throw new UnrecoverableError('invalid triage job payload');
      }
      const k = await kalender();
      const outcome = await o.db.db.transaction((tx) => runTriage(tx, meldingId, run, { policy, kalender: k }));
      if (outcome.kind === 'skipped') {
        if (outcome.reason === 'not_found') throw new UnrecoverableError('melding not found');
        // A job that was started before (its worker died, BullMQ handed it on) may have committed without announcing:
        // announce the case as it stands, so the screens that listen hear of it once more rather than never.
        if (job.attemptsStarted > 1) await publishEvents(o.publisher, o.channel, [{ type: 'melding.triaged', ...outcome.current, team: outcome.current.teamKind }]).catch(() => {});
        return { skipped: outcome.reason };
      }
      const base = { id: outcome.id, reference: outcome.reference, band: outcome.result.band, route: outcome.result.route, team: outcome.teamKind };
      // Announced after commit; a lost announcement only delays a screen refresh, never the triage itself.
      await publishEvents(o.publisher, o.channel, [
        { type: 'melding.triaged', ...base },
        { type: 'melding.routed', ...base },
      ]).catch(() => {});
      return { band: outcome.result.band, route: outcome.result.route, run };
    },
    {
      connection: o.connection,
      prefix: o.prefix,
      // Each job mostly waits on a few Postgres round trips, so several run at once per process.
      concurrency: o.concurrency ?? DEFAULT_TRIAGE_CONCURRENCY,
      autorun: true,
      // A triage job takes milliseconds; a 10 s lock means a crashed worker's job is picked up again within ~15 s
      // (BullMQ's default of 30 s + 30 s is long for a crisis line).
      lockDuration: o.lockDurationMs ?? 10_000,
      stalledInterval: o.lockDurationMs ?? 5_000,
    },
  );
  worker.on('failed', (job, err) => {
    o.log.warn({ jobId: job?.id, attempts: job?.attemptsMade, errName: err.name, unrecoverable: err instanceof UnrecoverableError }, 'triage job failed');
  });
  worker.on('error', (err) => o.log.warn({ errName: err.name, errCode: (err as { code?: string }).code }, 'triage worker error'));
  return worker;
}
