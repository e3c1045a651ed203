// A worker process on its own (docker-compose's `worker` service): relay, reconciler, triage worker and the
// scheduled jobs. It reads the same configuration schema as the API (db/src/config.ts).
import pino from 'pino';
import { loadCipher, runMigrations, useFieldCipher } from '@vt/db';
import { ConfigError, loadConfig } from '@vt/db/config';
import { setKlokInstellingen } from '@vt/db/domain';
import { redisTargetOf, startWorkers } from './index.ts';

let config;
try {
  config = loadConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(`Configuration error: ${err.message}`);
  process.exit(1);
}
const log = pino({ level: config.logLevel });
const redis = redisTargetOf(config.redisUrl, config.redisSentinels, config.redisClusterNodes);
if (!config.databaseUrl || !redis) {
  console.error('Configuration error: the worker needs DATABASE_URL and REDIS_URL (or REDIS_SENTINELS or REDIS_CLUSTER_NODES)');
  process.exit(1);
}
// The worker reads sealed data through the same keys as the API.
useFieldCipher(loadCipher({ ...config, production: config.nodeEnv === 'production' }, (msg) => log.warn(msg)));
if (config.migrateOnStart) await runMigrations(config.databaseUrl);
// The region's clocks for the steps the law sets no term for (domain/deadlines.ts).
setKlokInstellingen(config.klokken);
const workers = await startWorkers({
  databaseUrl: config.databaseUrl,
  redisUrl: redis,
  prepare: config.dbPrepare,
  log,
  prefix: config.queuePrefix,
  concurrency: config.triageConcurrency,
  stuckAfterMs: config.triageRecoveryMs,
  reconcileEveryMs: config.triageRecoveryMs / 2,
  retention: config.retention,
  overdrachtHerinneringWerkdagen: config.overdrachtHerinneringWerkdagen,
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
