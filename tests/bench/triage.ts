// `npm run bench:triage`: the whole triage path measured against the machine's own BullMQ limit, in one run.
//   1. bare BullMQ: no-op jobs, add → worker → completed, at the triage worker's concurrency (the ceiling);
//   2. the whole path: POST /api/meldingen over HTTP → outbox → relay → BullMQ → triage worker → stored proposal,
//      against the process `npm start` runs (the bundle, API and workers in one process), clients in this one;
//   3. latency from the POST's response to the `melding.triaged` event at 50 meldingen per second.
// Prints a table and appends it to tests/bench/RESULTS.md with the date and commit.
import { Queue, QueueEvents, Worker } from 'bullmq';
import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { DEFAULT_TRIAGE_CONCURRENCY, eventsChannel, redisOptions } from '@vt/workers';
import { DEMO_API_KEY, TEST_REDIS_URL } from '../support/env.ts';
import { meldingBody } from '../support/fixtures.ts';
import { freePort, startServer, waitReady } from '../support/server-process.ts';
import { benchEnvironment, buildServerBundle, gitCommit, recordResults } from './record.ts';

const CONCURRENCY = DEFAULT_TRIAGE_CONCURRENCY;
const CLIENTS = 20;
const N_BARE = Number(process.env.BENCH_BARE_JOBS ?? 3000);
const N_PATH = Number(process.env.BENCH_PATH_MELDINGEN ?? 1000);
const RATE = 50;
const LATENCY_SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 10);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};

/**
 * The bare BullMQ limits on this machine: (a) the round trip the issue names — CLIENTS producers that each add a
 * no-op job and wait until a worker completed it, then add the next; (b) the bulk ceiling — jobs added in batches of
 * 100 and drained at the triage worker's concurrency.
 */
async function bareBullmq(prefix: string): Promise<{ roundTrip: number; bulk: number }> {
  const connection = redisOptions(`${TEST_REDIS_URL.replace(/\/\d*$/, '')}/15`, { maxRetriesPerRequest: null });
  const queue = new Queue('bench-noop', { connection, prefix });
  const events = new QueueEvents('bench-noop', { connection, prefix });
  await events.waitUntilReady();
  let done = 0;
  let target = 0;
  let resolveAll!: () => void;
  const worker = new Worker('bench-noop', async () => null, { connection, prefix, concurrency: CONCURRENCY });
  worker.on('completed', () => {
    if (++done === target) resolveAll();
  });

  // (a) round trips
  let startRt = performance.now();
  let next = 0;
  const n = Math.min(N_BARE, 2000);
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < n) {
        next++;
        const job = await queue.add('noop', {}, { removeOnComplete: 1000 });
        await job.waitUntilFinished(events, 10_000);
      }
    }),
  );
  const roundTrip = n / ((performance.now() - startRt) / 1000);

  // (b) bulk
  done = 0;
  target = N_BARE;
  const all = new Promise<void>((r) => (resolveAll = r));
  startRt = performance.now();
  for (let i = 0; i < N_BARE; i += 100) {
    await queue.addBulk(Array.from({ length: Math.min(100, N_BARE - i) }, (_, k) => ({ name: 'noop', data: { i: i + k }, opts: { removeOnComplete: true } })));
  }
  await all;
  const bulk = N_BARE / ((performance.now() - startRt) / 1000);
  await worker.close();
  await events.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return { roundTrip, bulk };
}

/** A melding about a household and persons of its own, as real intake is (the radar finds nothing to connect). */
const uniqueMelding = (i: number) =>
  meldingBody({
    huishouden: { adres: { straat: 'Benchweg', huisnummer: String(i), postcode: `${7500 + (i % 400)} AB`, plaats: 'Enschede' }, gemeente: 'GM0153' },
    betrokkenen: [
      { rol: 'slachtoffer', voornaam: `Bench${i}`, achternaam: 'Slachtoffer', geboortedatum: '1990-04-01' },
      { rol: 'kind', voornaam: `Bench${i}`, achternaam: 'Kind', geboortedatum: '2024-01-15' },
    ],
  });

