import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has working defaults for a developer machine', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, databaseUrl: undefined, redisUrl: undefined, seedDemo: false, nodeEnv: 'development' });
  });

  it('honours the URLs whole, database number included', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/vt?sslmode=require', REDIS_URL: 'redis://cache:6379/3', PORT: '8080', SEED_DEMO: '1' });
    expect(c.databaseUrl).toBe('postgres://u:p@db:5432/vt?sslmode=require');
    expect(c.redisUrl).toBe('redis://cache:6379/3');
    expect(c.port).toBe(8080);
    expect(c.seedDemo).toBe(true);
  });

  it('fails fast with one clear message', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ NODE_ENV: 'production', REDIS_URL: 'redis://r' })).toThrow(/DATABASE_URL is required/);
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://d', REDIS_URL: 'redis://r', SMTP_URL: 'smtp://m', PUBLIC_URL: 'https://vt.example.nl', SEED_DEMO: '1' })).toThrow(/SEED_DEMO/);
  });
});
