// `npm run bench` (part 1 of 2): the API against the raw limits of the same machine, in one run.
//   1. raw ceiling: the inserts an intake does (counter, melding, betrokkenen, history event, audit row, outbox row +
//      notify) as the same one-statement transaction through postgres.js, at the same concurrency as the clients;
//   2. POST /api/meldingen through the whole server (validation, auth, audit, outbox), then p99 at half that load;
//   3. reads: GET /api/meldingen/:id and GET /api/werkvoorraad against a plain SQL select of the same rows;
// and the server's peak RSS, plus where its CPU time went (V8 CPU profile, summed per package).
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { DEMO_API_KEY, DEMO_PASSWORD, testCipher } from '../support/env.ts';
import { meldingBody } from '../support/fixtures.ts';
import { freePort, startServer, waitReady } from '../support/server-process.ts';
import { benchEnvironment, buildServerBundle, gitCommit, recordResults, timedLoop } from './record.ts';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
/** Chain messages per batch, and batches in flight at once, for the bulk measure. */
const BATCH = 100;
const BATCH_CONCURRENCY = 4;
const profileDir = fileURLToPath(new URL('../.artifacts/profile', import.meta.url));

interface Figures {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Runs `work` from CONNECTIONS loops for SECONDS and measures it like autocannon does. */
const loop = (work: () => Promise<unknown>): Promise<Figures> => timedLoop(work, CONNECTIONS, SECONDS);

async function http(url: string, opts: Partial<autocannon.Options> = {}): Promise<Figures> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...opts });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx answers (${JSON.stringify(r.statusCodeStats)}), ${r.errors} errors`);
  return { rps: r.requests.average, p50: r.latency.p50, p95: r.latency.p97_5 ?? r.latency.p99, p99: r.latency.p99 };
}

function summariseProfile(): string[] {
  const files = readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'));
  if (!files.length) return ['(no profile written)'];
  const p = JSON.parse(readFileSync(`${profileDir}/${files[0]}`, 'utf8')) as {
    nodes: { id: number; callFrame: { functionName: string; url: string } }[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const buckets = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const url = n.callFrame.url;
    const fn = n.callFrame.functionName;
    const pkg =
      fn === '(idle)' ? 'idle (waiting for Postgres/Redis/clients)'
      : fn === '(garbage collector)' ? 'garbage collection'
      : /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? (url.includes('/work/') || url.includes('/src/') ? `own code (${url.split('/').slice(-3, -1).join('/')})` : url ? 'node internals' : `native (${fn || 'program'})`);
    const dt = p.timeDeltas[i] ?? 0;
    buckets.set(pkg, (buckets.get(pkg) ?? 0) + dt);
    total += dt;
  });
  return [...buckets]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([k, v]) => `${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
}

