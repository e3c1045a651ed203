// A worker in a process of its own, so a test can SIGKILL it mid-job.
import pino from 'pino';
import { useFieldCipher } from '@vt/db';
import { startWorkers } from '@vt/workers';
import { testCipher } from './env.ts';

useFieldCipher(testCipher);

const { DATABASE_URL, REDIS_URL, BULL_PREFIX, LOCK_MS, STUCK_MS } = process.env;
await startWorkers({
  databaseUrl: DATABASE_URL!,
  redisUrl: REDIS_URL!,
  log: pino({ level: 'silent' }),
  prefix: BULL_PREFIX!,
  pollMs: 200,
  lockDurationMs: Number(LOCK_MS ?? 2000),
  // Only BullMQ's stalled-job recovery brings a job back, not the reconciler, unless a test asks otherwise.
  stuckAfterMs: Number(STUCK_MS ?? 10 * 60_000),
});
process.send?.('ready');
