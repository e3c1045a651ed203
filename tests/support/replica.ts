// A Postgres primary with a streaming replica of its own, from this machine's Postgres 15 binaries (issue #19): initdb,
// pg_basebackup -R and two postgres on free ports, run as the postgres user when the test runs as root (Postgres
// refuses root). The data lives in a temporary folder that is removed when the pair stops.
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server-process.ts';

/** Debian's layout (/usr/lib/postgresql/<major>/bin), newest major first; PG_BIN overrides it. */
export function postgresBin(): string | null {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const majors = readdirSync(base).filter((d) => existsSync(join(base, d, 'bin', 'pg_basebackup'))).sort((a, b) => Number(b) - Number(a));
  return majors.length ? join(base, majors[0]!, 'bin') : null;
}

const asRoot = process.getuid?.() === 0;

function run(bin: string, tool: string, args: string[]) {
  const cmd = asRoot ? 'runuser' : join(bin, tool);
  const argv = asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args;
  const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed (${r.status}):\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

export interface ReplicaPair {
  primaryUrl(db: string): string;
  replicaUrl(db: string): string;
  stopReplica(): void;
  stop(): void;
}

export async function startReplicaPair(bin: string): Promise<ReplicaPair> {
  const dir = mkdtempSync(join(tmpdir(), 'vt-replica-'));
  chmodSync(dir, 0o777);
  const [p1, p2] = [await freePort(), await freePort()];
  const primary = join(dir, 'primary');
  const replica = join(dir, 'replica');
  const stopped = new Set<string>();
  const pgctl = (data: string, ...args: string[]) => run(bin, 'pg_ctl', ['-D', data, ...args]);
  try {
    run(bin, 'initdb', ['-D', primary, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    // A test cluster: no fsync, small, and streaming replication allowed from localhost (initdb's pg_hba.conf allows it
    // under trust).
    appendFileSync(primary + '/postgresql.conf', `\nport = ${p1}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${dir}'\nfsync = off\nfull_page_writes = off\nwal_level = replica\nmax_wal_senders = 4\nshared_buffers = 32MB\n`);
    pgctl(primary, '-l', join(dir, 'primary.log'), '-w', 'start');
    run(bin, 'pg_basebackup', ['-h', '127.0.0.1', '-p', String(p1), '-U', 'postgres', '-D', replica, '-R', '-X', 'stream', '-c', 'fast']);
    appendFileSync(replica + '/postgresql.conf', `\nport = ${p2}\nhot_standby = on\n`);
    pgctl(replica, '-l', join(dir, 'replica.log'), '-w', 'start');
  } catch (err) {
    for (const d of [replica, primary]) if (existsSync(join(d, 'postmaster.pid'))) pgctl(d, '-m', 'immediate', 'stop');
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const stopOne = (d: string) => {
    if (stopped.has(d)) return;
    stopped.add(d);
    if (existsSync(join(d, 'postmaster.pid'))) pgctl(d, '-m', 'immediate', '-w', 'stop');
  };
  return {
    primaryUrl: (db) => `postgres://postgres@127.0.0.1:${p1}/${db}`,
    replicaUrl: (db) => `postgres://postgres@127.0.0.1:${p2}/${db}`,
    stopReplica: () => stopOne(replica),
    stop() {
      stopOne(replica);
      stopOne(primary);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
