// Background work on BullMQ's job schedulers (issue #15): two worker processes (here: two schedulers on one prefix)
// run each scheduled job once per interval between them, not once each; the schedules come back after Redis
// forgot them; and the relay leaves an outbox topic without a queue in the outbox and says so.
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQueues, redisOptions, startRelay, startSchedules } from '@vt/workers';
import { Redis } from 'ioredis';
import { createTestApp, type TestContext } from '../support/app.ts';
import { TEST_REDIS_URL } from '../support/env.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const silent = pino({ level: 'silent' });

describe('scheduled jobs', () => {
  it('run once per interval however many worker processes run', async () => {
    const prefix = `${t.prefix}-sched`;
    const queues = createQueues(redisOptions(TEST_REDIS_URL, { maxRetriesPerRequest: 1 }), prefix);
    const calls = { housekeeping: 0, herinneringen: 0 };
    const processors = { housekeeping: async () => void calls.housekeeping++, herinneringen: async () => void calls.herinneringen++ };
    const connection = redisOptions(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    const a = startSchedules({ queues, connection, prefix, processors, everyMs: { herinneringen: 400, housekeeping: 3_600_000 }, log: silent });
    const b = startSchedules({ queues, connection, prefix, processors, everyMs: { herinneringen: 400, housekeeping: 3_600_000 }, log: silent });
    await Promise.all([a.register(), b.register()]);
    await new Promise((r) => setTimeout(r, 4100));
    await Promise.all([a.close(), b.close()]);
    // About ten intervals passed: run about ten times in all — not twenty, as two timers of their own would.
    expect(calls.herinneringen).toBeGreaterThanOrEqual(7);
    expect(calls.herinneringen).toBeLessThanOrEqual(12);
    const schedulers = await queues.queues.onderhoud.getJobSchedulers();
    expect(schedulers.map((s) => s.key).sort()).toEqual(['herinneringen', 'housekeeping']);
    // Redis forgets them (a restart without persistence): registering again brings them back, once.
    await queues.queues.onderhoud.obliterate({ force: true });
    await a.register();
    await a.register();
    expect((await queues.queues.onderhoud.getJobSchedulers()).length).toBe(2);
    await queues.queues.onderhoud.obliterate({ force: true });
    await queues.close();
  });
});

describe('the relay', () => {
  it('leaves an outbox topic without a queue where it is, and logs it as an error', async () => {
    let out = '';
    const log = pino({ level: 'info' }, new Writable({ write: (c, _e, cb) => ((out += String(c)), cb()) }));
    const prefix = `${t.prefix}-relay`;
    const queues = createQueues(redisOptions(TEST_REDIS_URL, { maxRetriesPerRequest: 1 }), prefix);
    const publisher = new Redis(TEST_REDIS_URL);
    await t.db.handle.db.execute(sql`insert into outbox (topic, aggregate_id, payload) values ('melding.vergeten', gen_random_uuid(), '{}')`);
    const relay = await startRelay({ db: t.db.handle, queues, publisher, channel: `${prefix}:events`, log, pollMs: 60_000, reconcileEveryMs: 3_600_000 });
    await relay.drain();
    await relay.close();
    const [row] = await t.db.handle.db.execute<{ dispatched: boolean }>(sql`select dispatched_at is not null as dispatched from outbox where topic = 'melding.vergeten'`);
    expect(row!.dispatched).toBe(false);
    expect(out).toMatch(/"level":50.*"topic":"melding.vergeten".*outbox topic has no queue/);
    publisher.disconnect();
    await queues.queues.triage.obliterate({ force: true });
    await queues.close();
  });
});
