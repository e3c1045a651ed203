// Where Redis is, as its users run it (issue #19): one server (REDIS_URL), or a Sentinel set that names the master
// (REDIS_SENTINELS and REDIS_SENTINEL_NAME; REDIS_URL then gives only the database number and the password). Every
// connection of the product, the API's, the workers' and BullMQ's, is made from the same options, so after a
// failover they all find the new master through the sentinels and resubscribe the live events by themselves.
import type { RedisOptions } from 'ioredis';

export interface RedisTarget {
  /** redis:// or rediss:// with the database number; with sentinels only its database, user and password count. */
  url: string;
  sentinels?: { host: string; port: number }[];
  /** The master's name as the sentinels know it. */
  sentinelName?: string;
  sentinelPassword?: string;
}

/** `host:port,host:port` (REDIS_SENTINELS) as ioredis wants it. */
export function parseSentinels(list: string): { host: string; port: number }[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const at = s.lastIndexOf(':');
      const bare = (h: string) => h.replace(/^\[|\]$/g, '');
      return at > 0 && !s.endsWith(']') ? { host: bare(s.slice(0, at)), port: Number(s.slice(at + 1)) } : { host: bare(s), port: 26379 };
    });
}

/** The options of one connection to `target`, with the caller's own (retries, offline queue, name) on top. */
export function redisOptions(target: string | RedisTarget, extra: RedisOptions = {}): RedisOptions {
  const t = typeof target === 'string' ? { url: target } : target;
  const u = new URL(t.url);
  const auth = {
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    db: Number(u.pathname.replace('/', '') || 0),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
  if (t.sentinels?.length) {
    return {
      sentinels: t.sentinels,
      name: t.sentinelName ?? 'mymaster',
      ...(t.sentinelPassword ? { sentinelPassword: t.sentinelPassword } : {}),
      role: 'master',
      // A master that came back as a replica answers writes with READONLY: reconnect, ask the sentinels again, resend.
      reconnectOnError: (err) => (err.message.startsWith('READONLY') ? 2 : false),
      ...auth,
      ...extra,
    };
  }
  return { host: u.hostname, port: Number(u.port || 6379), ...auth, ...extra };
}

/** The target from the configuration (REDIS_URL, REDIS_SENTINELS…), or undefined when neither is set. */
export function redisTargetOf(url: string | undefined, sentinels?: { list: string; name: string; password?: string | undefined }): RedisTarget | undefined {
  if (sentinels) return { url: url ?? 'redis://localhost/0', sentinels: parseSentinels(sentinels.list), sentinelName: sentinels.name, ...(sentinels.password ? { sentinelPassword: sentinels.password } : {}) };
  return url ? { url } : undefined;
}
