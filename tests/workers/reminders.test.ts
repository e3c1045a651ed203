// Reminders are pushed (issue #6): the workers' reminder watch announces new reminders as a live event with a
// count and nothing else, once per reminder, with a controllable clock instead of real waiting.
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsChannel, startReminderWatch, type ReminderWatch } from '@vt/workers';
import { createTestApp, login, partnerHeaders, type Session, type TestContext } from '../support/app.ts';
import { TEST_REDIS_URL } from '../support/env.ts';
import { meldingBody } from '../support/fixtures.ts';

let t: TestContext;
let beoordelaar: Session;
let publisher: Redis;
let subscriber: Redis;
let watch: ReminderWatch;
const heard: Record<string, unknown>[] = [];
// Two weeks from now: a handover sent today has waited at least 5 working days by then, whatever the holidays.
const later = new Date(Date.now() + 14 * 86_400_000);

beforeAll(async () => {
  t = await createTestApp();
  beoordelaar = await login(t.app, 'beoordelaar@demo.test');
  publisher = new Redis(TEST_REDIS_URL);
  subscriber = new Redis(TEST_REDIS_URL);
  const channel = eventsChannel(t.prefix, publisher.options.db ?? 0);
  await subscriber.subscribe(channel);
  subscriber.on('message', (_c, message: string) => {
    // The API's own case events share the channel; only the reminders' count matters here.
    const event = JSON.parse(message) as Record<string, unknown>;
    if (event.type === 'herinneringen.updated') heard.push(event);
  });
  watch = startReminderWatch({ db: t.db.handle, publisher, channel, key: `${t.prefix}:herinneringen`, overdrachtWerkdagen: 5, everyMs: 3_600_000, log: pino({ level: 'silent' }), now: () => later });
});
afterAll(async () => {
  watch?.close();
  await subscriber?.quit();
  await publisher?.quit();
  await t?.close();
});

const settle = () => new Promise((r) => setTimeout(r, 150));

describe('reminder watch', () => {
  it('announces new reminders once, by number only, and stays quiet while nothing changes', async () => {
    // The first pass takes in whatever the demo data already has; the next pass finds nothing new.
    await watch.pass();
    await settle();
    heard.length = 0;
    expect(await watch.pass()).toBe(0);
    await settle();
    expect(heard).toEqual([]);

    // A handover sent today is not accepted and the melder has not heard back: two weeks later these are two new
    // reminders (overdracht_niet_geaccepteerd, terugkoppeling_verlopen).
    const { id, reference } = (await t.app.inject({ method: 'POST', url: '/api/meldingen', payload: meldingBody(), headers: partnerHeaders })).json() as { id: string; reference: string };
    const decided = await t.app.inject({ method: 'POST', url: `/api/meldingen/${id}/beoordeling`, headers: beoordelaar.headers, payload: { route: 'wijkteam', band: 'P4', reason: 'Gezin wil hulp van het wijkteam.' } });
    expect(decided.statusCode).toBe(200);
    expect(await watch.pass()).toBe(2);
    await settle();
    expect(heard).toEqual([{ type: 'herinneringen.updated', id: '', reference: '', band: null, route: null, team: null, gemeente: null, count: 2 }]);
    expect(JSON.stringify(heard)).not.toContain(reference);

    // Announced once: the same reminder in the next pass is not news.
    expect(await watch.pass()).toBe(0);
    await settle();
    expect(heard).toHaveLength(1);
  });

  it('is not news again after a restart (the previous pass is kept in Redis)', async () => {
    const again = startReminderWatch({ db: t.db.handle, publisher, channel: eventsChannel(t.prefix, publisher.options.db ?? 0), key: `${t.prefix}:herinneringen`, overdrachtWerkdagen: 5, everyMs: 3_600_000, log: pino({ level: 'silent' }), now: () => later });
    try {
      expect(await again.pass()).toBe(0);
    } finally {
      again.close();
    }
  });
});
