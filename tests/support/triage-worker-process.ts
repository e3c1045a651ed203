// The triage worker alone in a process of its own, whose announcements can be made to hang (ANNOUNCE_PORT: a
// server that accepts and never answers), so a test can kill it after its triage committed and before the
// announcement went out.
import { Redis } from 'ioredis';
import pino from 'pino';
import { createDb, useFieldCipher } from '@vt/db';
import { eventsChannel, redisOptions, startTriageWorker } from '@vt/workers';
import { testCipher } from './env.ts';

useFieldCipher(testCipher);
const { DATABASE_URL, REDIS_URL, BULL_PREFIX, LOCK_MS, ANNOUNCE_PORT } = process.env;
const db = createDb(DATABASE_URL!, { max: 4, applicationName: 'veilig-thuis-workers' });
const publisher = ANNOUNCE_PORT
  ? new Redis({ host: '127.0.0.1', port: Number(ANNOUNCE_PORT), enableReadyCheck: false, maxRetriesPerRequest: null })
  : new Redis(redisOptions(REDIS_URL!, { maxRetriesPerRequest: 1 }));
publisher.on('error', () => {});
startTriageWorker({
  db,
  connection: redisOptions(REDIS_URL!, { maxRetriesPerRequest: null }),
  prefix: BULL_PREFIX!,
  publisher,
  channel: eventsChannel(BULL_PREFIX!, redisOptions(REDIS_URL!).db ?? 0),
  log: pino({ level: 'silent' }),
  lockDurationMs: Number(LOCK_MS ?? 1500),
});
process.send?.('ready');
