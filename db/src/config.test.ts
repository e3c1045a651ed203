import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README, withTable } from './cli/config-docs.ts';
import { ConfigError, configSchema, readEnv } from './config.ts';

describe('the configuration schema', () => {
  it('is what the README documents (npm run docs:config writes it)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(withTable(readme)).toBe(readme);
  });

  it('names every variable with a description and a default or a reason it has none', () => {
    for (const [name, s] of Object.entries(configSchema.properties) as [string, { description?: string; default?: unknown; 'x-shown'?: string }][]) {
      expect(s.description, name).toBeTruthy();
      expect(s.default !== undefined || s['x-shown'] !== undefined, name).toBe(true);
    }
  });

  it('stops at the first wrong value with one line naming it', () => {
    expect(() => readEnv({ TRIAGE_CONCURRENCY: '0' })).toThrow(new ConfigError('TRIAGE_CONCURRENCY must be an integer between 1 and 200, got "0"'));
    expect(() => readEnv({ RUN_WORKERS: 'misschien' })).toThrow(/RUN_WORKERS must be 1 or 0/);
    expect(() => readEnv({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be fatal, error, warn, info, debug, trace or silent, got "loud"/);
    expect(() => readEnv({ TRUST_PROXY: 'iedereen' })).toThrow(/TRUST_PROXY/);
    expect(() => readEnv({ QUEUE_PREFIX: 'vt queues' })).toThrow(/QUEUE_PREFIX must match/);
    expect(() => readEnv({ REDIS_SENTINELS: 'a:1;b:2' })).toThrow(/REDIS_SENTINELS must match/);
    expect(() => readEnv({ REDIS_CLUSTER_NODES: 'a:7000' })).toThrow(/QUEUE_PREFIX must hold a hash tag/);
    expect(readEnv({ REDIS_CLUSTER_NODES: 'a:7000', QUEUE_PREFIX: '{vt}' })).toMatchObject({ QUEUE_PREFIX: '{vt}' });
    expect(readEnv({ DB_POOL_SIZE: '25', RETENTION_ADVIES_YEARS: '3' })).toMatchObject({ DB_POOL_SIZE: 25, RETENTION_ADVIES_YEARS: 3, TRIAGE_CONCURRENCY: 8 });
  });
});
