// `npm start` as a newcomer runs it: the real process, with the embedded Postgres and a local redis-server, and
// with DATABASE_URL, REDIS_URL, PORT and SEED_DEMO from the environment. SIGTERM must end it cleanly.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { TEST_REDIS_URL } from '../support/env.ts';
import { publiekeMeldingBody } from '../support/fixtures.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

// `npm start` runs the esbuild bundle of server/src/main.ts; build it once and run exactly that.
beforeAll(() => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/build-server.ts'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build:server failed:\n${r.stdout}${r.stderr}`);
}, 60_000);

function start(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let out = '';
  const child = spawn(process.execPath, ['server/dist/main.mjs'], {
    cwd: root,
    // Mail to files unless a test is about the mail catcher (it would take the default ports otherwise).
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', MAIL_CATCHER: 'files', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return { child, output: () => out };
}

async function waitReady(port: number, child: ChildProcess, output: () => string, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`not ready within ${timeoutMs} ms:\n${output()}`);
}

async function until(fn: () => boolean, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (!fn()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill('SIGTERM');
  return exited;
}

async function loginWorks(port: number): Promise<boolean> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'chef@demo.test', password: 'demo-veilig-thuis' }),
  });
  return res.status === 200;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe('npm start', () => {
  it('uses DATABASE_URL, REDIS_URL (with its database number), PORT and SEED_DEMO=1', async () => {
    const db: TestDatabase = await createTestDatabase();
    cleanups.push(() => db.drop());
    // An empty database: start must migrate it and seed it.
    const admin = postgres(db.url, { max: 1, onnotice: () => {} });
    await admin.unsafe('drop schema public cascade; create schema public; drop schema if exists drizzle cascade;');
    await admin.end();
    const port = await freePort();
    const redisUrl = `${TEST_REDIS_URL.replace(/\/\d*$/, '')}/7`;
    const { child, output } = start({ DATABASE_URL: db.url, REDIS_URL: redisUrl, PORT: String(port), SEED_DEMO: '1' });
    cleanups.push(() => void stop(child));
    await waitReady(port, child, output);
    expect(await loginWorks(port)).toBe(true);
    const check = postgres(db.url, { max: 1 });
    const [{ n }] = (await check`select count(*)::int as n from meldingen`) as unknown as [{ n: number }];
    await check.end();
    expect(n).toBeGreaterThan(0);
    if (existsSync(join(root, 'web/dist/index.html'))) {
      const page = await fetch(`http://127.0.0.1:${port}/werkvoorraad`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="app"');
    }
    expect(await stop(child)).toBe(0);
  }, 120_000);

  it('WEB_CONCURRENCY=2 runs two API processes on one port; a session from one holds on the other; SIGTERM stops both', async () => {
    const db: TestDatabase = await createTestDatabase();
    cleanups.push(() => db.drop());
    const port = await freePort();
    const redisUrl = `${TEST_REDIS_URL.replace(/\/\d*$/, '')}/7`;
    const { child, output } = start({ DATABASE_URL: db.url, REDIS_URL: redisUrl, PORT: String(port), WEB_CONCURRENCY: '2', RUN_WORKERS: '0' });
    cleanups.push(() => void stop(child));
    await waitReady(port, child, output);
    await until(() => (output().match(/backoffice ready on/g) ?? []).length === 2, 60_000);
    const children = () => spawnSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
    expect(children()).toHaveLength(2);
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify({ email: 'chef@demo.test', password: 'demo-veilig-thuis' }),
    });
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    // Each request on a connection of its own, spread over both processes by the cluster: the session is in Postgres.
    const statuses = await Promise.all(Array.from({ length: 12 }, () => fetch(`http://127.0.0.1:${port}/api/auth/session`, { headers: { cookie, connection: 'close' } }).then((r) => r.status)));
    expect(statuses).toEqual(Array(12).fill(200));
    const pids = children();
    expect(await stop(child)).toBe(0);
    for (const pid of pids) expect(spawnSync('kill', ['-0', pid]).status).not.toBe(0);
  }, 120_000);

  it('starts its own embedded Postgres and redis-server when neither is configured', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vt-start-'));
    // As root the embedded Postgres runs as the postgres user, which must be able to reach its data folder.
    chmodSync(dataDir, 0o755);
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const [port, pgPort, redisPort, webPort, smtpPort] = [await freePort(), await freePort(), await freePort(), await freePort(), await freePort()];
    const env = { DATABASE_URL: '', REDIS_URL: '', SMTP_URL: '', MAIL_CATCHER: 'maildev', PORT: String(port), DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), LOCAL_REDIS_PORT: String(redisPort), MAILDEV_WEB_PORT: String(webPort), MAILDEV_SMTP_PORT: String(smtpPort) };
    const first = start(env);
    cleanups.push(() => void stop(first.child));
    await waitReady(port, first.child, first.output, 150_000);
    expect(await loginWorks(port)).toBe(true);
    // And a mail catcher: the mail the product sends (here an online melder's confirmation) is read on its web page.
    expect(first.output()).toContain(`development mail: read it at http://127.0.0.1:${webPort}`);
    const form = (await (await fetch(`http://127.0.0.1:${port}/api/publiek/formulier`)).json()) as { formulier: string; minSeconden: number };
    await new Promise((r) => setTimeout(r, form.minSeconden * 1000 + 300));
    const filed = await fetch(`http://127.0.0.1:${port}/api/publiek/meldingen`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(publiekeMeldingBody(form.formulier)) });
    expect(filed.status, await filed.clone().text()).toBe(201);
    const { reference } = (await filed.json()) as { reference: string };
    await expect
      .poll(async () => ((await (await fetch(`http://127.0.0.1:${webPort}/email`)).json()) as { subject: string; to: { address: string }[] }[]).map((m) => `${m.to[0]?.address} ${m.subject}`), { timeout: 10_000 })
      .toContain(`juf@school.example Bevestig uw melding bij Veilig Thuis (${reference})`);
    expect(await stop(first.child)).toBe(0);
    // The catcher stopped with the product.
    expect(await fetch(`http://127.0.0.1:${webPort}/healthz`).then(() => 'up', () => 'down')).toBe('down');
    // The data persists: a second start finds the same database and does not seed twice.
    const second = start(env);
    cleanups.push(() => void stop(second.child));
    await waitReady(port, second.child, second.output, 90_000);
    expect(await loginWorks(port)).toBe(true);
    expect(await stop(second.child)).toBe(0);
  }, 240_000);

  it('stops with one clear line when the configuration is wrong', async () => {
    const { child, output } = start({ PORT: 'zeventig' });
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    expect(code).toBe(1);
    expect(output().trim()).toBe('Configuration error: PORT must be an integer between 0 and 65535, got "zeventig"');
  }, 60_000);
});
