// Slow and greedy clients (issue #14, finding 10): a request must arrive whole within the request timeout (a body
// sent a byte at a time is cut off with 408), one address holds a limited number of sockets, and a live event
// stream (SSE) is not cut by the request timeout.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@vt/server';
import { createTestApp, login, type TestContext } from '../support/app.ts';
import { testCipher } from '../support/env.ts';

let t: TestContext;
let app: Awaited<ReturnType<typeof buildApp>>;
let port = 0;

beforeAll(async () => {
  t = await createTestApp();
  app = await buildApp({
    config: { nodeEnv: 'test', logLevel: 'silent', sessionIdleMinutes: 30, sessionAbsoluteHours: 12, trustProxy: false, requestTimeoutMs: 1500, maxConnectionsPerIp: 5, exemptLoopback: false },
    db: t.db.handle,
    cipher: testCipher,
    redis: t.redis,
    webRoot: false,
    redisKeyPrefix: `${t.prefix}-conn:`,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as { port: number }).port;
});
afterAll(async () => {
  await app.close();
  await t.close();
});

const open = () =>
  new Promise<Socket>((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s));
    s.on('error', reject);
  });
const closed = (s: Socket) => new Promise<number>((resolve) => {
  const start = Date.now();
  if (s.destroyed) return resolve(0);
  s.on('close', () => resolve(Date.now() - start));
});

describe('connection limits', () => {
  it('cuts off a body that arrives a byte at a time once the request timeout passes', async () => {
    const s = await open();
    let answer = '';
    s.on('data', (d) => (answer += String(d)));
    s.write('POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{');
    const drip = setInterval(() => s.writable && s.write(' '), 300);
    const start = Date.now();
    await closed(s);
    clearInterval(drip);
    const took = Date.now() - start;
    expect(took).toBeLessThan(4000);
    expect(answer).toMatch(/^HTTP\/1.1 408/);
  });

  it('holds at most five sockets for one address', async () => {
    const sockets = await Promise.all(Array.from({ length: 5 }, open));
    const sixth = await open();
    const ms = await Promise.race([closed(sixth), new Promise<number>((r) => setTimeout(() => r(-1), 2000))]);
    expect(ms).toBeGreaterThanOrEqual(0);
    for (const s of sockets) s.destroy();
    await new Promise((r) => setTimeout(r, 100));
    // A socket freed is a socket available again.
    const again = await open();
    const res = await new Promise<string>((resolve) => {
      let text = '';
      again.on('data', (d) => {
        text += String(d);
        if (text.includes('\r\n\r\n')) resolve(text);
      });
      again.write('GET /api/health/live HTTP/1.1\r\nHost: localhost\r\n\r\n');
    });
    expect(res).toMatch(/^HTTP\/1.1 200/);
    again.destroy();
  });

  it('keeps a live event stream open past the request timeout', async () => {
    const chef = await login(app, 'chef@demo.test');
    const controller = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/api/events`, { headers: { cookie: chef.cookie }, signal: controller.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let ended = false;
    const pump = (async () => {
      for (;;) {
        const { done } = await reader.read().catch(() => ({ done: true }));
        if (done) return void (ended = true);
      }
    })();
    await new Promise((r) => setTimeout(r, 3000));
    expect(ended).toBe(false);
    controller.abort();
    await pump;
  });
});
