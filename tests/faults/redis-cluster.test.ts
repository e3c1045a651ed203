// Redis Cluster (issue #19): the product (API and its workers, server/src/main.ts) on a cluster of three masters with
// QUEUE_PREFIX as a hash tag. Sign-in (its counters in one slot per person), a burst of meldingen triaged exactly
// once, and the chef's live stream hearing of each: pub/sub works across the cluster's nodes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileBurst } from '../support/burst.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { startRedisCluster, type RedisClusterSet } from '../support/redis-cluster.ts';
import { triagedSince } from '../support/triaged.ts';
import { freePort, startServer, stopServer, until, waitReady, type ServerProcess } from '../support/server-process.ts';
import { openEvents, signIn, type EventStream } from '../support/sse.ts';

let cluster: RedisClusterSet;
let db: TestDatabase;
let server: ServerProcess;
let chef: EventStream | undefined;

beforeAll(async () => {
  [cluster, db] = await Promise.all([startRedisCluster(), createTestDatabase()]);
  server = startServer({ DATABASE_URL: db.url, REDIS_CLUSTER_NODES: cluster.nodes.split(',')[0]!, REDIS_URL: '', QUEUE_PREFIX: '{vtc}' }, await freePort());
  await waitReady(server);
}, 120_000);

afterAll(async () => {
  chef?.close();
  await stopServer(server);
  cluster?.stop();
  await db?.drop();
});

describe('on a Redis Cluster', () => {
  it('signs in, triages a burst exactly once and streams live events, with its queues under the hash tag', async () => {
    chef = openEvents(server.base, await signIn(server.base, 'chef@demo.test'));
    await chef.opened;
    // A wrong password counts against the account in Redis: the counters of one person share a slot.
    const wrong = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'beoordelaar@demo.test', password: 'fout' }) });
    expect(wrong.status).toBe(401);
    const since = new Date();
    const ids = await fileBurst(server.base, 120, 8, 'cluster');
    const counts = () => triagedSince(db, since);
    await until(async () => (await counts()).every((m) => m.events >= 1) && ids.every((id) => chef!.idsOf('melding.triaged').has(id)), 60_000).catch(async (err: Error) => {
      // Which half did not arrive: the triage itself, or the live events of it.
      const rows = await counts();
      throw new Error(`${err.message}: ${rows.filter((m) => m.events < 1).length} of ${rows.length} not triaged, ${ids.filter((id) => !chef!.idsOf('melding.triaged').has(id)).length} of ${ids.length} not heard live`);
    });
    const rows = await counts();
    expect(rows).toHaveLength(120);
    expect(rows.filter((m) => m.events !== 1)).toEqual([]);
    // Every key the queues made carries the hash tag, and they all sit on one node (one slot).
    const keys = await cluster.keys('*triage*');
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((k) => !k.startsWith('{vtc}:'))).toEqual([]);
  }, 120_000);
});