async function main() {
  const { db, redisUrl } = await benchEnvironment();
  buildServerBundle();
  const port = await freePort();
  const server = startServer({ DATABASE_URL: db.url, REDIS_URL: redisUrl }, port, [], { bundle: true });
  await waitReady(server);
  const address = server.base;
  const headers = { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' };
  const post = (i: number) =>
    fetch(`${address}/api/meldingen`, {
      method: 'POST',
      headers,
      body: JSON.stringify(uniqueMelding(i)),
    }).then(async (res) => {
      if (res.status !== 201) throw new Error(`POST answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as { id: string };
    });
  const stored = async () => (await db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from triage_voorstellen`))[0]!.n;

  try {
    // 1. The ceiling.
    const bare = await bareBullmq(`bench-bare-${process.pid}`);

    // 2. Throughput of the whole path: N meldingen posted by CLIENTS concurrent clients, until every proposal is stored.
    const before = await stored();
    const start = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < N_PATH) await post(next++);
      }),
    );
    const postedAfter = performance.now() - start;
    const storedWhenPosted = (await stored()) - before;
    while ((await stored()) - before < N_PATH) await new Promise((r) => setTimeout(r, 20));
    const pathThroughput = N_PATH / ((performance.now() - start) / 1000);

    // 3. Latency at 50/s: from the POST's answer to the melding.triaged event.
    const sub = new Redis(redisUrl);
    const triagedAt = new Map<string, number>();
    await sub.subscribe(eventsChannel('vt', 15));
    sub.on('message', (_c, msg: string) => {
      const e = JSON.parse(msg) as { type: string; id: string };
      if (e.type === 'melding.triaged') triagedAt.set(e.id, performance.now());
    });
    const answeredAt = new Map<string, number>();
    const total = RATE * LATENCY_SECONDS;
    const t0 = performance.now();
    const inflight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = t0 + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      inflight.push(post(100_000 + i).then((m) => void answeredAt.set(m.id, performance.now())));
    }
    await Promise.all(inflight);
    const deadline = performance.now() + 30_000;
    while ([...answeredAt.keys()].some((id) => !triagedAt.has(id)) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    sub.disconnect();
    const latencies = [...answeredAt].filter(([id]) => triagedAt.has(id)).map(([id, at]) => Math.max(0, triagedAt.get(id)! - at));

    const rows = [
      [`bare BullMQ no-op round trip, ${CLIENTS} clients (jobs/s)`, bare.roundTrip.toFixed(0)],
      ['bare BullMQ bulk drain ceiling (jobs/s)', bare.bulk.toFixed(0)],
      [`whole path POST → stored proposal, ${CLIENTS} clients (meldingen/s)`, pathThroughput.toFixed(0)],
      ['ratio whole path / bare round trip (target ≥ 0.25)', (pathThroughput / bare.roundTrip).toFixed(2)],
      ['  of which: POSTs answered per second during the run', (N_PATH / (postedAfter / 1000)).toFixed(0)],
      ['  proposals stored when the last POST was answered', `${storedWhenPosted} of ${N_PATH}`],
      ['ratio whole path / bulk ceiling', (pathThroughput / bare.bulk).toFixed(3)],
      [`latency POST answer → melding.triaged at ${RATE}/s, p50 (ms)`, pct(latencies, 50).toFixed(1)],
      ['p95 (ms, target < 150)', pct(latencies, 95).toFixed(1)],
      ['p99 (ms)', pct(latencies, 99).toFixed(1)],
      ['meldingen measured for latency', `${latencies.length} of ${total}`],
    ];
    const width = Math.max(...rows.map((r) => r[0]!.length));
    const table = rows.map(([k, v]) => `${k!.padEnd(width)}  ${v}`).join('\n');
    console.log(`\nTriage pipeline benchmark (worker concurrency ${CONCURRENCY}, ${N_PATH} meldingen, ${N_BARE} no-op jobs; server = the npm start bundle with its workers)\n${table}\n`);

    const md = [`\n## bench:triage — ${new Date().toISOString()} — commit ${gitCommit()}\n`, '| measure | value |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`), ''].join('\n');
    recordResults(md);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
