// Builds the real application against a test database and the real Redis, and signs demo users in.
import { randomBytes } from 'node:crypto';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { parseOpeningstijden } from '@vt/db/domain';
import { createRegionalDb } from '@vt/db';
import { buildApp } from '@vt/server';
import { errorCodes } from '../../server/src/errors.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { DEMO_API_KEY, DEMO_PASSWORD, TEST_REDIS_URL, testCipher } from './env.ts';

export type TestApp = Awaited<ReturnType<typeof buildApp>>;

export interface TestContext {
  app: TestApp;
  db: TestDatabase;
  redis: Redis;
  /** A unique key prefix for this file (BullMQ prefix, rate-limit keys). */
  prefix: string;
  close(): Promise<void>;
}

export async function createTestApp(options: { redisUrl?: string; queues?: Queue[]; totpRequired?: boolean; regios?: string[]; publiek?: { perUur?: number; minSeconden?: number }; chat?: { openingstijden?: string; resumeSeconds?: number; maxPerAdviseur?: number } } = {}): Promise<TestContext> {
  const db = await createTestDatabase();
  // Several regions (issue #19): the API's queries run as vt_app in the caller's region; `db.handle` stays the owner's.
  const regional = options.regios ? createRegionalDb(db.url, options.regios, { max: 4 }) : undefined;
  const redis = new Redis(options.redisUrl ?? TEST_REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true });
  redis.on('error', () => {});
  await redis.connect().catch(() => {});
  const prefix = `vt-test-${randomBytes(4).toString('hex')}`;
  const app = await buildApp({
    redisKeyPrefix: `${prefix}:`,
    queuePrefix: prefix,
    config: { nodeEnv: 'test', logLevel: process.env.TEST_LOG_LEVEL ?? 'silent', sessionIdleMinutes: 30, sessionAbsoluteHours: 12, trustProxy: false, totpRequired: options.totpRequired ?? false, publiekMeldingenPerUur: options.publiek?.perUur ?? 10, publiekMinSeconden: options.publiek?.minSeconden ?? 0,
      // The chat is open day and night in tests unless a test is about its hours (CI runs at any hour).
      chatOpeningstijden: parseOpeningstijden(options.chat?.openingstijden ?? 'ma-zo 00:00-24:00'),
      chatResumeSeconds: options.chat?.resumeSeconds ?? 180,
      chatMaxPerAdviseur: options.chat?.maxPerAdviseur ?? 3,
      chatSnelwegUrl: 'https://neutraal.example/' },
    db: regional ?? db.handle,
    cipher: testCipher,
    redis,
    webRoot: false,
    ...(options.queues ? { queues: options.queues } : {}),
  });
  // The contract check every integration test makes on the side: each answer's status must be one the route
  // declares in its schema (and so in the OpenAPI document); close() fails the file if any was not.
  const undeclared = new Set<string>();
  app.addHook('onResponse', async (req, reply) => {
    if (!req.routeOptions.url?.startsWith('/api/') || (req.routeOptions.schema as { hide?: boolean } | undefined)?.hide) return;
    const declared = (req.routeOptions.schema as { response?: Record<string, unknown> } | undefined)?.response ?? {};
    if (!(String(reply.statusCode) in declared)) undeclared.add(`${req.method} ${req.routeOptions.url} ${reply.statusCode}`);
  });
  // ... and every error body carries a code of the contract's list (server/src/errors.ts, errorCodes).
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode < 400 || typeof payload !== 'string' || !req.routeOptions.url?.startsWith('/api/')) return payload;
    // Only answers declared as the error body (the readiness check answers 503 with its own shape).
    const declared = (req.routeOptions.schema as { response?: Record<string, { $ref?: string }> } | undefined)?.response?.[String(reply.statusCode)];
    if (declared && declared.$ref !== 'Error') return payload;
    let code: unknown;
    try {
      code = (JSON.parse(payload) as { code?: unknown }).code;
    } catch {
      code = undefined;
    }
    if (!(errorCodes as readonly unknown[]).includes(code)) undeclared.add(`${req.method} ${req.routeOptions.url} ${reply.statusCode} code ${String(code)}`);
    return payload;
  });
  await app.ready();
  return {
    app,
    db,
    redis,
    prefix,
    close: async () => {
      await app.close();
      redis.disconnect();
      await regional?.close();
      await db.drop();
      if (undeclared.size) throw new Error(`answers outside the contract (undeclared status, or an error code not in errorCodes): ${[...undeclared].sort().join('; ')}`);
    },
  };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  userId: string;
  headers: Record<string, string>;
}

/** Signs a demo user in (e.g. 'adviseur@demo.test') and returns the headers a browser would send. */
export async function login(app: TestApp, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0]! : String(setCookie);
  const cookie = raw.split(';')[0]!;
  const body = res.json() as { user: { id: string }; csrfToken: string };
  return { cookie, csrfToken: body.csrfToken, userId: body.user.id, headers: { cookie, 'x-csrf-token': body.csrfToken } };
}

export const partnerHeaders = { authorization: `Bearer ${DEMO_API_KEY}` };
