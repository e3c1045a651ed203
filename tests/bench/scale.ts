// `npm run bench:scale` (issue #19, acceptance 3): what more processes buy on this machine, in one run.
//   1. intake: POST /api/meldingen through `npm start`'s bundle with 1 and with 2 API processes (WEB_CONCURRENCY),
//      no workers, the same clients; throughput as a ratio, and where the machine's CPU went meanwhile (the API
//      processes, Postgres, Redis, the load generator, idle);
//   2. triage: a backlog of meldingen drained by 1 and by 2 worker processes (workers/dist/main.mjs), from the moment
//      the workers are up until the last proposal is stored; the same CPU split;
//   3. live events: 500 SSE clients (five staff members, a hundred tabs each) on one API, events published as the
//      workers do, and the delay from publish to arrival at every client that may hear it (target p95 < 250 ms).
// On 2 cores the ceiling is the machine: a second process can only use what the first left idle.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { amsterdamDate } from '@vt/db/domain';
import { eventsChannel } from '@vt/workers';
import { DEMO_API_KEY, TEST_DATA_KEYS, TEST_INDEX_KEYS } from '../support/env.ts';
import { meldingBody } from '../support/fixtures.ts';
import { freePort, startServer, waitReady, type ServerProcess } from '../support/server-process.ts';
import { openEvents, signIn, type EventStream } from '../support/sse.ts';
import { benchEnvironment, buildServerBundle, gitCommit, recordResults } from './record.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 24);
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 2000);
const SSE_CLIENTS = Number(process.env.BENCH_SSE_CLIENTS ?? 500);
const SSE_EVENTS = Number(process.env.BENCH_SSE_EVENTS ?? 30);

function readFileSyncSafe(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** CPU seconds used so far by the processes whose command line matches each group, and by the machine. */
function cpuSample(groups: Record<string, (cmd: string, pid: number) => boolean>) {
  const out: Record<string, number> = Object.fromEntries(Object.keys(groups).map((g) => [g, 0]));
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const stat = readFileSyncSafe(`/proc/${d}/stat`);
    const cmd = readFileSyncSafe(`/proc/${d}/cmdline`)?.replace(/\0/g, ' ') ?? '';
    if (!stat) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    for (const [g, match] of Object.entries(groups)) {
      if (match(cmd, Number(d))) {
        // /proc counts in clock ticks of 1/100 s (USER_HZ) on Linux.
        out[g]! += ticks / 100;
        break;
      }
    }
  }
  const cpu = readFileSyncSafe('/proc/stat')!.split('\n')[0]!.split(/\s+/).slice(1).map(Number);
  out.idle = (cpu[3]! + cpu[4]!) / 100;
  out.total = cpu.reduce((a, b) => a + b, 0) / 100;
  return out;
}

const groups = {
  api: (cmd: string) => cmd.includes('server/dist/main.mjs'),
  workers: (cmd: string) => cmd.includes('workers/dist/main.mjs'),
  postgres: (cmd: string) => cmd.startsWith('postgres') || cmd.includes('/postgres '),
  redis: (cmd: string) => cmd.startsWith('redis-server'),
  'load generator (this bench)': (_cmd: string, pid: number) => pid === process.pid,
};

/** Where the machine's CPU time went between two samples, in percent of all cores. */
function split(a: ReturnType<typeof cpuSample>, b: ReturnType<typeof cpuSample>): string {
  const total = b.total! - a.total!;
  const parts = [...Object.keys(groups), 'idle'].map((g) => `${g} ${(((b[g]! - a[g]!) / total) * 100).toFixed(0)}%`);
  const counted = [...Object.keys(groups), 'idle'].reduce((s, g) => s + (b[g]! - a[g]!), 0);
  return `${parts.join(', ')}, other ${Math.max(0, ((total - counted) / total) * 100).toFixed(0)}%`;
}

