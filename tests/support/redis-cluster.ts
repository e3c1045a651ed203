// A Redis Cluster of the test's own (issue #19): three masters on free ports (each with its cluster bus on port +
// 10000), joined by `redis-cli --cluster create`, nothing kept on disk but the nodes' own cluster files in a
// temporary folder that is removed when the cluster stops.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

const free = (port: number) => new Promise<boolean>((r) => createServer().once('error', () => r(false)).listen(port, '127.0.0.1', function (this: import('node:net').Server) { this.close(() => r(true)); }));

/** A port whose cluster bus (port + 10000) is free too. */
async function clusterPort(taken: Set<number>): Promise<number> {
  for (;;) {
    const p = 20000 + Math.floor(Math.random() * 20000);
    if (!taken.has(p) && (await free(p)) && (await free(p + 10000))) return taken.add(p), p;
  }
}

export interface RedisClusterSet {
  /** REDIS_CLUSTER_NODES for the product. */
  nodes: string;
  ports: number[];
  /** Keys matching `pattern` on every master together. */
  keys(pattern: string): Promise<string[]>;
  stop(): void;
}

export async function startRedisCluster(): Promise<RedisClusterSet> {
  const dir = mkdtempSync(join(tmpdir(), 'vt-cluster-'));
  const taken = new Set<number>();
  const ports = [await clusterPort(taken), await clusterPort(taken), await clusterPort(taken)];
  const children: ChildProcess[] = ports.map((p) =>
    spawn('redis-server', ['--port', String(p), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--cluster-config-file', join(dir, `nodes-${p}.conf`), '--dir', dir, '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'], { stdio: 'ignore' }),
  );
  const node = (p: number) => new Redis({ port: p, host: '127.0.0.1', maxRetriesPerRequest: 1, retryStrategy: (n) => (n > 50 ? null : 100) });
  const stop = () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const p of ports) {
      const r = node(p);
      await r.ping();
      r.disconnect();
    }
    const made = spawnSync('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'], { encoding: 'utf8', timeout: 30_000 });
    if (made.status !== 0) throw new Error(`redis-cli --cluster create failed:\n${made.stdout}${made.stderr}`);
    const end = Date.now() + 20_000;
    for (;;) {
      const states = await Promise.all(ports.map(async (p) => {
        const r = node(p);
        try {
          return /cluster_state:ok/.test((await r.call('CLUSTER', 'INFO')) as string);
        } finally {
          r.disconnect();
        }
      }));
      if (states.every(Boolean)) break;
      if (Date.now() > end) throw new Error('the cluster did not come up');
      await new Promise((r) => setTimeout(r, 200));
    }
  } catch (err) {
    stop();
    throw err;
  }
  return {
    nodes: ports.map((p) => `127.0.0.1:${p}`).join(','),
    ports,
    async keys(pattern) {
      const all: string[] = [];
      for (const p of ports) {
        const r = node(p);
        all.push(...(await r.keys(pattern)));
        r.disconnect();
      }
      return all;
    },
    stop,
  };
}
