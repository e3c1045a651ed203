// Live events for the web app, through Redis pub/sub so every API process can relay them. No personal data:
// ids, reference, band, route and team kind only.
import type { RedisClient } from './redis.ts';

/**
 * The pub/sub channel of one environment. Redis channels are global to the server, not per database number, so
 * the channel names the queue prefix and the database: two environments on one Redis never hear each other.
 */
export const eventsChannel = (prefix: string, db = 0) => `${prefix}:events:${db}`;

export type LiveEventType = 'melding.received' | 'melding.triaged' | 'melding.routed' | 'melding.updated' | 'herinneringen.updated';

export interface LiveEvent {
  type: LiveEventType;
  id: string;
  reference: string;
  band: string | null;
  route: string | null;
  team: string | null;
  /** For routing only, never sent to browsers: the household's gemeente, so a wijkteam hears only its own. */
  gemeente?: string | null;
  /** herinneringen.updated: how many reminders are new (no case is named). */
  count?: number;
}

/** Only the fields above leave the process, whatever else the caller's object carries. */
const wire = ({ type, id, reference, band, route, team, gemeente, count }: LiveEvent) =>
  JSON.stringify({ type, id, reference, band, route, team, gemeente: gemeente ?? null, ...(count === undefined ? {} : { count }) });

/** Several events in one round trip to Redis, in order. */
export async function publishEvents(redis: RedisClient, channel: string, events: LiveEvent[]): Promise<void> {
  if (!events.length) return;
  const p = redis.pipeline();
  for (const e of events) p.publish(channel, wire(e));
  await p.exec();
}
