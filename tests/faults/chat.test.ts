// The web chat across API processes (issue #21, acceptance 2): a visitor on process A and an adviseur on process B
// talk to each other (Redis pub/sub between them), and neither process logs a word of the conversation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { TEST_REDIS_URL } from '../support/env.ts';
import { freePort, startServer, stopServer, waitReady, type ServerProcess } from '../support/server-process.ts';
import { signIn } from '../support/sse.ts';

let db: TestDatabase;
let a: ServerProcess;
let b: ServerProcess;

beforeAll(async () => {
  db = await createTestDatabase();
  const env = {
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: `vtchat${process.pid}`,
    RUN_WORKERS: '0',
    LOG_LEVEL: 'debug',
    CHAT_OPENINGSTIJDEN: 'ma-zo 00:00-24:00',
  };
  [a, b] = [startServer(env, await freePort()), startServer(env, await freePort())];
  await Promise.all([waitReady(a), waitReady(b)]);
}, 120_000);

afterAll(async () => {
  await Promise.all([a && stopServer(a), b && stopServer(b)]);
  await db?.drop();
});

type Event = Record<string, unknown> & { type: string };

function connect(url: string, headers: Record<string, string> = {}) {
  const ws = new WebSocket(url, { headers });
  const events: Event[] = [];
  ws.on('close', (code, reason) => events.push({ type: 'closed', code, reason: reason.toString() }));
  ws.on('unexpected-response', (_req, res) => events.push({ type: 'http', status: res.statusCode ?? 0 }));
  ws.on('error', (err) => events.push({ type: 'error', message: err.message }));
  ws.on('message', (raw) => events.push(JSON.parse(raw.toString()) as Event));
  const next = async (type: string, pred: (e: Event) => boolean = () => true, ms = 8000) => {
    const until = Date.now() + ms;
    for (;;) {
      const i = events.findIndex((e) => e.type === type && pred(e));
      if (i >= 0) return events.splice(i, 1)[0]!;
      if (Date.now() > until) throw new Error(`no ${type}; had ${JSON.stringify(events)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return { ws, next, opened: new Promise((r) => ws.once('open', r)), send: (m: object) => ws.send(JSON.stringify(m)) };
}

describe('the web chat on two API processes', () => {
  it('lets a visitor on A and an adviseur on B talk, and logs no word of it', async () => {
    const session = await signIn(b.base, 'adviseur@demo.test');
    const console = connect(`${b.base.replace('http', 'ws')}/api/chat/ws`, { cookie: session.cookie, origin: b.base });
    await console.opened;
    await console.next('wachtrij');

    const opened = await fetch(`${a.base}/api/publiek/chat`, { method: 'POST' });
    expect(opened.status, await opened.clone().text()).toBe(201);
    const chat = (await opened.json()) as { id: string; token: string };
    const visitor = connect(`${a.base.replace('http', 'ws')}/api/publiek/chat/ws`, { origin: a.base });
    await visitor.opened;
    visitor.send({ type: 'hallo', token: chat.token });
    await visitor.next('wachten');
    await console.next('wachtrij', (e) => (e.chats as { id: string }[]).some((c) => c.id === chat.id));

    console.send({ type: 'accepteren', chatId: chat.id });
    await visitor.next('verbonden');
    visitor.send({ type: 'bericht', tekst: 'Hallo, SENTINEL-PROC-A hier.' });
    await expect(console.next('bericht')).resolves.toMatchObject({ bericht: { van: 'bezoeker', tekst: 'Hallo, SENTINEL-PROC-A hier.' } });
    console.send({ type: 'bericht', chatId: chat.id, tekst: 'Welkom, SENTINEL-PROC-B hier.' });
    await expect(visitor.next('bericht', (e) => (e.bericht as { van: string }).van === 'adviseur')).resolves.toMatchObject({ bericht: { tekst: 'Welkom, SENTINEL-PROC-B hier.' } });
    console.send({ type: 'beeindigen', chatId: chat.id });
    await visitor.next('beeindigd');
    visitor.ws.close();
    console.ws.close();

    // Both processes logged (at debug), and neither logged the conversation or the visitor's token.
    expect(a.output().length + b.output().length).toBeGreaterThan(0);
    for (const p of [a, b]) {
      expect(p.output()).not.toContain('SENTINEL-PROC');
      expect(p.output()).not.toContain(chat.token);
    }
  }, 60_000);
});