async function intake(db: string, redisUrl: string, processes: number) {
  const port = await freePort();
  const server = startServer({ DATABASE_URL: db, REDIS_URL: redisUrl, RUN_WORKERS: '0', WEB_CONCURRENCY: String(processes) }, port, [], { bundle: true });
  await waitReady(server);
  // Until every process of the cluster is up (each logs at warn level: the bundle is started with LOG_LEVEL=warn).
  await new Promise((r) => setTimeout(r, processes > 1 ? 3000 : 500));
  const body = JSON.stringify(meldingBody());
  const opts = { url: `${server.base}/api/meldingen`, method: 'POST' as const, body, headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' }, connections: CONNECTIONS };
  await autocannon({ ...opts, duration: 2 }); // warm-up
  const before = cpuSample(groups);
  const r = await autocannon({ ...opts, duration: SECONDS });
  const after = cpuSample(groups);
  if (r.non2xx || r.errors) throw new Error(`intake with ${processes}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  server.child.kill('SIGTERM');
  await server.exited;
  return { rps: r.requests.average, p95: r.latency.p97_5, cpu: split(before, after) };
}

function startWorker(db: string, redisUrl: string): { child: ChildProcess; up: Promise<void> } {
  const child = spawn(process.execPath, ['--max-old-space-size=512', 'workers/dist/main.mjs'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', DATABASE_URL: db, REDIS_URL: redisUrl, DATA_ENCRYPTION_KEYS: TEST_DATA_KEYS, BLIND_INDEX_KEYS: TEST_INDEX_KEYS },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const up = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('workers running') && resolve());
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
  return { child, up };
}

/**
 * Where Postgres spends its time, when pg_stat_statements is loaded (shared_preload_libraries): counters reset now,
 * and the three statements with the most execution time since, when the returned function is called.
 */
async function topStatements(sql: postgres.Sql): Promise<() => Promise<string[]>> {
  try {
    await sql`create extension if not exists pg_stat_statements`;
    await sql`select pg_stat_statements_reset()`;
  } catch {
    return async () => [];
  }
  return async () =>
    (await sql<{ calls: number; ms: number; q: string }[]>`
      select calls::int, round(total_exec_time)::int as ms, left(regexp_replace(query, '[[:space:]]+', ' ', 'g'), 90) as q
        from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
       order by total_exec_time desc limit 3`).map((r) => `${r.ms} ms in ${r.calls} calls: \`${r.q}…\``);
}

async function triage(sql: postgres.Sql, api: ServerProcess, db: string, redisUrl: string, workers: number) {
  // The backlog: meldingen that arrived while no worker ran (each about a household of its own). 1 worker runs first,
  // on the smaller tables: if anything, the ratio is understated.
  let next = 0;
  const ids: string[] = [];
  await Promise.all(
    Array.from({ length: 12 }, async () => {
      while (next < BACKLOG) {
        const i = next++;
        const body = meldingBody({
          huishouden: { adres: { straat: 'Schaalweg', huisnummer: String(i + 1), postcode: `${7500 + (i % 400)} AB`, plaats: 'Enschede' }, gemeente: 'GM0153' },
          betrokkenen: [{ rol: 'slachtoffer', voornaam: `Schaal${workers}x${i}`, achternaam: 'Slachtoffer', geboortedatum: '1990-04-01' }],
        });
        const r = await fetch(`${api.base}/api/meldingen`, { method: 'POST', headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
        if (r.status !== 201) throw new Error(`backlog: ${r.status}`);
        ids.push(((await r.json()) as { id: string }).id);
      }
    }),
  );
  // Watched through the workers' own live events (melding.triaged), so the watching costs Postgres nothing; checked
  // against the proposals stored once at the end.
  const waiting = new Set(ids);
  const listener = new Redis(redisUrl);
  await listener.subscribe(eventsChannel('vt', Number(new URL(redisUrl).pathname.slice(1) || 0)));
  let done!: () => void;
  const drained = new Promise<void>((r) => (done = r));
  listener.on('message', (_c, msg: string) => {
    const e = JSON.parse(msg) as { type: string; id: string };
    if (e.type === 'melding.triaged' && waiting.delete(e.id) && waiting.size === 0) done();
  });
  const started = Array.from({ length: workers }, () => startWorker(db, redisUrl));
  await Promise.all(started.map((w) => w.up));
  const statements = await topStatements(sql);
  const t0 = performance.now();
  const before = cpuSample(groups);
  await drained;
  const seconds = (performance.now() - t0) / 1000;
  const after = cpuSample(groups);
  const top = await statements();
  listener.disconnect();
  const [stored] = await sql<{ n: number }[]>`select count(distinct melding_id)::int as n from triage_voorstellen where melding_id = any(${`{${ids.join(',')}}`}::uuid[])`;
  if (stored!.n !== BACKLOG) throw new Error(`triage: ${stored!.n} of ${BACKLOG} proposals stored`);
  for (const w of started) w.child.kill('SIGTERM');
  await Promise.all(started.map((w) => new Promise((r) => w.child.once('exit', r))));
  return { perSecond: BACKLOG / seconds, seconds, cpu: split(before, after), top };
}

async function fanOut(sql: postgres.Sql, db: string, redisUrl: string) {
  const port = await freePort();
  const api = startServer({ DATABASE_URL: db, REDIS_URL: redisUrl, RUN_WORKERS: '0' }, port, [], { bundle: true });
  await waitReady(api);
  // Five staff members with different reach, a hundred open tabs each.
  const users = ['chef@demo.test', 'beoordelaar@demo.test', 'crisis@demo.test', 'medewerker@demo.test', 'adviseur@demo.test'];
  const sessions = await Promise.all(users.map((u) => signIn(api.base, u)));
  const streams: EventStream[] = [];
  for (let i = 0; i < SSE_CLIENTS; i++) streams.push(openEvents(api.base, sessions[i % sessions.length]!));
  await Promise.all(streams.map((s) => s.opened));
  const [m] = await sql<{ id: string; reference: string }[]>`select id, reference from meldingen order by created_at desc limit 1`;
  const publisher = new Redis(redisUrl);
  const channel = eventsChannel('vt', Number(new URL(redisUrl).pathname.slice(1) || 0));
  const sent: { id: string; at: number }[] = [];
  const before = cpuSample(groups);
  for (let i = 0; i < SSE_EVENTS; i++) {
    const at = Date.now();
    // As the workers publish it (events.ts): ids, reference, band, route, team; the API asks the record rule per client.
    await publisher.publish(channel, JSON.stringify({ type: 'melding.updated', id: m!.id, reference: m!.reference, band: 'P2', route: null, team: null, gemeente: 'GM0153', seq: i }));
    sent.push({ id: m!.id, at });
    await new Promise((r) => setTimeout(r, 200));
  }
  await new Promise((r) => setTimeout(r, 2000));
  const after = cpuSample(groups);
  const delays: number[] = [];
  let receivers = 0;
  for (const s of streams) {
    const got = s.events.filter((e) => e.type === 'melding.updated');
    if (got.length) receivers++;
    // The n-th event a client received is the n-th one sent (one publisher, order kept per client).
    got.forEach((e, n) => delays.push(e.at - sent[n]!.at));
  }
  for (const s of streams) s.close();
  publisher.disconnect();
  api.child.kill('SIGTERM');
  await api.exited;
  delays.sort((a, b) => a - b);
  const at = (p: number) => delays[Math.min(delays.length - 1, Math.ceil((p / 100) * delays.length) - 1)] ?? NaN;
  return { receivers, deliveries: delays.length, p50: at(50), p95: at(95), max: delays.at(-1) ?? NaN, cpu: split(before, after) };
}

async function main() {
  const { db, redisUrl } = await benchEnvironment();
  buildServerBundle();
  const sql = postgres(db.url, { max: 2, onnotice: () => {} });

  // 1, 2, 2, 1: each count of processes meets the table at both sizes (it grows with every run), averaged.
  const runs: Record<number, Awaited<ReturnType<typeof intake>>[]> = { 1: [], 2: [] };
  for (const n of [1, 2, 2, 1]) runs[n]!.push(await intake(db.url, redisUrl, n));
  const mean = (n: number) => ({ rps: (runs[n]![0]!.rps + runs[n]![1]!.rps) / 2, p95: Math.max(runs[n]![0]!.p95, runs[n]![1]!.p95), cpu: runs[n]![1]!.cpu });
  const i1 = mean(1);
  const i2 = mean(2);
  await sql`vacuum analyze meldingen`;

  const api = startServer({ DATABASE_URL: db.url, REDIS_URL: redisUrl, RUN_WORKERS: '0' }, await freePort(), [], { bundle: true });
  await waitReady(api);
  // The intake runs' meldingen (one household, thousands of times) are not part of the triage runs: neither their
  // outbox rows nor the reconciler may bring them to the workers.
  await sql`delete from outbox`;
  await sql`update meldingen set triage_run = triage_requested where triage_run < triage_requested`;
  const t1 = await triage(sql, api, db.url, redisUrl, 1);
  const t2 = await triage(sql, api, db.url, redisUrl, 2);
  api.child.kill('SIGTERM');
  await api.exited;

  const f = await fanOut(sql, db.url, redisUrl);
  await sql.end();
  await db.drop();

  const date = amsterdamDate(new Date());
  const lines = [
    `\n## bench:scale ${date} (${gitCommit()}, ${cpus().length} cores)\n`,
    '| measure | 1 process | 2 processes | ratio 2:1 |',
    '| --- | --- | --- | --- |',
    `| intake, POST /api/meldingen per s (${CONNECTIONS} clients, ${SECONDS} s, mean of 2 runs; worst p97.5) | ${i1.rps.toFixed(0)} (p97.5 ${i1.p95} ms) | ${i2.rps.toFixed(0)} (p97.5 ${i2.p95} ms) | ${(i2.rps / i1.rps).toFixed(2)} |`,
    `| triage, meldingen per s (backlog of ${BACKLOG}) | ${t1.perSecond.toFixed(0)} (${t1.seconds.toFixed(1)} s) | ${t2.perSecond.toFixed(0)} (${t2.seconds.toFixed(1)} s) | ${(t2.perSecond / t1.perSecond).toFixed(2)} |`,
    '',
    `Live events: ${SSE_CLIENTS} SSE clients on one API process, ${SSE_EVENTS} events: ${f.deliveries} deliveries to the ${f.receivers} clients that may see the case; delay p50 ${f.p50} ms, **p95 ${f.p95} ms** (target < 250 ms), max ${f.max} ms.`,
    '',
    'Where the CPU went (share of all cores over each measured interval):',
    `- intake, 1 API: ${i1.cpu}`,
    `- intake, 2 APIs: ${i2.cpu}`,
    `- triage, 1 worker: ${t1.cpu}`,
    `- triage, 2 workers: ${t2.cpu}`,
    `- live events, ${SSE_CLIENTS} clients: ${f.cpu}`,
    ...(t2.top.length ? ['', 'Postgres during the triage with 2 workers (pg_stat_statements, most time first):', ...t2.top.map((t) => `- ${t}`)] : []),
  ];
  console.log(lines.join('\n'));
  recordResults(lines.join('\n') + '\n');
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
