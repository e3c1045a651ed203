// Fan-out of live events: one Redis subscriber per API process, any number of SSE clients. Events come from the
// workers and the API through Redis pub/sub, so this works with several API processes.
import type { LiveEvent } from '@vt/workers';
import { duplicateRedis, type RedisClient } from '@vt/workers';

export type Listener = (event: LiveEvent) => void;

export class EventHub {
  private readonly listeners = new Set<Listener>();
  private subscriber: RedisClient | undefined;

  constructor(
    private readonly redis: RedisClient,
    private readonly channel: string,
  ) {}

  private ensureSubscribed() {
    if (this.subscriber) return;
    // A subscribing connection can do nothing else; it reconnects and resubscribes by itself.
    const sub = duplicateRedis(this.redis, { enableOfflineQueue: true, maxRetriesPerRequest: null, lazyConnect: false });
    sub.on('error', () => {});
    sub.on('message', (_channel, message: string) => {
      let event: LiveEvent;
      try {
        event = JSON.parse(message) as LiveEvent;
      } catch {
        return;
      }
      for (const l of this.listeners) l(event);
    });
    void sub.subscribe(this.channel).catch(() => {});
    this.subscriber = sub;
  }

  subscribe(listener: Listener): () => void {
    this.ensureSubscribed();
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size() {
    return this.listeners.size;
  }

  async close() {
    this.listeners.clear();
    this.subscriber?.disconnect();
    this.subscriber = undefined;
  }
}
