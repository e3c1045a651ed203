// The API process killed during a burst of POSTs, and stopped with SIGTERM while requests run: every melding that
// got its 201 is stored and triaged exactly once after a restart; SIGTERM lets running requests finish.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { emptyRedisDb } from '../support/redis-db.ts';
import { DEMO_API_KEY } from '../support/env.ts';
import { meldingBody } from '../support/fixtures.ts';
import { freePort, startServer, until, waitReady, type ServerProcess } from '../support/server-process.ts';

let db: TestDatabase;
let env: Record<string, string>;
const running: ServerProcess[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  // A Redis database of its own, emptied, so no earlier run's jobs or keys interfere.
  env = { DATABASE_URL: db.url, REDIS_URL: await emptyRedisDb(10 + Math.floor(Math.random() * 5)) };
});
afterAll(async () => {
  for (const s of running) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  await db.drop();
});

const post = (base: string, i: number) =>
  fetch(`${base}/api/meldingen`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(meldingBody({ toelichting: `burst ${i}` })),
  }).then(
    async (r) => {
      const body = (await r.json()) as { id?: string; code?: string };
      // While stopping, the only other acceptable answer is the contract's 503 with Retry-After.
      if (r.status === 503 && (body.code !== 'UNAVAILABLE' || !r.headers.get('retry-after'))) return { status: 599, id: null };
      return { status: r.status, id: r.status === 201 ? body.id! : null };
    },
    () => ({ status: 0, id: null }),
  );

async function triageCounts(ids: string[]) {
  return db.handle.db.execute<{ id: string; status: string; events: number }>(sql`
    select m.id, m.status, (select count(*)::int from melding_events e where e.melding_id = m.id and e.type = 'triage_voorgesteld') as events
      from meldingen m where m.id in ${sql.raw(`(${ids.map((i) => `'${i.replace(/[^0-9a-f-]/g, '')}'`).join(',')})`)}`);
}

describe('API process faults', () => {
  it('SIGKILL during a burst: every 201 survives and is triaged exactly once after restart', async () => {
    const port = await freePort();
    const first = startServer(env, port);
    running.push(first);
    await waitReady(first);
    const results: { status: number; id: string | null }[] = [];
    let next = 0;
    let killed = false;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < 400) {
          const i = next++;
          const r = await post(first.base, i);
          results.push(r);
          if (!killed && results.filter((x) => x.status === 201).length >= 60) {
            killed = true;
            first.child.kill('SIGKILL');
          }
          if (r.status === 0 && killed) return;
        }
      }),
    );
    await first.exited;
    const accepted = results.filter((r) => r.status === 201).map((r) => r.id!);
    expect(accepted.length).toBeGreaterThanOrEqual(60);
    // No other answer than 201 or a refused connection: never a 5xx.
    expect(results.every((r) => r.status === 201 || r.status === 0)).toBe(true);

    const second = startServer(env, port);
    running.push(second);
    await waitReady(second);
    await until(async () => (await triageCounts(accepted)).every((m) => m.status === 'triage_voorgesteld'), 60_000);
    const rows = await triageCounts(accepted);
    expect(rows).toHaveLength(accepted.length);
    expect(rows.every((m) => m.events === 1)).toBe(true);
    second.child.kill('SIGTERM');
    expect(await second.exited, second.output()).toBe(0);
  }, 120_000);

  it('SIGTERM while requests run: they finish, the process exits 0, nothing answered is lost', async () => {
    const port = await freePort();
    const server = startServer(env, port);
    running.push(server);
    await waitReady(server);
    const inflight = Array.from({ length: 40 }, (_, i) => post(server.base, 1000 + i));
    await new Promise((r) => setTimeout(r, 30));
    server.child.kill('SIGTERM');
    const results = await Promise.all(inflight);
    expect(await server.exited, server.output()).toBe(0);
    expect(results.some((r) => r.status === 201)).toBe(true);
    expect(results.map((r) => r.status).filter((st) => ![201, 0, 503].includes(st))).toEqual([]);
    const accepted = results.filter((r) => r.status === 201).map((r) => r.id!);
    expect(await triageCounts(accepted)).toHaveLength(accepted.length);
  }, 120_000);

  it('SIGTERM with a drain: readiness says 503 draining at once while requests are still answered, then it stops', async () => {
    const port = await freePort();
    const server = startServer({ ...env, SHUTDOWN_DRAIN_SECONDS: '3' }, port);
    running.push(server);
    await waitReady(server);
    const ready = () => fetch(`${server.base}/api/health/ready`).then(async (r) => ({ status: r.status, body: (await r.json()) as { status: string } }));
    expect(await ready()).toEqual({ status: 200, body: { status: 'ready', postgres: 'ok', redis: 'ok' } });
    server.child.kill('SIGTERM');
    await until(async () => (await ready().catch(() => ({ status: 0, body: { status: '' } }))).status === 503, 2000);
    expect((await ready()).body).toEqual({ status: 'draining', postgres: 'ok', redis: 'ok' });
    // Still inside the drain: the load balancer has not caught up yet, so what still arrives is served.
    const late = await post(server.base, 2000);
    expect(late.status).toBe(201);
    expect(server.child.exitCode).toBeNull();
    expect(await server.exited, server.output()).toBe(0);
    expect(await triageCounts([late.id!])).toHaveLength(1);
  }, 60_000);
});
