// A worker process on its own (docker-compose's `worker` service): relay, reconciler and triage worker.
import pino from 'pino';
import { cipherFromEnv, runMigrations, useFieldCipher } from '@vt/db';
import { startWorkers } from './index.ts';

const log = pino({ level: process.env.LOG_LEVEL || 'info' });
const { DATABASE_URL, REDIS_URL } = process.env;
if (!DATABASE_URL || !REDIS_URL) {
  console.error('Configuration error: the worker needs DATABASE_URL and REDIS_URL');
  process.exit(1);
}
// The worker reads free text (sealed at rest) through the same keys as the API.
useFieldCipher(cipherFromEnv(process.env, (msg) => log.warn(msg)));
await runMigrations(DATABASE_URL);
const concurrency = Number(process.env.TRIAGE_CONCURRENCY);
const workers = await startWorkers({
  databaseUrl: DATABASE_URL,
  redisUrl: REDIS_URL,
  log,
  ...(Number.isInteger(concurrency) && concurrency > 0 ? { concurrency } : {}),
  retention: { adviesYears: Number(process.env.RETENTION_ADVIES_YEARS || 2), meldingYears: Number(process.env.RETENTION_MELDING_YEARS || 20) },
  overdrachtHerinneringWerkdagen: Number(process.env.OVERDRACHT_HERINNERING_WERKDAGEN || 5),
});
let closing = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'worker shutting down');
    await workers.close();
    process.exit(0);
  });
}
