// Redis as operated, with Sentinel (issue #19, acceptance 2): the product (API and its workers, server/src/main.ts)
// on a Sentinel set of three redis-server and three sentinels, and the master SIGKILLed in the middle of an intake
// burst. The partner retries what got no answer with the same Idempotency-Key, as the contract lets it; in the end
// every melding is stored once and triaged exactly once (jobs the dead master had not passed on to its replicas are
// queued again from Postgres), and the chef's live stream hears of meldingen filed after the failover.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { DEMO_API_KEY } from '../support/env.ts';
import { meldingBody } from '../support/fixtures.ts';
import { SENTINEL_MASTER, startSentinelSet, type SentinelSet } from '../support/sentinel.ts';
import { triagedSince } from '../support/triaged.ts';
import { freePort, startServer, stopServer, until, waitReady, type ServerProcess } from '../support/server-process.ts';
import { openEvents, signIn, type EventStream } from '../support/sse.ts';

let set: SentinelSet;
let db: TestDatabase;
let server: ServerProcess;
let chef: EventStream | undefined;

beforeAll(async () => {
  [set, db] = await Promise.all([startSentinelSet(), createTestDatabase()]);
  server = startServer(
    { DATABASE_URL: db.url, REDIS_SENTINELS: set.sentinels, REDIS_SENTINEL_NAME: SENTINEL_MASTER, REDIS_URL: '', TRIAGE_RECOVERY_SECONDS: '5' },
    await freePort(),
  );
  await waitReady(server);
}, 120_000);

afterAll(async () => {
  chef?.close();
  await stopServer(server);
  set?.stop();
  await db?.drop();
});

/** One melding as a partner sends it: retried with the same key until it has its 201 (Retry-After kept short here). */
async function file(base: string, i: number, until: number): Promise<{ id: string; tries: number }> {
  const key = randomUUID();
  const body = JSON.stringify(meldingBody({ toelichting: `failover ${i}` }));
  for (let tries = 1; ; tries++) {
    const status = await fetch(`${base}/api/meldingen`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json', 'idempotency-key': key },
      body,
    }).then(
      async (r) => ({ code: r.status, id: r.status === 201 || r.status === 200 ? ((await r.json()) as { id: string }).id : null, retryAfter: r.headers.get('retry-after') }),
      () => ({ code: 0, id: null, retryAfter: null }),
    );
    if (status.id) return { id: status.id, tries };
    // Only the contract's 503 (with Retry-After) or a dropped connection may happen while Redis fails over.
    if (!(status.code === 0 || (status.code === 503 && status.retryAfter))) throw new Error(`melding ${i}: answered ${status.code}`);
    if (Date.now() > until) throw new Error(`melding ${i}: no 201 in time`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('a Sentinel failover in the middle of an intake burst', () => {
  it('loses nothing, triages each melding exactly once, and the live events follow the new master', async () => {
    chef = openEvents(server.base, await signIn(server.base, 'chef@demo.test'));
    await chef.opened;
    const since = new Date();
    const oldMaster = await set.masterPort();
    // The product is on the set's master (not a redis-server of its own).
    expect(await set.clientNames(oldMaster)).toContain('vt-api');
    let filed = 0;
    let failover: Promise<number> | undefined;
    let next = 0;
    const deadline = Date.now() + 90_000;
    const results = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const out: { id: string; tries: number }[] = [];
        while (next < 150) {
          const i = next++;
          out.push(await file(server.base, i, deadline));
          if (++filed === 50) failover = set.killMaster();
        }
        return out;
      }),
    ).then((r) => r.flat());
    const newMaster = await failover!;
    expect(newMaster).not.toBe(oldMaster);
    await until(async () => (await set.clientNames(newMaster)).includes('vt-api'), 20_000);
    // Filed once the sentinels have promoted a replica: triaged by workers on the new master, heard by the chef.
    const afterwards: string[] = [];
    for (let i = 150; i < 170; i++) afterwards.push((await file(server.base, i, deadline)).id);

    const ids = [...results.map((r) => r.id), ...afterwards];
    expect(new Set(ids).size).toBe(170);
    const counts = () => triagedSince(db, since);
    await until(async () => (await counts()).every((m) => m.events >= 1), 60_000);
    const rows = await counts();
    // Each melding once (the retries kept their key), each triaged once.
    expect(rows).toHaveLength(170);
    expect(rows.filter((m) => m.events !== 1)).toEqual([]);
    // The API's subscriber followed the master: it hears what the workers publish there.
    await until(async () => afterwards.every((id) => chef!.idsOf('melding.triaged').has(id)), 30_000);
  }, 180_000);
});
