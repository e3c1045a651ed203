// PgBouncer in transaction mode in front of the test's Postgres (issue #19, connection pooling): Debian's pgbouncer on
// a free port, trust auth, run as the postgres user when the test runs as root (PgBouncer refuses root).
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { freePort } from './server-process.ts';

export const pgbouncerBin = (): string | null => ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'].find((p) => existsSync(p)) ?? null;

export interface Bouncer {
  /** The same database, through the pooler. */
  url(direct: string): string;
  /** Transactions the pooler has carried for a database so far (SHOW STATS on its admin console). */
  transactions(database: string): Promise<number>;
  stop(): Promise<void>;
}

export async function startPgbouncer(bin: string, upstreamPort = 5432): Promise<Bouncer> {
  const dir = mkdtempSync(join(tmpdir(), 'vt-pgbouncer-'));
  chmodSync(dir, 0o777);
  const port = await freePort();
  writeFileSync(join(dir, 'userlist.txt'), '"postgres" ""\n');
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=127.0.0.1 port=${upstreamPort}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      `unix_socket_dir = ${dir}`,
      'auth_type = trust',
      `auth_file = ${join(dir, 'userlist.txt')}`,
      'pool_mode = transaction',
      'max_client_conn = 500',
      'default_pool_size = 8',
      'ignore_startup_parameters = extra_float_digits,options',
      'admin_users = postgres',
      `logfile = ${join(dir, 'pgbouncer.log')}`,
      `pidfile = ${join(dir, 'pgbouncer.pid')}`,
    ].join('\n') + '\n',
  );
  chmodSync(join(dir, 'pgbouncer.ini'), 0o644);
  const asRoot = process.getuid?.() === 0;
  const child: ChildProcess = asRoot ? spawn('runuser', ['-u', 'postgres', '--', bin, join(dir, 'pgbouncer.ini')], { stdio: 'ignore' }) : spawn(bin, [join(dir, 'pgbouncer.ini')], { stdio: 'ignore' });
  const listening = () => new Promise<boolean>((r) => createConnection(port, '127.0.0.1').once('connect', function (this: import('node:net').Socket) { this.destroy(); r(true); }).once('error', () => r(false)));
  for (let i = 0; !(await listening()); i++) {
    if (child.exitCode !== null || i > 100) throw new Error(`pgbouncer did not start (exit ${child.exitCode})`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: (direct) => {
      const u = new URL(direct);
      u.port = String(port);
      return u.toString();
    },
    async transactions(database) {
      const admin = postgres(`postgres://postgres@127.0.0.1:${port}/pgbouncer`, { max: 1, prepare: false, fetch_types: false, onnotice: () => {} });
      try {
        const rows = (await admin`SHOW STATS`.simple()) as unknown as { database: string; total_xact_count: string }[];
        return Number(rows.find((r) => r.database === database)?.total_xact_count ?? 0);
      } finally {
        await admin.end();
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
