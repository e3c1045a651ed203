// The web chat's server side (issue #21) with the real Redis and Postgres: a visitor opens a chat and waits, an
// adviseur on the console sees it and accepts, both type, a transfer to a colleague with a note, the end; a dropped
// visitor resumes within the few minutes and is gone after them; a blocked visitor is refused; and the conversation's
// words are never in Postgres, nor in Redis once the chat ended or expired (sentinels).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { createTestApp, login, type Session, type TestContext } from '../support/app.ts';
import { adviesBody, meldingBody } from '../support/fixtures.ts';

let t: TestContext;
let adviseur: Session;
let chef: Session;

beforeAll(async () => {
  t = await createTestApp({ chat: { resumeSeconds: 2 } });
  adviseur = await login(t.app, 'adviseur@demo.test');
  chef = await login(t.app, 'chef@demo.test');
});
afterAll(() => t.close());

type Event = Record<string, unknown> & { type: string };

/** A WebSocket on the app with every event it received, and a way to wait for the next one of a type. */
async function socket(path: string, headers: Record<string, string> = {}) {
  const events: Event[] = [];
  const waiters: { type: string; pred: (e: Event) => boolean; resolve: (e: Event) => void }[] = [];
  const ws: WebSocket = await t.app.injectWS(path, { headers });
  ws.on('message', (raw) => {
    const e = JSON.parse(raw.toString()) as Event;
    events.push(e);
    for (const w of [...waiters]) {
      if (w.type !== e.type || !w.pred(e)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(e);
    }
  });
  const next = (type: string, pred: (e: Event) => boolean = () => true, ms = 5000) => {
    const seen = events.find((e) => e.type === type && pred(e) && !(e as { _taken?: boolean })._taken);
    if (seen) return Promise.resolve(Object.assign(seen, { _taken: true }));
    return new Promise<Event>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} within ${ms} ms; had ${events.map((e) => e.type).join(',')}`)), ms);
      waiters.push({ type, pred, resolve: (e) => (clearTimeout(timer), resolve(Object.assign(e, { _taken: true }))) });
    });
  };
  return { ws, events, next, send: (m: object) => ws.send(JSON.stringify(m)) };
}

const consoleOf = (s: Session) => socket('/api/chat/ws', { cookie: s.headers.cookie! });
const open = async (remoteAddress = '10.30.0.1') => {
  const res = await t.app.inject({ method: 'POST', url: '/api/publiek/chat', remoteAddress });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; token: string };
};
const visitor = async (token: string) => {
  const v = await socket('/api/publiek/chat/ws');
  v.send({ type: 'hallo', token });
  await v.next('geschiedenis');
  return v;
};

describe('the web chat', () => {
  it('is closed to visitors until an adviseur is on the console', async () => {
    const before = await t.app.inject({ url: '/api/publiek/chat/status' });
    expect(before.json()).toMatchObject({ open: true, beschikbaar: false, telefoon: '0800-2000' });
    const refused = await t.app.inject({ method: 'POST', url: '/api/publiek/chat', remoteAddress: '10.30.0.9' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('0800-2000') });
    // The console is for the advice line and the chef, not for others: its socket is refused before it opens.
    const manager = await login(t.app, 'manager@demo.test');
    expect((await t.app.inject({ url: '/api/chat/collegas', headers: manager.headers })).statusCode).toBe(403);
    await expect(t.app.injectWS('/api/chat/ws', { headers: { cookie: manager.headers.cookie! } })).rejects.toThrow(/403/);
    await expect(t.app.injectWS('/api/chat/ws')).rejects.toThrow(/401/);
  });

  it('a visitor waits, the adviseur accepts, both type, a transfer with a note, and the end; nothing of it in Postgres or Redis', async () => {
    const a = await consoleOf(adviseur);
    await a.next('wachtrij');
    expect((await t.app.inject({ url: '/api/publiek/chat/status' })).json()).toMatchObject({ beschikbaar: true });

    const chat = await open();
    const v = await visitor(chat.token);
    await expect(v.next('wachten')).resolves.toMatchObject({ positie: 1 });
    await a.next('wachtrij', (e) => (e.chats as { id: string }[]).some((c) => c.id === chat.id));

    a.send({ type: 'accepteren', chatId: chat.id });
    await a.next('chat', (e) => (e.chat as { id: string }).id === chat.id);
    await v.next('verbonden');

    v.send({ type: 'typen' });
    await a.next('typen');
    v.send({ type: 'bericht', tekst: 'Mijn stiefvader SENTINEL-CHAT slaat mij.' });
    await expect(a.next('bericht')).resolves.toMatchObject({ chatId: chat.id, bericht: { van: 'bezoeker', tekst: 'Mijn stiefvader SENTINEL-CHAT slaat mij.' } });
    a.send({ type: 'bericht', chatId: chat.id, tekst: 'Wat goed dat je het vertelt. Ben je nu veilig?' });
    await expect(v.next('bericht', (e) => (e.bericht as { van: string }).van === 'adviseur')).resolves.toMatchObject({ bericht: { tekst: 'Wat goed dat je het vertelt. Ben je nu veilig?' } });

    // A colleague (the chef) takes it over with a note; the visitor hears of it, not who.
    const c = await consoleOf(chef);
    await c.next('wachtrij');
    const collegas = (await t.app.inject({ url: '/api/chat/collegas', headers: adviseur.headers })).json() as { items: { id: string; ruimte: boolean }[] };
    expect(collegas.items).toEqual([expect.objectContaining({ id: chef.userId, ruimte: true })]);
    a.send({ type: 'overdragen', chatId: chat.id, naar: chef.userId, notitie: 'Jongere, 15, thuis onveilig.' });
    await a.next('overgedragen');
    const taken = await c.next('chat');
    expect(taken.chat).toMatchObject({ id: chat.id, notitie: 'Jongere, 15, thuis onveilig.', berichten: [expect.objectContaining({ tekst: 'Mijn stiefvader SENTINEL-CHAT slaat mij.' }), expect.anything()] });
    await v.next('overgedragen');
    // The first adviseur may no longer write in it.
    a.send({ type: 'bericht', chatId: chat.id, tekst: 'Nog iets' });
    await expect(a.next('fout')).resolves.toMatchObject({ code: 'NIET_JOUW_CHAT' });

    c.send({ type: 'beeindigen', chatId: chat.id });
    const ended = await c.next('beeindigd');
    expect(ended).toMatchObject({ chatId: chat.id, door: 'adviseur', geaccepteerdAt: expect.any(String), beeindigdAt: expect.any(String) });
    await v.next('beeindigd');

    const [row] = await t.db.handle.db.execute<Record<string, unknown>>(sql`select * from chat_sessies where id = ${chat.id}::uuid`);
    expect(row).toMatchObject({ uitkomst: 'beantwoord', overdrachten: 1, eerste_adviseur_id: adviseur.userId, adviseur_id: chef.userId });
    // No word of the conversation anywhere in Postgres, and nothing of the chat left in Redis.
    // Every table of the database, row by row as text.
    const tables = await t.db.handle.db.execute<{ name: string }>(sql`select quote_ident(table_name) as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
    expect(tables.length).toBeGreaterThan(20);
    for (const { name } of tables) {
      const [hit] = await t.db.handle.db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${name} x where x::text like '%SENTINEL-CHAT%'`));
      expect(hit!.n, name).toBe(0);
    }
    expect(await redisContains('SENTINEL-CHAT')).toBe(false);
    for (const s of [a, c, v]) s.ws.terminate();
  });

  it('resumes after a dropped connection within the few minutes, and is gone after them', async () => {
    const a = await consoleOf(adviseur);
    await a.next('wachtrij');
    const chat = await open('10.30.0.2');
    const v = await visitor(chat.token);
    a.send({ type: 'accepteren', chatId: chat.id });
    await v.next('verbonden');
    v.send({ type: 'bericht', tekst: 'Eerste bericht SENTINEL-RESUME.' });
    await a.next('bericht');
    v.ws.terminate();
    // Back within the time: the conversation so far comes back.
    const again = await socket('/api/publiek/chat/ws');
    again.send({ type: 'hallo', token: chat.token });
    await expect(again.next('geschiedenis')).resolves.toMatchObject({ status: 'actief', berichten: [expect.objectContaining({ tekst: 'Eerste bericht SENTINEL-RESUME.' })] });
    again.ws.terminate();
    // Gone for longer than the resume time (2 s here): the chat is over, its words gone from Redis.
    await new Promise((r) => setTimeout(r, 2600));
    await t.app.chat.sweepNow();
    await expect(a.next('beeindigd', (e) => e.chatId === chat.id)).resolves.toMatchObject({ door: 'verlopen' });
    expect(await redisContains('SENTINEL-RESUME')).toBe(false);
    const late = await socket('/api/publiek/chat/ws');
    late.send({ type: 'hallo', token: chat.token });
    await late.next('onbekend');
    for (const s of [a, late]) s.ws.terminate();
  });

  it('blocks an abusive visitor: the chat ends and that address is refused for a day, by a keyed hash only', async () => {
    const a = await consoleOf(adviseur);
    await a.next('wachtrij');
    const chat = await open('10.30.0.3');
    const v = await visitor(chat.token);
    a.send({ type: 'accepteren', chatId: chat.id });
    await v.next('verbonden');
    a.send({ type: 'blokkeren', chatId: chat.id });
    await v.next('beeindigd');
    const again = await t.app.inject({ method: 'POST', url: '/api/publiek/chat', remoteAddress: '10.30.0.3' });
    expect(again.statusCode).toBe(403);
    expect(await redisContains('10.30.0.3')).toBe(false);
    // Nor anywhere else in Redis: not even the count of anonymous requests keeps the address (a keyed hash does).
    expect(await t.redis.keys('*10.30.0.3*')).toEqual([]);
    expect((await t.redis.keys(`${t.prefix}:anon:*`)).length).toBeGreaterThan(0);
    const keys = await t.redis.keys(`{${t.prefix}:chat}:blok:*`);
    expect(keys).toHaveLength(1);
    expect(await t.redis.ttl(keys[0]!)).toBeGreaterThan(23 * 3600);
    const [row] = await t.db.handle.db.execute<{ uitkomst: string }>(sql`select uitkomst::text from chat_sessies where id = ${chat.id}::uuid`);
    expect(row!.uitkomst).toBe('geblokkeerd');
    // Another address still gets in.
    expect((await t.app.inject({ method: 'POST', url: '/api/publiek/chat', remoteAddress: '10.30.0.4' })).statusCode).toBe(201);
    a.ws.terminate();
  });

  it('refuses messages too long, unknown shapes and tokens, and a socket from another site', async () => {
    const a = await consoleOf(adviseur);
    await a.next('wachtrij');
    const chat = await open('10.30.0.5');
    const v = await visitor(chat.token);
    v.send({ type: 'bericht', tekst: 'x'.repeat(2001) });
    await expect(v.next('fout')).resolves.toMatchObject({ code: 'TE_LANG' });
    v.ws.send('geen json');
    await expect(v.next('fout')).resolves.toMatchObject({ code: 'ONGELDIG' });
    const stranger = await socket('/api/publiek/chat/ws');
    stranger.send({ type: 'hallo', token: 'A'.repeat(43) });
    await stranger.next('onbekend');
    const cross = await t.app.injectWS('/api/chat/ws', { headers: { cookie: adviseur.headers.cookie!, origin: 'https://evil.example' } });
    const code = await new Promise<number>((r) => cross.on('close', (c) => r(c)));
    expect(code).toBe(1008);
    for (const s of [a, v, stranger]) s.ws.terminate();
  });
});

describe('the advies from a chat', () => {
  it('is linked to the chat’s figures by the adviseur who held it, and never becomes a melding', async () => {
    const a = await consoleOf(adviseur);
    await a.next('wachtrij');
    const chat = await open('10.30.0.6');
    a.send({ type: 'accepteren', chatId: chat.id });
    await a.next('chat');
    a.send({ type: 'beeindigen', chatId: chat.id });
    const ended = await a.next('beeindigd');
    const advies = await t.app.inject({ method: 'POST', url: '/api/adviezen', headers: adviseur.headers, payload: adviesBody({ kanaal: 'chat', startedAt: ended.geaccepteerdAt, endedAt: ended.beeindigdAt }) });
    expect(advies.statusCode, advies.body).toBe(201);
    const { id: adviesId } = advies.json() as { id: string };
    // Not by someone else, and not for an advies that is not a chat's.
    expect((await t.app.inject({ method: 'POST', url: `/api/chat/sessies/${chat.id}/advies`, headers: chef.headers, payload: { adviesId } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/chat/sessies/${chat.id}/advies`, headers: adviseur.headers, payload: { adviesId } })).statusCode).toBe(204);
    const [row] = await t.db.handle.db.execute<{ advies_id: string }>(sql`select advies_id::text from chat_sessies where id = ${chat.id}::uuid`);
    expect(row!.advies_id).toBe(adviesId);
    const melding = await t.app.inject({ method: 'POST', url: `/api/adviezen/${adviesId}/melding`, headers: adviseur.headers, payload: meldingBody({ kanaal: 'telefoon' }) });
    expect(melding.statusCode).toBe(409);
    expect(melding.json()).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('anoniem') });
    a.ws.terminate();
  });
});