async function main() {
  const { db, redisUrl } = await benchEnvironment();
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });

  const sql = postgres(db.url, { max: CONNECTIONS, onnotice: () => {} });
  const [{ team_id: teamId }] = (await sql`select id as team_id from teams where kind = 'beoordeling'`) as unknown as [{ team_id: string }];

  // 1. Raw ceiling: the very statement an intake sends (counter, melding, betrokkenen, history event, audit row,
  // outbox row + notify, as one statement of data-modifying CTEs), with fixed values, straight through postgres.js,
  // its identifying data and free text sealed and its blind indexes made as the intake does (issue #14).
  let seq = 0;
  const c = testCipher;
  const raw = await loop(() => {
    const id = crypto.randomUUID();
    const n = seq++;
    const persons = JSON.stringify([
      { volgorde: 0, rol: 'slachtoffer', voornaam: c.encrypt('Test'), achternaam: c.encrypt('Slachtoffer'), geboortedatum: '1990-04-01', persoon_index: c.blindIndex('persoon|test|slachtoffer|1990-04-01') },
      { volgorde: 1, rol: 'kind', voornaam: c.encrypt('Klein'), achternaam: c.encrypt('Slachtoffer'), geboortedatum: '2024-01-15', persoon_index: c.blindIndex('persoon|klein|slachtoffer|2024-01-15') },
    ]);
    return sql`
      with c as (
        insert into reference_counters (kind, year, last) values ('R', 2026, 1)
        on conflict (kind, year) do update set last = reference_counters.last + 1 returning last),
      m as (
        insert into meldingen (id, reference, kanaal, received_at, melder_type, melder_naam, melder_organisatie, anoniem_naar_huishouden, straat, huisnummer, postcode, plaats, gemeente_code, adres_index, geweldsvormen, veiligheid, toelichting, team_id, beoordeling_due_date, beoordeling_due_at)
        select ${id}, 'R-2026-' || lpad(c.last::text, 6, '0') || ${`-${n}`}, 'ketenpartner', now(), 'professional', ${c.encrypt('Agent')}, ${c.encrypt('Politie')}, false, ${c.encrypt('Teststraat')}, ${c.encrypt('12a')}, ${c.encrypt('7511 AB')}, ${c.encrypt('Enschede')}, 'GM0153', ${c.blindIndex('adres|7511AB|12a')}, '{partnergeweld}', '{"herhaaldGeweld":true}', ${c.encrypt('Derde incident')}, ${teamId}, current_date + 7, now() + interval '7 days'
        from c returning id, reference, status),
      b as (
        insert into betrokkenen (melding_id, volgorde, rol, voornaam, achternaam, geboortedatum, persoon_index)
        select ${id}, p.volgorde, p.rol::betrokkene_rol, p.voornaam, p.achternaam, p.geboortedatum, p.persoon_index
        from jsonb_to_recordset(${persons}::text::jsonb) as p(volgorde smallint, rol text, voornaam text, achternaam text, geboortedatum date, persoon_index text)),
      e as (insert into melding_events (melding_id, type, data) values (${id}, 'ontvangen', '{"kanaal":"ketenpartner"}')),
      a as (insert into audit_log (actor_type, action, subject_type, subject_id, result) values ('client', 'create', 'melding', ${id}, 'success')),
      o as (insert into outbox (topic, aggregate_id, payload) values ('bench.raw', ${id}, '{}') returning id)
      select m.id, m.reference, m.status, pg_notify('vt_bench', '') from m, o`;
  });
  // The raw rows must not be triaged by the server's workers later.
  await sql`delete from outbox where topic = 'bench.raw'`;

  // 2. The whole server, API only (workers run in their own process in production-like setups).
  const port = await freePort();
  // Exactly what `npm start` runs: the esbuild bundle, no TypeScript loader, no profiler (it costs memory and time;
  // the profile comes from a second, shorter run below).
  buildServerBundle();
  const serverEnv = { DATABASE_URL: db.url, REDIS_URL: redisUrl, RUN_WORKERS: '0', DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? '10' };
  const server = startServer(serverEnv, port, [], { bundle: true });
  await waitReady(server);
  let peakRss = 0;
  const sampler = setInterval(() => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))?.[1] ?? 0);
      peakRss = Math.max(peakRss, kb / 1024);
    } catch {
      /* process gone */
    }
  }, 100);
  const base = server.base;
  const body = JSON.stringify(meldingBody());
  const postOpts = { method: 'POST' as const, body, headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' } };
  const post = await http(`${base}/api/meldingen`, postOpts);
  const halfRate = Math.max(1, Math.round(post.rps / 2));
  const postHalf = await http(`${base}/api/meldingen`, { ...postOpts, overallRate: halfRate });
  // Chain messages in bulk (issue #20): batches of BATCH, a few at once, counted in meldingen per second.
  let batchSeq = 0;
  const melding = meldingBody();
  const batches = await timedLoop(
    async () => {
      const n = batchSeq++;
      const res = await fetch(`${base}/api/ketenberichten`, {
        method: 'POST',
        headers: postOpts.headers,
        body: JSON.stringify({ berichten: Array.from({ length: BATCH }, (_, i) => ({ berichtId: `bench-${n}-${i}`, melding })) }),
      });
      const { resultaten } = (await res.json()) as { resultaten: { status: string }[] };
      if (res.status !== 200 || resultaten.some((r) => r.status !== 'aangemaakt')) throw new Error(`ketenberichten: ${res.status}`);
    },
    BATCH_CONCURRENCY,
    SECONDS,
  );
  const batchRate = batches.rps * BATCH;

  // Fresh statistics after the burst of inserts, as autovacuum would have them a minute later in production.
  await sql`vacuum analyze meldingen`;

  // 3. Reads, as a beoordelaar with a cookie session (each case read writes its audit row, as it must).
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'beoordelaar@demo.test', password: DEMO_PASSWORD }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const [{ id: readId }] = (await sql`select id from meldingen where reference like 'M-%' limit 1`) as unknown as [{ id: string }];
  const readOne = await http(`${base}/api/meldingen/${readId}`, { headers: { cookie } });
  // The same rows the case view reads (melding with gemeente and team, betrokkenen, latest beoordeling, the
  // lifecycle rows), as plain selects; and the same again with the audit row the API must write in one transaction.
  const caseSelects = (q: postgres.Sql | postgres.TransactionSql) => [
    q`select m.*, g.naam, t.kind, t.naam as team_naam from meldingen m join gemeenten g on g.code = m.gemeente_code left join teams t on t.id = m.team_id where m.id = ${readId}`,
    q`select * from betrokkenen where melding_id = ${readId} order by volgorde`,
    q`select * from beoordelingen where melding_id = ${readId} order by decided_at desc limit 1`,
    q`select * from overdrachten where melding_id = ${readId} order by created_at desc limit 1`,
    q`select * from monitoring_checkpoints where melding_id = ${readId} order by due_date`,
    q`select * from huisverboden where melding_id = ${readId} order by created_at desc limit 1`,
    q`select distinct gemeente_code from overdrachten where melding_id = ${readId}`,
    q`select * from onderzoeken where melding_id = ${readId} order by besluit_at desc limit 1`,
    q`select * from code_rood where melding_id = ${readId} order by created_at desc limit 1`,
    q`select * from terugkoppelingen where melding_id = ${readId} order by due_date, moment`,
    q`select * from vv_voorwaarden where melding_id = ${readId} order by controle_op, created_at`,
  ];
  const rawReadOne = await loop(() => Promise.all(caseSelects(sql)));
  const rawReadOneAudited = await loop(() =>
    sql.begin(async (tx) => {
      await Promise.all(caseSelects(tx));
      await tx`insert into audit_log (actor_type, action, subject_type, subject_id, result) values ('user', 'read', 'melding', ${readId}, 'success')`;
    }),
  );
  const queue = await http(`${base}/api/werkvoorraad?team=beoordeling`, { headers: { cookie } });
  const queueSelect = (q: postgres.Sql | postgres.TransactionSql) =>
    q`select id, reference, band, priority, urgency, route, status, received_at, (received_at at time zone 'Europe/Amsterdam')::date as received_on,
             coalesce(clock_due_at, response_due_at, beoordeling_due_at) as due_at, gemeente_code, team_id, assigned_to
          from meldingen where team_id = ${teamId} and status <> 'afgesloten'
         order by band asc nulls last, coalesce(clock_due_at, response_due_at, beoordeling_due_at), received_at limit 1000`;
  const rawQueue = await loop(() => queueSelect(sql));
  const rawQueueAudited = await loop(() =>
    sql.begin(async (tx) => {
      await queueSelect(tx);
      await tx`insert into audit_log (actor_type, action, subject_type, subject_id, result) values ('user', 'search', 'werkvoorraad', 'beoordeling', 'success')`;
    }),
  );
  const [{ n: open }] = (await sql`select count(*)::int as n from meldingen where team_id = ${teamId} and status <> 'afgesloten'`) as unknown as [{ n: number }];

  clearInterval(sampler);
  server.child.kill('SIGTERM');
  await server.exited;

  // Where the time goes: the same intake and case reads once more against a profiled server.
  const profPort = await freePort();
  const profiled = startServer(serverEnv, profPort, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`], { bundle: true });
  await waitReady(profiled);
  const profLogin = await fetch(`${profiled.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'beoordelaar@demo.test', password: DEMO_PASSWORD }) });
  const profCookie = profLogin.headers.get('set-cookie')!.split(';')[0]!;
  await http(`${profiled.base}/api/meldingen`, { ...postOpts, duration: 4 });
  await http(`${profiled.base}/api/meldingen/${readId}`, { headers: { cookie: profCookie }, duration: 4 });
  await http(`${profiled.base}/api/werkvoorraad?team=beoordeling`, { headers: { cookie: profCookie }, duration: 4 });
  profiled.child.kill('SIGTERM');
  await profiled.exited;
  await sql.end();
  await db.drop();

  const f = (n: number) => n.toFixed(n < 10 ? 1 : 0);
  const rows: [string, string, string, string, string, string][] = [
    ['raw SQL intake transaction', f(raw.rps), f(raw.p50), f(raw.p95), f(raw.p99), '1.00'],
    ['POST /api/meldingen', f(post.rps), f(post.p50), f(post.p95), f(post.p99), (post.rps / raw.rps).toFixed(2)],
    [`POST /api/meldingen at half load (${halfRate}/s)`, f(postHalf.rps), f(postHalf.p50), f(postHalf.p95), f(postHalf.p99), ''],
    [`POST /api/ketenberichten, meldingen/s (${BATCH} per batch, ${BATCH_CONCURRENCY} batches at once; ms per batch)`, f(batchRate), f(batches.p50), f(batches.p95), f(batches.p99), `${(batchRate / raw.rps).toFixed(2)} (${(batchRate / post.rps).toFixed(2)} of single POSTs)`],
    ['raw SQL select of one case (same rows)', f(rawReadOne.rps), f(rawReadOne.p50), f(rawReadOne.p95), f(rawReadOne.p99), '1.00'],
    ['raw SQL same rows + audit row, one transaction', f(rawReadOneAudited.rps), f(rawReadOneAudited.p50), f(rawReadOneAudited.p95), f(rawReadOneAudited.p99), (rawReadOneAudited.rps / rawReadOne.rps).toFixed(2)],
    ['GET /api/meldingen/:id (audited)', f(readOne.rps), f(readOne.p50), f(readOne.p95), f(readOne.p99), `${(readOne.rps / rawReadOne.rps).toFixed(2)} (${(readOne.rps / rawReadOneAudited.rps).toFixed(2)} of audited raw)`],
    [`raw SQL select of the queue (${open} open, first 1000)`, f(rawQueue.rps), f(rawQueue.p50), f(rawQueue.p95), f(rawQueue.p99), '1.00'],
    ['raw SQL queue + audit row, one transaction', f(rawQueueAudited.rps), f(rawQueueAudited.p50), f(rawQueueAudited.p95), f(rawQueueAudited.p99), (rawQueueAudited.rps / rawQueue.rps).toFixed(2)],
    ['GET /api/werkvoorraad (audited)', f(queue.rps), f(queue.p50), f(queue.p95), f(queue.p99), `${(queue.rps / rawQueue.rps).toFixed(2)} (${(queue.rps / rawQueueAudited.rps).toFixed(2)} of audited raw)`],
  ];
  const header = ['measure', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'ratio to raw'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cols: string[]) => cols.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const profile = summariseProfile();
  console.log(`\nIntake and read benchmark (${CONNECTIONS} connections, ${SECONDS} s per measure)\n${line(header)}\n${rows.map(line).join('\n')}`);
  console.log(`server peak RSS: ${peakRss.toFixed(0)} MB (target < 250)\ntargets: intake ≥ 0.5 of raw, p99 < 50 ms at half load, reads ≥ 0.5 of raw`);
  console.log(`where the server's CPU time went:\n${profile.join('\n')}\n`);

  const md = [
    `\n## bench (intake and reads) — ${new Date().toISOString()} — commit ${gitCommit()}\n`,
    `${CONNECTIONS} connections, ${SECONDS} s per measure; server = the \`npm start\` bundle, API only (RUN_WORKERS=0), DB pool ${serverEnv.DB_POOL_SIZE}, peak RSS ${peakRss.toFixed(0)} MB.\n`,
    `| ${header.join(' | ')} |`,
    `|${header.map(() => ' --- ').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    'Server CPU time by package (V8 CPU profile of a second server under 4 s each of intake, case reads and werkvoorraad):',
    '',
    ...profile.map((p) => `    ${p}`),
    '',
  ].join('\n');
  recordResults(md);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
