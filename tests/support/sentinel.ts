// A Redis Sentinel set of the test's own (issue #19): three redis-server (a master and two replicas) and three
// sentinels on free ports, quorum two, a master declared down after one second. Nothing is kept on disk but the
// sentinels' own configuration, which they rewrite, in a temporary folder removed when the set stops.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from './server-process.ts';

export const SENTINEL_MASTER = 'vtmaster';

export interface SentinelSet {
  /** REDIS_SENTINELS for the product. */
  sentinels: string;
  /** The port of the master the sentinels name now. */
  masterPort(): Promise<number>;
  /** Kills the current master (SIGKILL) and waits until the sentinels have promoted a replica; returns its port. */
  killMaster(): Promise<number>;
  /** The names of the connections a server has now (CLIENT LIST). */
  clientNames(port: number): Promise<string[]>;
  stop(): void;
}

async function until(fn: () => Promise<boolean>, ms: number, what: string) {
  const end = Date.now() + ms;
  while (!(await fn().catch(() => false))) {
    if (Date.now() > end) throw new Error(`${what}: not in time`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startSentinelSet(): Promise<SentinelSet> {
  const dir = mkdtempSync(join(tmpdir(), 'vt-sentinel-'));
  const children: ChildProcess[] = [];
  const servers = new Map<number, ChildProcess>();
  const base = ['--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'];
  const ports = await Promise.all([freePort(), freePort(), freePort()]);
  const sentinelPorts = await Promise.all([freePort(), freePort(), freePort()]);
  const start = (args: string[]) => {
    const c = spawn('redis-server', args, { stdio: 'ignore' });
    children.push(c);
    return c;
  };
  const ping = (port: number) => {
    const r = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.on('error', () => {});
    return r.connect().then(() => r.ping(), () => null).finally(() => r.disconnect());
  };
  const [master, ...replicas] = ports as [number, number, number];
  servers.set(master, start(['--port', String(master), ...base]));
  for (const p of replicas) servers.set(p, start(['--port', String(p), '--replicaof', '127.0.0.1', String(master), ...base]));
  for (const p of ports) await until(async () => (await ping(p)) === 'PONG', 10_000, `redis-server on ${p}`);
  for (const [i, p] of sentinelPorts.entries()) {
    const conf = join(dir, `sentinel-${i}.conf`);
    writeFileSync(
      conf,
      [
        `port ${p}`,
        'bind 127.0.0.1',
        `dir ${dir}`,
        `sentinel monitor ${SENTINEL_MASTER} 127.0.0.1 ${master} 2`,
        `sentinel down-after-milliseconds ${SENTINEL_MASTER} 1000`,
        `sentinel failover-timeout ${SENTINEL_MASTER} 5000`,
        `sentinel parallel-syncs ${SENTINEL_MASTER} 2`,
      ].join('\n') + '\n',
    );
    start([conf, '--sentinel']);
  }
  const sentinel = new Redis({ port: sentinelPorts[0]!, host: '127.0.0.1', maxRetriesPerRequest: 1 });
  sentinel.on('error', () => {});
  const masterPort = async () => Number(((await sentinel.call('SENTINEL', 'get-master-addr-by-name', SENTINEL_MASTER)) as [string, string])[1]);
  // Every sentinel knows the replicas and the other sentinels before the set is handed out.
  await until(async () => {
    const info = (await sentinel.call('SENTINEL', 'master', SENTINEL_MASTER)) as string[];
    const field = (k: string) => Number(info[info.indexOf(k) + 1]);
    return field('num-slaves') === 2 && field('num-other-sentinels') === 2;
  }, 20_000, 'sentinels discovering the set');
  return {
    sentinels: sentinelPorts.map((p) => `127.0.0.1:${p}`).join(','),
    masterPort,
    async killMaster() {
      const old = await masterPort();
      servers.get(old)!.kill('SIGKILL');
      await until(async () => (await masterPort()) !== old, 30_000, 'failover');
      return masterPort();
    },
    async clientNames(port) {
      const r = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 1 });
      try {
        const list = (await r.call('CLIENT', 'LIST')) as string;
        return list.split('\n').map((l) => /name=(\S*)/.exec(l)?.[1] ?? '').filter(Boolean);
      } finally {
        r.disconnect();
      }
    },
    stop() {
      sentinel.disconnect();
      for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