describe('the figures for managers', () => {
  it('counts offered, answered and abandoned chats with the median and p90 wait, per Amsterdam hour and week', async () => {
    // Hand-made chats in March 2025 (CET, UTC+1), answered after the seconds given, or abandoned.
    const rows: [string, number | null][] = [
      ['2025-03-09T23:30:00Z', 10], // 00:30 on Monday 10 March in Amsterdam: that day, hour 0
      ['2025-03-10T11:05:00Z', 60],
      ['2025-03-10T11:20:00Z', 180],
      ['2025-03-10T11:40:00Z', null],
      ['2025-03-10T15:50:00Z', 30],
      ['2025-03-17T11:10:00Z', 120],
      ['2025-03-17T23:30:00Z', 5], // 00:30 on the 18th in Amsterdam: outside the period
    ];
    for (const [at, wait] of rows) {
      const offered = new Date(at);
      await t.db.handle.db.execute(sql`insert into chat_sessies (id, aangeboden_at, geaccepteerd_at, beeindigd_at, uitkomst)
        values (gen_random_uuid(), ${offered.toISOString()}::timestamptz, ${wait === null ? null : new Date(offered.getTime() + wait * 1000).toISOString()}::timestamptz,
                ${new Date(offered.getTime() + 600_000).toISOString()}::timestamptz, ${wait === null ? 'afgebroken' : 'beantwoord'})`);
    }
    const manager = await login(t.app, 'manager@demo.test');
    const res = await t.app.inject({ url: '/api/dashboard/chat?van=2025-03-10&tot=2025-03-17', headers: manager.headers });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { totaal: object; perUur: { uur: number }[]; perWeek: object[] };
    // Waits 10, 30, 60, 120, 180 s: median 60; p90 by linear interpolation at 3.6 → 120 + 0.6 × 60 = 156.
    expect(body.totaal).toEqual({ aangeboden: 6, beantwoord: 5, afgebroken: 1, mediaanWachtSec: 60, p90WachtSec: 156 });
    expect(body.perUur).toHaveLength(24);
    expect(body.perUur[0]).toEqual({ uur: 0, aangeboden: 1, beantwoord: 1, afgebroken: 0, mediaanWachtSec: 10, p90WachtSec: 10 });
    expect(body.perUur[12]).toEqual({ uur: 12, aangeboden: 4, beantwoord: 3, afgebroken: 1, mediaanWachtSec: 120, p90WachtSec: 168 });
    expect(body.perUur[16]).toMatchObject({ aangeboden: 1, mediaanWachtSec: 30 });
    expect(body.perUur[13]).toEqual({ uur: 13, aangeboden: 0, beantwoord: 0, afgebroken: 0, mediaanWachtSec: null, p90WachtSec: null });
    expect(body.perWeek).toEqual([
      { start: '2025-03-10', aangeboden: 5, beantwoord: 4, afgebroken: 1, mediaanWachtSec: 45, p90WachtSec: 144 },
      { start: '2025-03-17', aangeboden: 1, beantwoord: 1, afgebroken: 0, mediaanWachtSec: 120, p90WachtSec: 120 },
    ]);
    // Aggregates for the manager only; a period the wrong way round is refused.
    expect((await t.app.inject({ url: '/api/dashboard/chat', headers: adviseur.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/dashboard/chat?van=2025-03-17&tot=2025-03-10', headers: manager.headers })).statusCode).toBe(400);
  });
});

describe('the standard texts', () => {
  it('are kept by the beheerder, audited, and offered on the console while in use', async () => {
    const beheer = await login(t.app, 'beheer@demo.test');
    const shown = async () => ((await t.app.inject({ url: '/api/chat/standaardteksten', headers: adviseur.headers })).json() as { items: { titel: string }[] }).items.map((x) => x.titel);
    // The demo's four, in their order.
    expect(await shown()).toEqual(['Welkom', 'Veilig nu?', 'Zelf melden', 'Afsluiten']);
    expect((await t.app.inject({ method: 'POST', url: '/api/admin/chatteksten', headers: adviseur.headers, payload: { titel: 'X', tekst: 'Y' } })).statusCode).toBe(403);
    const made = await t.app.inject({ method: 'POST', url: '/api/admin/chatteksten', headers: beheer.headers, payload: { titel: 'Opvang', tekst: 'Er zijn plekken waar je veilig kunt slapen.', volgorde: 3 } });
    expect(made.statusCode, made.body).toBe(201);
    const { id } = made.json() as { id: string };
    expect(await shown()).toEqual(['Welkom', 'Veilig nu?', 'Opvang', 'Zelf melden', 'Afsluiten']);
    const off = await t.app.inject({ method: 'PUT', url: `/api/admin/chatteksten/${id}`, headers: beheer.headers, payload: { titel: 'Opvang', tekst: 'Er zijn plekken waar je veilig kunt slapen.', actief: false } });
    expect(off.json()).toMatchObject({ actief: false });
    expect(await shown()).not.toContain('Opvang');
    // Kept on file for the beheerder, and both changes in the audit trail.
    const all = (await t.app.inject({ url: '/api/admin/chatteksten', headers: beheer.headers })).json() as { items: { titel: string; actief: boolean }[] };
    expect(all.items.find((x) => x.titel === 'Opvang')).toMatchObject({ actief: false });
    const [audit] = await t.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where subject_type = 'chattekst' and subject_id = ${id}`);
    expect(audit!.n).toBe(2);
    expect((await t.app.inject({ method: 'PUT', url: `/api/admin/chatteksten/${crypto.randomUUID()}`, headers: beheer.headers, payload: { titel: 'XY', tekst: 'YY' } })).statusCode).toBe(404);
  });
});

/** Whether any chat key in Redis holds `text` (strings, hashes, lists). */
async function redisContains(text: string): Promise<boolean> {
  for (const key of await t.redis.keys(`{${t.prefix}:chat}:*`)) {
    const type = await t.redis.type(key);
    const values = type === 'string' ? [await t.redis.get(key)] : type === 'hash' ? Object.values(await t.redis.hgetall(key)) : type === 'list' ? await t.redis.lrange(key, 0, -1) : type === 'zset' ? await t.redis.zrange(key, 0, -1) : type === 'set' ? await t.redis.smembers(key) : [];
    if (values.some((v) => v?.includes(text))) return true;
  }
  return false;
}
