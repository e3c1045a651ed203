// The compose file users deploy with (issue #19): only variables the product reads, the proxy balancing over exactly
// the API services and asking their readiness, the drain shorter than the grace period, and workers that scale.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { configSchema } from '@vt/db/config';

interface Service {
  build?: { dockerfile: string };
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  deploy?: { replicas?: number };
  stop_grace_period?: string;
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(readFileSync(fileURLToPath(new URL('../../docker-compose.yml', import.meta.url)), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  configs: { caddyfile: { content: string } };
};
const services = Object.entries(compose.services);
const apis = services.filter(([, s]) => s.build && !s.command).map(([name]) => name);
const seconds = (d: string) => Number(/^(\d+)s$/.exec(d)?.[1]);

describe('docker-compose.yml', () => {
  it('passes the product only variables it reads', () => {
    const known = new Set(Object.keys(configSchema.properties));
    for (const [name, s] of services.filter(([, s]) => s.build)) {
      expect(Object.keys(s.environment ?? {}).filter((v) => !known.has(v)), name).toEqual([]);
    }
  });

  it('runs at least two API processes, none with workers, behind a proxy that asks their readiness', () => {
    expect(apis.length).toBeGreaterThanOrEqual(2);
    for (const name of apis) expect(compose.services[name]!.environment!.RUN_WORKERS).toBe('false');
    const caddy = compose.configs.caddyfile.content;
    const upstreams = /reverse_proxy ([^{]+)\{/.exec(caddy)![1]!.trim().split(/\s+/);
    expect(upstreams.sort()).toEqual(apis.map((a) => `${a}:3000`).sort());
    expect(caddy).toMatch(/health_uri \/api\/health\/ready/);
    expect(caddy).toMatch(/flush_interval -1/);
    expect(Object.keys(compose.services.proxy!.depends_on!).sort()).toEqual([...apis].sort());
  });

  it('drains for less time than the container gets to stop, and trusts only the private network as proxy', () => {
    for (const name of apis) {
      const s = compose.services[name]!;
      expect(Number(s.environment!.SHUTDOWN_DRAIN_SECONDS) + 20).toBeLessThanOrEqual(seconds(s.stop_grace_period!));
      expect(s.environment!.TRUST_PROXY).toBe('uniquelocal');
    }
  });

  it('runs several workers', () => {
    const worker = compose.services.worker!;
    expect(worker.command).toContain('workers/dist/main.mjs');
    expect(worker.deploy!.replicas).toBeGreaterThanOrEqual(2);
  });
});
