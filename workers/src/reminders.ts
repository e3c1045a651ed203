// Reminders are pushed, not only listed: a pass every few minutes computes the reminders (handover not accepted in
// time, huisverbod ending, checkpoint or V&V review passed unrecorded, melder's feedback late), compares them with
// the previous pass in Redis, and announces the new ones as a live event that carries a count and nothing else.
// Staff on the werkvoorraad see the reminder arrive without reloading; a restart does not announce old ones again.
import type { RedisClient } from './redis.ts';
import type { Logger } from 'pino';
import { herinneringen, loadKalender, type DbHandle } from '@vt/db';
import { publishEvents } from './events.ts';

export interface ReminderWatchOptions {
  db: DbHandle;
  publisher: RedisClient;
  channel: string;
  /** Where the previous pass's reminders are kept (ids and dates only). */
  key: string;
  overdrachtWerkdagen: number;
  /** A timer of its own (tests); in the running system the `herinneringen` schedule calls pass() (schedules.ts). */
  everyMs?: number;
  log: Logger;
  now?: () => Date;
}

export interface ReminderWatch {
  /** One pass; returns the number of reminders that are new since the previous pass. */
  pass(): Promise<number>;
  close(): void;
}

export function startReminderWatch(o: ReminderWatchOptions): ReminderWatch {
  const now = o.now ?? (() => new Date());
  async function pass(): Promise<number> {
    const kalender = await loadKalender(o.db.db);
    const items = await herinneringen(o.db.db, now(), kalender, { overdrachtWerkdagen: o.overdrachtWerkdagen });
    const keys = items.map((i) => `${i.soort}:${i.meldingId}:${i.datum}`);
    const next = `${o.key}:next`;
    const tx = o.publisher.multi().del(next);
    if (keys.length) tx.sadd(next, ...keys);
    tx.sdiff(next, o.key);
    if (keys.length) tx.rename(next, o.key);
    else tx.del(o.key);
    const results = (await tx.exec()) ?? [];
    const fresh = (results[keys.length ? 2 : 1]?.[1] as string[] | undefined) ?? [];
    if (fresh.length) {
      await publishEvents(o.publisher, o.channel, [{ type: 'herinneringen.updated', id: '', reference: '', band: null, route: null, team: null, count: fresh.length }]);
    }
    return fresh.length;
  }
  const timer = o.everyMs
    ? setInterval(() => {
        pass().catch((err: unknown) => o.log.warn({ errCode: (err as { code?: string }).code }, 'reminder pass failed'));
      }, o.everyMs)
    : undefined;
  timer?.unref();
  return { pass, close: () => clearInterval(timer) };
}
