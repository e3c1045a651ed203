// Live events for the web app, through Redis pub/sub so every API process can relay them. No personal data:
// ids, reference, band, route and team kind only.
import type { Redis } from 'ioredis';

export const EVENTS_CHANNEL = 'vt:events';

export type LiveEventType = 'melding.received' | 'melding.triaged' | 'melding.routed' | 'melding.updated';

export interface LiveEvent {
  type: LiveEventType;
  id: string;
  reference: string;
  band: string | null;
  route: string | null;
  team: string | null;
}

export async function publishEvent(redis: Redis, event: LiveEvent, channel = EVENTS_CHANNEL): Promise<void> {
  const { type, id, reference, band, route, team } = event;
  await redis.publish(channel, JSON.stringify({ type, id, reference, band, route, team }));
}
