// `npm start`: validate configuration, take the port (health answers from here on), bring up Postgres and Redis
// (embedded/local when not configured), migrate, seed demo data where that is wanted, then serve the API and the web
// app on PORT and run the workers; WEB_CONCURRENCY runs several such processes on the port. SIGTERM and SIGINT drain
// and shut everything down in reverse order.
import cluster from 'node:cluster';
import closeWithGrace from 'close-with-grace';
import pino from 'pino';
import { ADVISORY_LOCKS, CbsMappingError, createDb, createRegionalDb, loadCbsMapping, loadCipher, runInRegio, runMigrations, seedDemo, useFieldCipher, withAdvisoryLock } from '@vt/db';
import { connectRedis, redisTargetOf, startWorkers, type RunningWorkers } from '@vt/workers';
import { buildApp, connectionLimits, logRedact, logSerializers } from './app.ts';
import { createSwitchableServer } from './infra/http-server.ts';
import { Phase, startingHandler } from './infra/phase.ts';
import { createMailer } from './services/mail.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { setKlokInstellingen } from '@vt/db/domain';
import { isUnavailable } from './plugins/app/errors.ts';
import { MissingRedisError, startEmbeddedPostgres, startLocalRedis, startMailCatcher } from './infra/embedded.ts';

const log = pino({ level: process.env.LOG_LEVEL || 'info', redact: logRedact, serializers: logSerializers });
// (The level is taken before the configuration is read, so a configuration error is logged too; LOG_LEVEL is
// validated with the rest right after.)

