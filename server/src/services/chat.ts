// The web chat (issue #21): anonymous visitors, adviseurs on the console, and between them Redis — the state of each
// chat in a few keys with a short expiry, and one pub/sub channel so a visitor and an adviseur may sit on different
// API processes. The conversation is held only there: refreshed while the visitor is present, gone a few minutes
// after the visitor left, deleted at the end. Postgres keeps the figures (when offered, answered, ended; by whom) and
// never a word of the conversation, nor the visitor's address (only a keyed hash of it, in Redis, for a day, when
// the visitor was blocked). Nothing here logs a message's text.
import { randomBytes, randomUUID } from 'node:crypto';
import { blindIndex, schema, sha256, type DbOrTx } from '@vt/db';
import { isOpen, type ChatUitkomst, type OpeningsBlok } from '@vt/db/domain';
import { duplicateRedis, type RedisClient } from '@vt/workers';
import { and, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';

export interface ChatSettings {
  openingstijden: readonly OpeningsBlok[];
  maxPerAdviseur: number;
  /** How long a chat survives without its visitor (a reload, a dropped connection), in seconds. */
  resumeSeconds: number;
  /** Where the visitor's quick exit goes. */
  snelwegUrl: string;
}

export interface ChatBericht {
  van: 'bezoeker' | 'adviseur';
  tekst: string;
  at: string;
}

/** What one side of a chat is sent (over its WebSocket). */
export type VisitorEvent =
  | { type: 'wachten'; positie: number; verwachtMinuten: number | null }
  | { type: 'verbonden' }
  | { type: 'geschiedenis'; status: 'wachtend' | 'actief'; berichten: ChatBericht[] }
  | { type: 'bericht'; bericht: ChatBericht }
  | { type: 'typen' }
  | { type: 'overgedragen' }
  | { type: 'beeindigd' }
  | { type: 'onbekend' }
  | { type: 'fout'; code: string; message: string };

export interface ConsoleChat {
  id: string;
  aangebodenAt: string;
  geaccepteerdAt: string | null;
  berichten: ChatBericht[];
  /** A colleague's note with a transfer. */
  notitie?: string;
  vanCollega?: string;
}

export type StaffEvent =
  | { type: 'wachtrij'; chats: { id: string; aangebodenAt: string }[]; online: number; max: number }
  | { type: 'chat'; chat: ConsoleChat }
  | { type: 'bericht'; chatId: string; bericht: ChatBericht }
  | { type: 'typen'; chatId: string }
  | { type: 'overgedragen'; chatId: string; naar: string }
  | { type: 'beeindigd'; chatId: string; door: 'bezoeker' | 'adviseur' | 'verlopen'; aangebodenAt: string; geaccepteerdAt: string | null; beeindigdAt: string }
  | { type: 'fout'; chatId?: string; code: string; message: string };

type BusMessage = { naar: 'bezoeker'; chatId: string; event: VisitorEvent } | { naar: 'adviseur'; userId: string; event: StaffEvent } | { naar: 'wachtrij' };

export class ChatRefused extends Error {
  constructor(
    readonly code: 'GESLOTEN' | 'GEEN_ADVISEUR' | 'GEBLOKKEERD' | 'TE_VEEL' | 'ONBEKEND' | 'VOL' | 'BEZET' | 'TE_LANG' | 'NIET_JOUW_CHAT' | 'COLLEGA_NIET_BESCHIKBAAR',
    message: string,
  ) {
    super(message);
  }
}

/** Message length and pace per chat and side: long enough to tell a story, too little to flood. */
export const CHAT_MAX_TEKST = 2000;
const PER_MINUUT = 30;
/** Chats one address may start per hour (counted by a keyed hash of the address, never the address). */
const STARTS_PER_UUR = 10;
const HEARTBEAT_MS = 10_000;
const ONLINE_MS = 30_000;

export interface Sender<E> {
  send(event: E): void;
}

/** Minutes to wait at `positie`: the median wait times the place over the adviseurs on the console (null: unknown). */
const waitFor = (medianSec: number | null, positie: number, online: number) =>
  medianSec === null ? null : Math.max(1, Math.round(((medianSec / 60) * positie) / Math.max(1, online)));

export class ChatHub {
  private readonly visitors = new Map<string, Set<Sender<VisitorEvent>>>();
  private readonly staff = new Map<string, Set<Sender<StaffEvent>>>();
  private subscriber: RedisClient | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly k: string;

  constructor(
    private readonly redis: RedisClient,
    private readonly db: DbOrTx,
    prefix: string,
    readonly settings: ChatSettings,
    private readonly log: FastifyBaseLogger,
  ) {
    // One hash tag for every chat key: on a Redis Cluster they share a slot, so a transaction may span them.
    this.k = `{${prefix}chat}:`;
  }

  private key = (...parts: string[]) => this.k + parts.join(':');

  private subscribed: Promise<unknown> = Promise.resolve();

  /** Subscribes this process to the chat's channel (once); resolves when Redis confirmed it. */
  private start(): Promise<unknown> {
    if (this.subscriber) return this.subscribed;
    const sub = duplicateRedis(this.redis, { enableOfflineQueue: true, maxRetriesPerRequest: null, lazyConnect: false });
    sub.on('error', () => {});
    sub.on('message', (_channel, raw: string) => {
      let m: BusMessage;
      try {
        m = JSON.parse(raw) as BusMessage;
      } catch {
        return;
      }
      if (m.naar === 'bezoeker') for (const s of this.visitors.get(m.chatId) ?? []) s.send(m.event);
      else if (m.naar === 'adviseur') for (const s of this.staff.get(m.userId) ?? []) s.send(m.event);
      else void this.queueChanged().catch((err: Error) => this.log.warn({ errName: err.name }, 'chat queue update failed'));
    });
    this.subscribed = sub.subscribe(this.key('bus')).catch(() => {});
    this.subscriber = sub;
    this.timer = setInterval(() => void this.sweep().catch((err: Error) => this.log.warn({ errName: err.name }, 'chat sweep failed')), HEARTBEAT_MS);
    this.timer.unref();
    return this.subscribed;
  }

  private publish(m: BusMessage) {
    return this.redis.publish(this.key('bus'), JSON.stringify(m));
  }

  async close() {
    clearInterval(this.timer);
    this.visitors.clear();
    this.staff.clear();
    this.subscriber?.disconnect();
    this.subscriber = undefined;
  }

  // ---- what the visitor's page asks before it opens a chat

  /** Open now, adviseurs on the console, chats waiting, and an honest expected wait (null: not known). */
  async status(now = new Date()) {
    const open = isOpen(this.settings.openingstijden, now);
    const [online, wachtend] = await Promise.all([this.onlineCount(now), this.redis.zcard(this.key('wachtrij'))]);
    return { open, beschikbaar: open && online > 0, wachtend, verwachtMinuten: open && online > 0 ? await this.expectedWait(wachtend + 1, online) : null };
  }

  private async onlineCount(now: Date) {
    return this.redis.zcount(this.key('online'), now.getTime() - ONLINE_MS, '+inf');
  }

  /**
   * The median wait of the chats answered in the last three hours, times the place in the queue over the adviseurs
   * on the console; null with fewer than three answered (a guess would be dishonest).
   */
  private async expectedWait(positie: number, online: number): Promise<number | null> {
    return waitFor(await this.waitBasis(), positie, online);
  }

  /** The median wait in seconds of the chats answered in the last three hours; null with fewer than three. */
  private async waitBasis(): Promise<number | null> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int`, median: sql<number | null>`percentile_cont(0.5) within group (order by extract(epoch from (${schema.chatSessies.geaccepteerdAt} - ${schema.chatSessies.aangebodenAt})))` })
      .from(schema.chatSessies)
      .where(and(isNotNull(schema.chatSessies.geaccepteerdAt), gt(schema.chatSessies.geaccepteerdAt, sql`now() - interval '3 hours'`)));
    return !row || row.n < 3 || row.median === null ? null : row.median;
  }

  // ---- the visitor

  /** Opens a chat: its id and the visitor's token (kept by the page for a reload; only its hash in Redis). */
  async open(ip: string, now = new Date()): Promise<{ id: string; token: string }> {
    await this.start();
    if (!isOpen(this.settings.openingstijden, now)) throw new ChatRefused('GESLOTEN', 'De chat is nu gesloten. Bel Veilig Thuis: 0800-2000 (gratis, dag en nacht).');
    const ipHash = blindIndex(`chat-ip|${ip}`);
    if (await this.redis.exists(this.key('blok', ipHash))) throw new ChatRefused('GEBLOKKEERD', 'Chatten is vanaf hier nu niet mogelijk. Bel Veilig Thuis: 0800-2000.');
    const starts = await this.redis.incr(this.key('starts', ipHash));
    if (starts === 1) await this.redis.expire(this.key('starts', ipHash), 3600);
    if (starts > STARTS_PER_UUR) throw new ChatRefused('TE_VEEL', 'U heeft het afgelopen uur al vaak een chat geopend. Bel Veilig Thuis: 0800-2000.');
    if ((await this.onlineCount(now)) === 0) throw new ChatRefused('GEEN_ADVISEUR', 'Er is nu geen adviseur beschikbaar voor de chat. Bel Veilig Thuis: 0800-2000 (gratis, dag en nacht).');
    const id = randomUUID();
    const token = randomBytes(32).toString('base64url');
    const ttl = this.settings.resumeSeconds;
    await this.db.insert(schema.chatSessies).values({ id, aangebodenAt: now });
    await this.redis
      .multi()
      .hset(this.key('c', id), { status: 'wachtend', aangeboden: String(now.getTime()), ip: ipHash })
      .expire(this.key('c', id), ttl)
      .set(this.key('t', sha256(token)), id, 'EX', ttl)
      .zadd(this.key('wachtrij'), now.getTime(), id)
      .exec();
    await this.publish({ naar: 'wachtrij' });
    return { id, token };
  }

  /** The chat a visitor's token opens, refreshed: undefined when it is unknown or gone. */
  async visitorChat(token: string): Promise<string | undefined> {
    const id = await this.redis.get(this.key('t', sha256(token)));
    if (!id || !(await this.redis.exists(this.key('c', id)))) return undefined;
    await this.touch(id, token);
    return id;
  }

  /** The visitor is present: the chat lives on for `resumeSeconds` from now. */
  async touch(id: string, token: string) {
    const ttl = this.settings.resumeSeconds;
    await this.redis.multi().expire(this.key('c', id), ttl).expire(this.key('m', id), ttl).expire(this.key('t', sha256(token)), ttl).exec();
  }

  /** Registers a visitor's socket; the returned function unregisters it. Sends the chat's state first. */
  async attachVisitor(id: string, s: Sender<VisitorEvent>): Promise<() => void> {
    await this.start();
    const set = this.visitors.get(id) ?? new Set();
    set.add(s);
    this.visitors.set(id, set);
    const c = await this.redis.hgetall(this.key('c', id));
    s.send({ type: 'geschiedenis', status: c.status === 'actief' ? 'actief' : 'wachtend', berichten: await this.history(id) });
    if (c.status !== 'actief') await this.sendPosition(id, s, await this.positionBasis());
    return () => {
      set.delete(s);
      if (!set.size) this.visitors.delete(id);
    };
  }

  /** Tells a waiting visitor its place and wait; `basis` and `online` as read once for all of them. */
  private async sendPosition(id: string, s: Sender<VisitorEvent>, basis: { median: number | null; online: number }) {
    const rank = await this.redis.zrank(this.key('wachtrij'), id);
    if (rank === null) return;
    s.send({ type: 'wachten', positie: rank + 1, verwachtMinuten: waitFor(basis.median, rank + 1, basis.online) });
  }

  private async positionBasis() {
    const [median, online] = await Promise.all([this.waitBasis(), this.onlineCount(new Date())]);
    return { median, online };
  }

  private async history(id: string): Promise<ChatBericht[]> {
    return (await this.redis.lrange(this.key('m', id), 0, -1)).map((m) => JSON.parse(m) as ChatBericht);
  }

  /** A message from one side: size and pace checked, kept with the chat's expiry, sent to both sides. */
  async say(id: string, van: ChatBericht['van'], tekst: string, userId?: string) {
    const text = tekst.trim();
    if (!text) return;
    if (text.length > CHAT_MAX_TEKST) throw new ChatRefused('TE_LANG', `Een bericht is hoogstens ${CHAT_MAX_TEKST} tekens.`);
    const c = await this.redis.hgetall(this.key('c', id));
    if (!c.status) throw new ChatRefused('ONBEKEND', 'Deze chat bestaat niet meer.');
    if (van === 'adviseur' && c.adviseur !== userId) throw new ChatRefused('NIET_JOUW_CHAT', 'Deze chat is niet (meer) van u.');
    const pace = this.key('tempo', id, van);
    const n = await this.redis.incr(pace);
    if (n === 1) await this.redis.expire(pace, 60);
    if (n > PER_MINUUT) throw new ChatRefused('TE_VEEL', 'Even rustig aan: te veel berichten in korte tijd.');
    const bericht: ChatBericht = { van, tekst: text, at: new Date().toISOString() };
    const ttl = await this.redis.ttl(this.key('c', id));
    await this.redis
      .multi()
      .rpush(this.key('m', id), JSON.stringify(bericht))
      .ltrim(this.key('m', id), -500, -1)
      .expire(this.key('m', id), Math.max(ttl, 1))
      .exec();
    await this.publish({ naar: 'bezoeker', chatId: id, event: { type: 'bericht', bericht } });
    if (c.adviseur) await this.publish({ naar: 'adviseur', userId: c.adviseur, event: { type: 'bericht', chatId: id, bericht } });
  }

  async typing(id: string, van: ChatBericht['van']) {
    const c = await this.redis.hmget(this.key('c', id), 'adviseur');
    if (van === 'bezoeker' && c[0]) await this.publish({ naar: 'adviseur', userId: c[0], event: { type: 'typen', chatId: id } });
    if (van === 'adviseur') await this.publish({ naar: 'bezoeker', chatId: id, event: { type: 'typen' } });
  }

  // ---- the adviseur

  /** Registers an adviseur's console; it hears the queue and gets back the chats it holds. */
  async attachStaff(userId: string, s: Sender<StaffEvent>): Promise<() => void> {
    await this.start();
    const set = this.staff.get(userId) ?? new Set();
    set.add(s);
    this.staff.set(userId, set);
    await this.redis.zadd(this.key('online'), Date.now(), userId);
    // This console hears the queue at once; the others (and the waiting visitors) that one more is on.
    s.send({ type: 'wachtrij', chats: await this.queue(), online: await this.onlineCount(new Date()), max: this.settings.maxPerAdviseur });
    await this.publish({ naar: 'wachtrij' });
    for (const id of await this.redis.smembers(this.key('a', userId))) {
      const chat = await this.consoleChat(id);
      if (chat) s.send({ type: 'chat', chat });
    }
    return () => {
      set.delete(s);
      if (!set.size) {
        this.staff.delete(userId);
        void this.redis.zrem(this.key('online'), userId).then(() => this.publish({ naar: 'wachtrij' })).catch(() => {});
      }
    };
  }

  private async consoleChat(id: string, extra: Partial<ConsoleChat> = {}): Promise<ConsoleChat | undefined> {
    const c = await this.redis.hgetall(this.key('c', id));
    if (!c.status) return undefined;
    return { id, aangebodenAt: new Date(Number(c.aangeboden)).toISOString(), geaccepteerdAt: c.geaccepteerd ? new Date(Number(c.geaccepteerd)).toISOString() : null, berichten: await this.history(id), ...extra };
  }

  private async queue() {
    const ids = await this.redis.zrange(this.key('wachtrij'), 0, -1, 'WITHSCORES');
    const out: { id: string; aangebodenAt: string }[] = [];
    for (let i = 0; i < ids.length; i += 2) out.push({ id: ids[i]!, aangebodenAt: new Date(Number(ids[i + 1])).toISOString() });
    return out;
  }

  /** The queue changed: every console on this process hears it, every waiting visitor its new place. */
  private async queueChanged() {
    if (this.staff.size) {
      const event: StaffEvent = { type: 'wachtrij', chats: await this.queue(), online: await this.onlineCount(new Date()), max: this.settings.maxPerAdviseur };
      for (const set of this.staff.values()) for (const s of set) s.send(event);
    }
    if (!this.visitors.size) return;
    const basis = await this.positionBasis();
    for (const [id, set] of this.visitors) for (const s of set) await this.sendPosition(id, s, basis);
  }

  /** An adviseur takes a waiting chat; one of two taking it at once gets it. */
  async accept(id: string, userId: string, now = new Date()) {
    const held = await this.redis.scard(this.key('a', userId));
    if (held >= this.settings.maxPerAdviseur) throw new ChatRefused('VOL', `U heeft al ${held} chats open (hoogstens ${this.settings.maxPerAdviseur}).`);
    if ((await this.redis.zrem(this.key('wachtrij'), id)) !== 1) throw new ChatRefused('BEZET', 'Deze chat is al aangenomen of bestaat niet meer.');
    // The visitor left before the sweep saw it: the chat is over, not taken (and no key is made again without expiry).
    if (!(await this.redis.exists(this.key('c', id)))) {
      await this.recordEnd(id, 'afgebroken', now);
      await this.publish({ naar: 'wachtrij' });
      throw new ChatRefused('BEZET', 'De bezoeker is weg; deze chat bestaat niet meer.');
    }
    await this.redis
      .multi()
      .hset(this.key('c', id), { status: 'actief', adviseur: userId, geaccepteerd: String(now.getTime()) })
      .expire(this.key('c', id), this.settings.resumeSeconds)
      .sadd(this.key('a', userId), id)
      .exec();
    await this.db.update(schema.chatSessies).set({ geaccepteerdAt: now, eersteAdviseurId: userId, adviseurId: userId }).where(eq(schema.chatSessies.id, id));
    const chat = await this.consoleChat(id);
    if (chat) await this.publish({ naar: 'adviseur', userId, event: { type: 'chat', chat } });
    await this.publish({ naar: 'bezoeker', chatId: id, event: { type: 'verbonden' } });
    await this.publish({ naar: 'wachtrij' });
  }

  private async holds(id: string, userId: string) {
    return (await this.redis.hget(this.key('c', id), 'adviseur')) === userId;
  }

  /** Hands a chat to a colleague on the console, with a note; the visitor is told, not who. */
  async transfer(id: string, userId: string, naar: string, notitie: string, naamVan: string) {
    if (!(await this.holds(id, userId))) throw new ChatRefused('NIET_JOUW_CHAT', 'Deze chat is niet (meer) van u.');
    const online = (await this.redis.zscore(this.key('online'), naar)) !== null;
    const held = await this.redis.scard(this.key('a', naar));
    if (naar === userId || !online || held >= this.settings.maxPerAdviseur) throw new ChatRefused('COLLEGA_NIET_BESCHIKBAAR', 'Deze collega is niet aan de chat of heeft geen ruimte.');
    await this.redis.multi().hset(this.key('c', id), 'adviseur', naar).srem(this.key('a', userId), id).sadd(this.key('a', naar), id).exec();
    await this.db.update(schema.chatSessies).set({ adviseurId: naar, overdrachten: sql`${schema.chatSessies.overdrachten} + 1` }).where(eq(schema.chatSessies.id, id));
    const chat = await this.consoleChat(id, { notitie: notitie.trim().slice(0, 1000), vanCollega: naamVan });
    await this.publish({ naar: 'adviseur', userId, event: { type: 'overgedragen', chatId: id, naar } });
    if (chat) await this.publish({ naar: 'adviseur', userId: naar, event: { type: 'chat', chat } });
    await this.publish({ naar: 'bezoeker', chatId: id, event: { type: 'overgedragen' } });
  }

  /** Ends a chat: its conversation deleted at once, its figures recorded, both sides told. */
  async end(id: string, door: 'bezoeker' | 'adviseur', opts: { userId?: string; uitkomst?: ChatUitkomst } = {}, now = new Date()) {
    const c = await this.redis.hgetall(this.key('c', id));
    if (!c.status) return;
    if (door === 'adviseur' && c.adviseur !== opts.userId) throw new ChatRefused('NIET_JOUW_CHAT', 'Deze chat is niet (meer) van u.');
    if (opts.uitkomst === 'geblokkeerd' && c.ip) await this.redis.set(this.key('blok', c.ip), '1', 'EX', 24 * 3600);
    const first = await this.finish(id, c, opts.uitkomst ?? (c.status === 'actief' ? 'beantwoord' : 'afgebroken'), now);
    if (!first) return;
    await this.publish({ naar: 'bezoeker', chatId: id, event: { type: 'beeindigd' } });
    if (c.adviseur) await this.publish({ naar: 'adviseur', userId: c.adviseur, event: this.endedEvent(id, c, door, now) });
  }

  private endedEvent(id: string, c: Record<string, string>, door: 'bezoeker' | 'adviseur' | 'verlopen', now: Date): StaffEvent {
    return { type: 'beeindigd', chatId: id, door, aangebodenAt: new Date(Number(c.aangeboden)).toISOString(), geaccepteerdAt: c.geaccepteerd ? new Date(Number(c.geaccepteerd)).toISOString() : null, beeindigdAt: now.toISOString() };
  }

  /** Records a chat's end in its figures, once: the row as it was, or undefined when it had ended already. */
  private async recordEnd(id: string, uitkomst: ChatUitkomst, now: Date) {
    const [row] = await this.db
      .update(schema.chatSessies)
      .set({ beeindigdAt: now, uitkomst })
      .where(and(eq(schema.chatSessies.id, id), isNull(schema.chatSessies.beeindigdAt)))
      .returning({ aangebodenAt: schema.chatSessies.aangebodenAt, geaccepteerdAt: schema.chatSessies.geaccepteerdAt });
    return row;
  }

  /** Deletes a chat's keys and records its end; false when another process or call did so first. */
  private async finish(id: string, c: Record<string, string>, uitkomst: ChatUitkomst, now: Date): Promise<boolean> {
    const res = await this.redis.multi().del(this.key('c', id)).del(this.key('m', id)).zrem(this.key('wachtrij'), id).exec();
    const ended = await this.recordEnd(id, uitkomst, now);
    if (c.adviseur) await this.redis.srem(this.key('a', c.adviseur), id);
    if (res?.[2]?.[1] === 1) await this.publish({ naar: 'wachtrij' });
    return Boolean(ended);
  }

  /** Links the advies filed from a chat to its figures (the adviseur who ended it files it). */
  async linkAdvies(id: string, adviesId: string, userId: string) {
    await this.db.update(schema.chatSessies).set({ adviesId }).where(and(eq(schema.chatSessies.id, id), eq(schema.chatSessies.adviseurId, userId), isNull(schema.chatSessies.adviesId)));
  }

  /**
   * Every few seconds: the consoles on this process say they are there, and chats whose visitor left longer ago
   * than `resumeSeconds` (their keys expired) are closed — the adviseur hears it, the figures record it.
   */
  private async sweep() {
    const now = new Date();
    for (const userId of this.staff.keys()) {
      await this.redis.zadd(this.key('online'), now.getTime(), userId);
      for (const id of await this.redis.smembers(this.key('a', userId))) {
        if (await this.redis.exists(this.key('c', id))) continue;
        if ((await this.redis.srem(this.key('a', userId), id)) !== 1) continue;
        const row = await this.recordEnd(id, 'beantwoord', now);
        const c = { aangeboden: String(row?.aangebodenAt.getTime() ?? now.getTime()), ...(row?.geaccepteerdAt ? { geaccepteerd: String(row.geaccepteerdAt.getTime()) } : {}) };
        await this.publish({ naar: 'adviseur', userId, event: this.endedEvent(id, c, 'verlopen', now) });
      }
    }
    await this.redis.zremrangebyscore(this.key('online'), '-inf', now.getTime() - ONLINE_MS);
    let changed = false;
    for (const { id } of await this.queue()) {
      if (await this.redis.exists(this.key('c', id))) continue;
      if ((await this.redis.zrem(this.key('wachtrij'), id)) !== 1) continue;
      changed = true;
      await this.recordEnd(id, 'afgebroken', now);
    }
    if (changed) await this.publish({ naar: 'wachtrij' });
  }

  /** The adviseurs on the console now, with the chats each holds (for a transfer). */
  async onlineStaff(now = new Date()): Promise<{ userId: string; chats: number }[]> {
    const ids = await this.redis.zrangebyscore(this.key('online'), now.getTime() - ONLINE_MS, '+inf');
    return Promise.all(ids.map(async (userId) => ({ userId, chats: await this.redis.scard(this.key('a', userId)) })));
  }

  /** Runs the sweep now (tests; the timer runs it every few seconds). */
  sweepNow() {
    return this.sweep();
  }
}
