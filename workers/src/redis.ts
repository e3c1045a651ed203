// Where Redis is, as its users run it (issue #19): one server (REDIS_URL), a Sentinel set that names the master
// (REDIS_SENTINELS and REDIS_SENTINEL_NAME; REDIS_URL then gives only the database number and the password), or a
// Redis Cluster (REDIS_CLUSTER_NODES; REDIS_URL gives only user and password, a cluster has no database numbers).
// Every connection of the product, the API's, the workers' and BullMQ's, is made here from the same target, so after a
// failover they all find the new master and resubscribe the live events by themselves. On a cluster every key the
// product writes carries a hash tag: BullMQ's through QUEUE_PREFIX (`{vt}`), the API's own per subject.
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';

export interface RedisTarget {
  /** redis:// or rediss:// with the database number; with sentinels only its database, user and password count. */
  url: string;
  sentinels?: { host: string; port: number }[];
  /** The master's name as the sentinels know it. */
  sentinelName?: string;
  sentinelPassword?: string;
  /** Seed nodes of a Redis Cluster; the client learns the rest of the cluster from them. */
  clusterNodes?: { host: string; port: number }[];
}

export type RedisClient = Redis | Cluster;

/** `host:port,host:port` (REDIS_SENTINELS) as ioredis wants it. */
export const parseSentinels = (list: string) => parseHosts(list, 26379);

/** `host:port,host:port`, a missing port being `port`; IPv6 addresses in brackets. */
export function parseHosts(list: string, port: number): { host: string; port: number }[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const at = s.lastIndexOf(':');
      const bare = (h: string) => h.replace(/^\[|\]$/g, '');
      return at > 0 && !s.endsWith(']') ? { host: bare(s.slice(0, at)), port: Number(s.slice(at + 1)) } : { host: bare(s), port };
    });
}

/** User, password and TLS from a redis:// or rediss:// URL (what every node of a target shares). */
const credentialsOf = (u: URL): RedisOptions => ({
  ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
  ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
  ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
});

/** A Cluster's own options (offline queue, lazy connect) taken out of `extra`; the rest applies to each node. */
function clusterOptions(extra: RedisOptions, perNodeBase: RedisOptions): ClusterOptions {
  const { enableOfflineQueue, lazyConnect, ...perNode } = extra;
  return {
    ...(enableOfflineQueue === undefined ? {} : { enableOfflineQueue }),
    ...(lazyConnect === undefined ? {} : { lazyConnect }),
    redisOptions: { ...perNodeBase, ...perNode },
  };
}

/** The options of one connection to `target`, with the caller's own (retries, offline queue, name) on top. */
export function redisOptions(target: string | RedisTarget, extra: RedisOptions = {}): RedisOptions {
  const t = typeof target === 'string' ? { url: target } : target;
  const u = new URL(t.url);
  const auth = { ...credentialsOf(u), db: Number(u.pathname.replace('/', '') || 0) };
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

/** The target from the configuration (REDIS_URL, REDIS_SENTINELS…, REDIS_CLUSTER_NODES), or undefined when none is set. */
export function redisTargetOf(url: string | undefined, sentinels?: { list: string; name: string; password?: string | undefined }, clusterNodes?: string): RedisTarget | undefined {
  if (clusterNodes) return { url: url ?? 'redis://localhost', clusterNodes: parseHosts(clusterNodes, 6379) };
  if (sentinels) return { url: url ?? 'redis://localhost/0', sentinels: parseSentinels(sentinels.list), sentinelName: sentinels.name, ...(sentinels.password ? { sentinelPassword: sentinels.password } : {}) };
  return url ? { url } : undefined;
}

/**
 * One connection to `target` with the caller's options on top: a Redis (one server or through the sentinels) or a
 * Cluster. BullMQ takes either as its `connection` (a Worker duplicates it for its blocking commands).
 */
export function connectRedis(target: string | RedisTarget, extra: RedisOptions = {}): RedisClient {
  const t = typeof target === 'string' ? { url: target } : target;
  if (!t.clusterNodes?.length) return new Redis(redisOptions(t, extra));
  return new Cluster(t.clusterNodes, clusterOptions(extra, credentialsOf(new URL(t.url))));
}

/** A second connection like `client` with other options (a subscriber, a producer that fails fast). */
export function duplicateRedis(client: RedisClient, extra: RedisOptions): RedisClient {
  if (client instanceof Cluster) return client.duplicate(undefined, clusterOptions(extra, client.options.redisOptions ?? {}));
  return client.duplicate(extra);
}

/** The database number a client works in (the events channel names it); a cluster has only database 0. */
export const redisDb = (client: RedisClient): number => (client instanceof Cluster ? 0 : (client.options.db ?? 0));
