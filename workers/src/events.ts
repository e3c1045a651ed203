// Live events for the web app, through Redis pub/sub so every API process can relay them. No personal data:
// ids, reference, band, route and team kind only.
import type { Redis } from 'ioredis';

/**
 * The pub/sub channel of one environment. Redis channels are global to the server, not per database number, so
 * the channel names the queue prefix and the database: two environments on one Redis never hear each other.
 */
export const eventsChannel = (prefix: string, db = 0) => `${prefix}:events:${db}`;

export type LiveEventType = 'melding.received' | 'melding.triaged' | 'melding.routed' | 'melding.updated';

export interface LiveEvent {
  type: LiveEventType;
  id: string;
  reference: string;
  band: string | null;
  route: string | null;
  team: string | null;
}

export async function publishEvent(redis: Redis, channel: string, event: LiveEvent): Promise<void> {
  const { type, id, reference, band, route, team } = event;
  await redis.publish(channel, JSON.stringify({ type, id, reference, band, route, team }));
}
