// A read replica (issue #19, acceptance 2): the API on a primary with a streaming replica of its own (DATABASE_READ_URL).
// With the replica's replay paused, a new melding is on the primary (its case read works at once) but not yet in the
// manager's factsheet, which therefore comes from the replica; once replay resumes the factsheet counts it within the
// contract's 10 seconds; the read is audited on the primary; and with the replica gone the factsheet is answered from
// the primary.
import postgres from 'postgres';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, runMigrations, seedDemo, useFieldCipher, type DbHandle } from '@vt/db';
import { amsterdamDate } from '@vt/db/domain';
import { buildApp } from '@vt/server';
import { login, partnerHeaders, type TestApp } from '../support/app.ts';
import { DEMO_API_KEY, DEMO_PASSWORD, TEST_REDIS_URL, testCipher } from '../support/env.ts';
import { meldingBody } from '../support/fixtures.ts';
import { postgresBin, startReplicaPair, type ReplicaPair } from '../support/replica.ts';
import { until } from '../support/server-process.ts';

const bin = postgresBin();
let pair: ReplicaPair;
let primary: DbHandle;
let replica: DbHandle;
let redis: Redis;
let app: TestApp;

beforeAll(async () => {
  if (!bin) throw new Error('the Postgres server binaries (initdb, pg_basebackup) are needed: apt-get install postgresql-15');
  pair = await startReplicaPair(bin);
  const admin = postgres(pair.primaryUrl('postgres'), { max: 1, onnotice: () => {} });
  await admin`create database vt`;
  await admin.end();
  useFieldCipher(testCipher);
  await runMigrations(pair.primaryUrl('vt'));
  primary = createDb(pair.primaryUrl('vt'), { max: 4 });
  await seedDemo(primary.db, { demoPassword: DEMO_PASSWORD, demoApiKey: DEMO_API_KEY, withCases: false });
  replica = createDb(pair.replicaUrl('vt'), { max: 4, applicationName: 'veilig-thuis-api-read' });
  redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  app = await buildApp({
    config: { nodeEnv: 'test', logLevel: 'silent', sessionIdleMinutes: 30, sessionAbsoluteHours: 12, trustProxy: false },
    db: primary,
    readDb: replica,
    cipher: testCipher,
    redis,
    webRoot: false,
    redisKeyPrefix: `vt-replica-${process.pid}:`,
    queuePrefix: `vt-replica-${process.pid}`,
  });
}, 120_000);

afterAll(async () => {
  await app?.close();
  redis?.disconnect();
  await replica?.close().catch(() => {});
  await primary?.close();
  pair?.stop();
});

/** The replica has replayed everything the primary has written so far. */
async function caughtUp() {
  const [p] = await primary.sql<{ lsn: string }[]>`select pg_current_wal_lsn()::text as lsn`;
  const [r] = await replica.sql<{ ok: boolean }[]>`select pg_last_wal_replay_lsn() >= ${p!.lsn}::pg_lsn as ok`;
  return r!.ok;
}

describe('the dashboards on a streaming replica', () => {
  it('reads the factsheet from the replica, audits on the primary, catches up within 10 s and falls back when it is gone', async () => {
    const manager = await login(app, 'manager@demo.test');
    const chef = await login(app, 'chef@demo.test');
    const jaar = Number(amsterdamDate(new Date()).slice(0, 4));
    const factsheet = async () => {
      const res = await app.inject({ url: `/api/rapportage/jaar?jaar=${jaar}`, headers: manager.headers });
      expect(res.statusCode).toBe(200);
      return (res.json() as { meldingen: { totaal: number } }).meldingen.totaal;
    };
    const audits = async () => Number((await primary.sql<{ n: number }[]>`select count(*)::int as n from audit_log where subject_type = 'rapportage_jaar'`)[0]!.n);

    // The first read counts the year's days on the primary (a standby cannot write); the replica then has them too.
    const before = await factsheet();
    await until(caughtUp, 10_000);
    await replica.sql`select pg_wal_replay_pause()`;

    const created = await app.inject({ method: 'POST', url: '/api/meldingen', payload: meldingBody(), headers: partnerHeaders });
    expect(created.statusCode).toBe(201);
    const { id } = created.json() as { id: string };
    // A case read is never lagging: it is on the primary at once.
    expect((await app.inject({ url: `/api/meldingen/${id}`, headers: chef.headers })).statusCode).toBe(200);
    const audited = await audits();
    expect(await factsheet()).toBe(before);
    expect(await audits()).toBe(audited + 1);
    const [onReplica] = await replica.sql<{ n: number }[]>`select count(*)::int as n from meldingen where id = ${id}`;
    expect(onReplica!.n).toBe(0);

    await replica.sql`select pg_wal_replay_resume()`;
    const resumed = Date.now();
    await until(async () => (await factsheet()) === before + 1, 10_000);
    expect(Date.now() - resumed).toBeLessThan(10_000);

    // The replica stopped: the factsheet still answers, from the primary, with the same figure.
    pair.stopReplica();
    expect(await factsheet()).toBe(before + 1);
  }, 90_000);
});