async function main() {
  let config;
  try {
    config = loadConfig();
    // The CBS mapping is configuration too: a wrong file stops the process here, before anything starts.
    loadCbsMapping(config.cbsMappingFile);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof CbsMappingError) {
      console.error(`Configuration error: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  if (config.webConcurrency > 1 && cluster.isPrimary) return runCluster(config);

  const stops: { name: string; stop: () => Promise<unknown> }[] = [];
  const onStop = (name: string, stop: () => Promise<unknown>) => stops.push({ name, stop });
  // SIGTERM, SIGINT or a crash: stop in reverse order of start, within 20 s (plus the drain), then exit
  // (close-with-grace).
  closeWithGrace({ delay: 20_000 + config.drainSeconds * 1000, logger: { error: (m: string) => log.error(m) } }, async ({ signal, err }) => {
    if (err) log.error({ errName: err.name }, 'stopping after an uncaught error');
    else log.info({ signal }, 'shutting down');
    for (const { name, stop } of stops.reverse()) {
      const started = Date.now();
      await stop().catch((e: unknown) => log.warn({ errName: (e as Error)?.name, name }, 'error while stopping'));
      if (Date.now() - started > 2000) log.warn({ name, ms: Date.now() - started }, 'slow to stop');
    }
  });

  // The port is taken at once, so the health routes answer while Postgres is still coming up (infra/phase.ts); the
  // application takes the same server over when it is ready.
  const phase = new Phase();
  const server = createSwitchableServer(connectionLimits(config), startingHandler(phase));
  try {
    await server.listen(config.port, config.host);
  } catch (err) {
    console.error(`Cannot listen on ${config.host}:${config.port} (${(err as NodeJS.ErrnoException).code ?? 'error'}): is the port taken?`);
    process.exit(1);
  }
  onStop('http listener', () => server.close());

  const local = await startLocalServices(config);
  for (const service of local.stops) onStop(service.name, service.stop);
  const databaseUrl = config.databaseUrl ?? local.databaseUrl!;
  // The embedded Postgres is a fresh trial: it gets the demo data.
  const seed = config.seedDemo || !config.databaseUrl;
  const redisTarget = redisTargetOf(config.redisUrl, config.redisSentinels, config.redisClusterNodes) ?? { url: local.redisUrl! };

  // Free text is sealed at rest from the first write on (the demo seed included).
  const cipher = loadCipher({ ...config, production: config.nodeEnv === 'production' }, (msg) => log.warn(msg));
  useFieldCipher(cipher);

  if (config.migrateOnStart) await migrateWhenReachable(databaseUrl, config.databaseWaitSeconds, () => (phase.services.postgres = 'ok'));
  else {
    await waitForDatabase(databaseUrl, config.databaseWaitSeconds);
    phase.services.postgres = 'ok';
  }
  const dbOptions = { max: config.dbPoolSize, applicationName: 'veilig-thuis-api', prepare: config.dbPrepare };
  // Several regions: every request's queries run as vt_app in its caller's region (db/src/regions.ts).
  const db = config.regios ? createRegionalDb(databaseUrl, config.regios, dbOptions) : createDb(databaseUrl, dbOptions);
  onStop('database pool', () => db.close());
  // The replica is not waited for: a read that cannot reach it is answered from the primary (services/read.ts).
  const readOptions = { ...dbOptions, applicationName: 'veilig-thuis-api-read' };
  const readDb = !config.databaseReadUrl ? undefined : config.regios ? createRegionalDb(config.databaseReadUrl, config.regios, readOptions) : createDb(config.databaseReadUrl, readOptions);
  if (readDb) onStop('read replica pool', () => readDb.close());
  if (seed) {
    // Several processes starting on one database seed it one after the other; the later ones find it done.
    const result = await withAdvisoryLock(databaseUrl, ADVISORY_LOCKS.demoSeed, () => runInRegio(config.regios?.[0] ?? null, () => seedDemo(db.db, { demoPassword: config.demoPassword, demoApiKey: config.demoApiKey })));
    log.info(result, 'demo data ready');
  }

  // Producers fail fast when Redis is down (no endless offline queue); the connection reconnects by itself.
  const redis = connectRedis(redisTarget, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectionName: 'vt-api' });
  redis.on('error', (err) => log.warn({ errCode: (err as NodeJS.ErrnoException).code }, 'redis connection error'));
  redis.on('ready', () => (phase.services.redis = 'ok'));
  onStop('redis connection', () => redis.quit().catch(() => redis.disconnect()));

  let workers: RunningWorkers | undefined;
  // The region's clocks for the steps the law sets no term for (domain/deadlines.ts), for the API and its workers.
  setKlokInstellingen(config.klokken);
  if (config.runWorkers) {
    workers = await startWorkers({ databaseUrl, prepare: config.dbPrepare, redisUrl: redisTarget, log: log.child({ component: 'workers' }), prefix: config.queuePrefix, retention: config.retention, overdrachtHerinneringWerkdagen: config.overdrachtHerinneringWerkdagen, concurrency: config.triageConcurrency, stuckAfterMs: config.triageRecoveryMs, reconcileEveryMs: config.triageRecoveryMs / 2 });
    onStop('workers', () => workers!.close());
  }

  const mailer = createMailer({ smtpUrl: config.smtpUrl ?? local.smtpUrl, from: config.mailFrom, dataDir: config.dataDir });
  if (mailer.folder) log.warn(`SMTP_URL not set: mail (activation links, melders' confirmations) is written to ${mailer.folder} (never in production)`);
  const app = await buildApp({ config, db, ...(readDb ? { readDb } : {}), redis, cipher, mailer, server, phase, queuePrefix: config.queuePrefix, publicUrl: config.publicUrl, loggerInstance: log.child({ component: 'api' }), ...(workers ? { queues: Object.values(workers.queues.queues) } : {}) });
  // On SIGTERM: readiness turns 503 first while requests are still served (SHUTDOWN_DRAIN_SECONDS), so the load
  // balancer stops sending new ones; then the server stops accepting them, lets running ones finish, and the
  // workers and services stop after it.
  onStop('http server', async () => {
    phase.name = 'draining';
    if (config.drainSeconds) {
      log.info({ seconds: config.drainSeconds }, 'draining: readiness answers 503');
      await new Promise((r) => setTimeout(r, config.drainSeconds * 1000));
    }
    await Promise.all([app.close(), server.close()]);
  });
  await app.ready();
  server.activate();
  phase.name = 'ready';
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
  log.info(`Veilig Thuis backoffice ready on http://${shown}:${config.port}`);
}

/**
 * The machine-local services `npm start` brings when no URL names them (server/src/infra/embedded.ts): the embedded
 * Postgres without DATABASE_URL, a local redis-server without REDIS_URL, REDIS_SENTINELS or REDIS_CLUSTER_NODES.
 */
async function startLocalServices(config: Config) {
  const stops: { name: string; stop: () => Promise<void> }[] = [];
  let databaseUrl: string | undefined;
  let redisUrl: string | undefined;
  if (!config.databaseUrl) {
    const pg = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, (m) => log.info(m));
    stops.push({ name: 'postgres', stop: pg.stop });
    databaseUrl = pg.url;
    log.info({ port: config.embeddedPgPort }, 'embedded Postgres running (data under .data/postgres)');
  }
  if (!config.redisUrl && !config.redisSentinels && !config.redisClusterNodes) {
    try {
      const redis = await startLocalRedis(config.dataDir, config.localRedisPort);
      stops.push({ name: 'redis-server', stop: redis.stop });
      redisUrl = redis.url;
      log.info({ url: redis.url }, 'local redis-server running (data under .data/redis)');
    } catch (err) {
      if (!(err instanceof MissingRedisError)) throw err;
      console.error(err.message);
      await Promise.all(stops.map((s) => s.stop()));
      process.exit(1);
    }
  }
  // Development mail goes to a local catcher with a web page to read it (MAIL_CATCHER=files: to DATA_DIR/mail).
  let smtpUrl: string | undefined;
  if (!config.smtpUrl && config.nodeEnv !== 'production' && config.mailCatcher === 'maildev') {
    const catcher = await startMailCatcher(config.dataDir, config.maildevSmtpPort, config.maildevWebPort);
    if (catcher) {
      stops.push({ name: 'mail catcher', stop: catcher.stop });
      smtpUrl = catcher.url;
      log.info(`development mail: read it at ${catcher.webUrl} (MailDev; kept under ${config.dataDir}/maildev)`);
    } else log.warn(`the mail catcher (MailDev) did not start (not installed, or port ${config.maildevWebPort} or ${config.maildevSmtpPort} taken): mail is written to ${config.dataDir}/mail`);
  }
  return { databaseUrl, redisUrl, smtpUrl, stops };
}

/**
 * WEB_CONCURRENCY > 1: this process starts the machine-local services `npm start` brings when no URL is given (the
 * embedded Postgres, a local redis-server), then runs that many API processes on the one port (node:cluster shares
 * it). Each is the ordinary process above: it migrates and seeds under a Postgres lock, and its sessions, limits and
 * live events live in Postgres and Redis, so any of them may answer any request. One that dies is started again;
 * SIGTERM is passed on to all, and the services stop when they have.
 */
async function runCluster(config: Config) {
  const local = await startLocalServices(config);
  const env: Record<string, string> = {
    ...(local.databaseUrl ? { DATABASE_URL: local.databaseUrl, SEED_DEMO: '1' } : {}),
    ...(local.redisUrl ? { REDIS_URL: local.redisUrl } : {}),
    ...(local.smtpUrl ? { SMTP_URL: local.smtpUrl } : {}),
  };
  // The development keys (when none are configured) are made here once, before the processes that share them start.
  loadCipher({ ...config, production: config.nodeEnv === 'production' }, () => {});
  let stopping = false;
  const fork = () => cluster.fork(env);
  for (let i = 0; i < config.webConcurrency; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    log.warn({ pid: worker.process.pid, code, signal }, 'an API process stopped; starting another');
    setTimeout(fork, 1000);
  });
  log.info({ processes: config.webConcurrency }, 'API processes starting');
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, async () => {
      stopping = true;
      const children = Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
      await Promise.all(children.map((w) => new Promise((r) => (w!.once('exit', r), w!.process.kill('SIGTERM')))));
      for (const { stop } of local.stops.reverse()) await stop().catch(() => {});
      process.exit(0);
    });
  }
}

