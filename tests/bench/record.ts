// What every benchmark shares: a timed loop of concurrent clients with its latency percentiles, and the run's
// record in RESULTS.md (with the commit; BENCH_NO_RECORD=1 for trial runs).
import { execSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { createTestDatabase } from '../support/database.ts';
import { TEST_REDIS_URL } from '../support/env.ts';
import setup from '../support/global-setup.ts';

/** A bench's own database (cloned from the migrated, seeded template) and an emptied Redis database (15). */
export async function benchEnvironment() {
  await setup();
  const db = await createTestDatabase();
  const redisUrl = `${TEST_REDIS_URL.replace(/\/\d*$/, '')}/15`;
  const r = new Redis(redisUrl);
  await r.flushdb();
  r.disconnect();
  return { db, redisUrl };
}

/** Builds exactly what `npm start` runs: the esbuild bundle of the server. */
export function buildServerBundle(): void {
  execSync('node --import tsx server/src/build-server.ts', { cwd: fileURLToPath(new URL('../..', import.meta.url)), stdio: 'ignore' });
}

export interface Latencies {
  /** Answers in the measured time. */
  n: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Runs `work` from `connections` loops, one call after the other, for `seconds`, and measures every call. */
export async function timedLoop(work: () => Promise<unknown>, connections: number, seconds: number): Promise<Latencies> {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        await work();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]!;
  return { n: latencies.length, rps: latencies.length / seconds, p50: at(50), p95: at(95), p99: at(99), max: latencies[latencies.length - 1]! };
}

export function gitCommit(): string {
  try {
    return execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return 'unknown'; // not a checkout
  }
}

/** Appends a run's figures (markdown) to tests/bench/RESULTS.md. */
export function recordResults(markdown: string): void {
  if (!process.env.BENCH_NO_RECORD) appendFileSync(fileURLToPath(new URL('./RESULTS.md', import.meta.url)), markdown);
}
