// The real product (`server/src/main.ts`: API, workers, no web build needed) in a child process that a test can
// kill, restart and signal.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { TEST_DATA_KEYS, TEST_INDEX_KEYS } from './env.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Servers still running when this process ends (a bench or test that failed half-way) are not left behind. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of running) if (c.exitCode === null) c.kill('SIGKILL');
});

export interface ServerProcess {
  child: ChildProcess;
  base: string;
  output(): string;
  exited: Promise<number | null>;
}

/** Starts server/src/main.ts through tsx, or with `bundle` the built server/dist/main.mjs that `npm start` runs. */
export function startServer(env: Record<string, string>, port: number, nodeArgs: string[] = [], opts: { bundle?: boolean } = {}): ServerProcess {
  let out = '';
  // The bundle runs with the same V8 heap cap as `npm start` (package.json): without it V8 lets garbage pile up to
  // ~100 MB more before collecting on a machine with 24 GiB.
  const entry = opts.bundle ? ['--max-old-space-size=512', 'server/dist/main.mjs'] : ['--import', 'tsx', 'server/src/main.ts'];
  const child = spawn(process.execPath, [...nodeArgs, ...entry], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', PORT: String(port), DATA_ENCRYPTION_KEYS: TEST_DATA_KEYS, BLIND_INDEX_KEYS: TEST_INDEX_KEYS, MAIL_CATCHER: 'files', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  running.add(child);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => (running.delete(child), r(code))));
  return { child, base: `http://127.0.0.1:${port}`, output: () => out, exited };
}

export async function waitReady(s: ServerProcess, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (s.child.exitCode !== null) throw new Error(`server exited with ${s.child.exitCode}:\n${s.output()}`);
    const ok = await fetch(`${s.base}/api/health/ready`).then((r) => r.ok, () => false);
    if (ok) return;
    if (Date.now() > until) throw new Error(`server not ready in time:\n${s.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function until(fn: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** SIGTERM to a server still running, and its exit waited for (an afterAll's clean stop). */
export async function stopServer(s: ServerProcess | undefined): Promise<void> {
  if (!s || s.child.exitCode !== null || s.child.signalCode !== null) return;
  s.child.kill('SIGTERM');
  await s.exited;
}