/**
 * Waits for Postgres, then migrates. A database that comes up and drops the connection again (still starting, a
 * proxy in between) makes the migration fail with a connection error: that is waited out the same way, not a crash.
 */
async function migrateWhenReachable(url: string, seconds: number, reached: () => void) {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    await waitForDatabase(url, Math.max(1, Math.ceil((until - Date.now()) / 1000)));
    reached();
    try {
      await runMigrations(url);
      return;
    } catch (err) {
      if (!isUnavailable(err) || Date.now() > until) throw err;
      log.warn({ errCode: (err as { code?: string }).code }, 'Postgres dropped the connection during migration; waiting');
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/** A database that is still starting (or briefly unreachable) is waited for, not a reason to crash-loop. */
async function waitForDatabase(url: string, seconds: number) {
  const until = Date.now() + seconds * 1000;
  let told = false;
  for (;;) {
    const probe = createDb(url, { max: 1, applicationName: 'veilig-thuis-startup', prepare: false });
    try {
      await probe.sql`select 1`;
      return;
    } catch (err) {
      const code = (err as { code?: string }).code;
      // Wrong credentials or a missing database will not fix themselves: stop at once.
      if (code === '28P01' || code === '28000' || code === '3D000') {
        console.error(`Cannot use the database (${code}): check DATABASE_URL.`);
        process.exit(1);
      }
      if (Date.now() > until) {
        console.error(`Postgres is not reachable at DATABASE_URL after ${seconds} s; is it running?`);
        process.exit(1);
      }
      if (!told) log.warn({ errCode: code }, 'waiting for Postgres');
      told = true;
      await new Promise((r) => setTimeout(r, 1000));
    } finally {
      await probe.sql.end({ timeout: 1 }).catch(() => {});
    }
  }
}

main().catch((err: unknown) => {
  log.fatal({ errName: (err as Error)?.name, message: (err as Error)?.message }, 'start-up failed');
  process.exit(1);
});
