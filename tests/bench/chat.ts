// `npm run bench:chat` (issue #21, acceptance 3): the web chat under 100 concurrent conversations on the `npm start`
// bundle — ten adviseurs with ten chats each, every visitor and every adviseur writing a message every few seconds
// (within the per-chat pace limit) — and the delivery time of each message from the moment it is sent until the
// other side receives it (both on this machine's clock), p50/p95 per direction, with the server's memory before the
// chats and at their peak. Target: p95 < 200 ms.
import { readFileSync } from 'node:fs';
import { amsterdamDate } from '@vt/db/domain';
import { sql } from 'drizzle-orm';
import { WebSocket } from 'ws';
import { DEMO_PASSWORD } from '../support/env.ts';
import { freePort, startServer, waitReady } from '../support/server-process.ts';
import { signIn } from '../support/sse.ts';
import { benchEnvironment, buildServerBundle, gitCommit, recordResults } from './record.ts';

const CHATS = Number(process.env.BENCH_CHATS ?? 100);
const ADVISEURS = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
/** Each side writes one message per this many ms: 24 a minute, under the pace limit of 30 per chat and side. */
const EVERY_MS = 2500;

const { db, redisUrl } = await benchEnvironment();
// Ten adviseur accounts beside the demo one, with the demo password.
for (let i = 1; i < ADVISEURS; i++) {
  await db.handle.db.execute(sql`insert into users (email, naam, password_hash, roles, team_id)
    select ${`adviseur${i}@bench.test`}, ${`Adviseur ${i}`}, password_hash, roles, team_id from users where email = 'adviseur@demo.test'`);
}

buildServerBundle();
const port = await freePort();
const server = startServer(
  { DATABASE_URL: db.url, REDIS_URL: redisUrl, RUN_WORKERS: '0', TRUST_PROXY: '1', CHAT_OPENINGSTIJDEN: 'ma-zo 00:00-24:00', CHAT_MAX_PER_ADVISEUR: '10', QUEUE_PREFIX: 'vtbenchchat' },
  port,
  [],
  { bundle: true },
);
await waitReady(server);
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const ws = server.base.replace('http', 'ws');

type Event = Record<string, unknown> & { type: string };
function socket(url: string, headers: Record<string, string>, onEvent: (e: Event) => void) {
  const s = new WebSocket(url, { headers: { origin: server.base, ...headers } });
  s.on('message', (raw) => onEvent(JSON.parse(raw.toString()) as Event));
  return new Promise<WebSocket>((resolve, reject) => (s.once('open', () => resolve(s)), s.once('error', reject)));
}

const toAdviseur: number[] = [];
const toVisitor: number[] = [];
const sentAt = new Map<string, number>();
let sent = 0;
const received = (tekst: string, into: number[]) => {
  const t0 = sentAt.get(tekst);
  if (t0 === undefined) return;
  sentAt.delete(tekst);
  into.push(performance.now() - t0);
};

// The consoles.
const consoles: { socket: WebSocket; accepted: Set<string> }[] = [];
for (let i = 0; i < ADVISEURS; i++) {
  const session = await signIn(server.base, i === 0 ? 'adviseur@demo.test' : `adviseur${i}@bench.test`, DEMO_PASSWORD);
  const accepted = new Set<string>();
  const s = await socket(`${ws}/api/chat/ws`, { cookie: session.cookie }, (e) => {
    if (e.type === 'chat') accepted.add((e.chat as { id: string }).id);
    // The console also hears its own messages back (its own view of the conversation): only the visitor's count here.
    if (e.type === 'bericht' && (e.bericht as { van: string }).van === 'bezoeker') received((e.bericht as { tekst: string }).tekst, toAdviseur);
  });
  consoles.push({ socket: s, accepted });
}
const rssBefore = rss();

// The visitors, each from an address of its own (the product allows 10 chats an hour per address).
const visitors: { id: string; socket: WebSocket; connected: boolean }[] = [];
for (let i = 0; i < CHATS; i++) {
  const res = await fetch(`${server.base}/api/publiek/chat`, { method: 'POST', headers: { 'x-forwarded-for': `10.77.${Math.floor(i / 250)}.${(i % 250) + 1}` } });
  if (res.status !== 201) throw new Error(`chat ${i}: ${res.status} ${await res.text()}`);
  const chat = (await res.json()) as { id: string; token: string };
  const v = { id: chat.id, socket: undefined as unknown as WebSocket, connected: false };
  v.socket = await socket(`${ws}/api/publiek/chat/ws`, {}, (e) => {
    if (e.type === 'verbonden') v.connected = true;
    if (e.type === 'bericht' && (e.bericht as { van: string }).van === 'adviseur') received((e.bericht as { tekst: string }).tekst, toVisitor);
  });
  v.socket.send(JSON.stringify({ type: 'hallo', token: chat.token }));
  visitors.push(v);
}
// Ten chats for each adviseur.
visitors.forEach((v, i) => consoles[i % ADVISEURS]!.socket.send(JSON.stringify({ type: 'accepteren', chatId: v.id })));
const until = Date.now() + 30_000;
while (visitors.some((v) => !v.connected)) {
  if (Date.now() > until) throw new Error(`${visitors.filter((v) => !v.connected).length} chats not accepted`);
  await new Promise((r) => setTimeout(r, 50));
}

// The conversations: every side writes on its own beat, spread over the interval.
let peakRss = rss();
const sampler = setInterval(() => (peakRss = Math.max(peakRss, rss())), 200);
let n = 0;
const timers: ReturnType<typeof setInterval>[] = [];
visitors.forEach((v, i) => {
  const adviseur = consoles[i % ADVISEURS]!.socket;
  setTimeout(() => {
    timers.push(
      setInterval(() => {
        const a = `bezoeker ${i} bericht ${n++}`;
        sentAt.set(a, performance.now());
        sent += 2;
        v.socket.send(JSON.stringify({ type: 'bericht', tekst: a }));
        const b = `adviseur ${i} antwoord ${n++}`;
        sentAt.set(b, performance.now());
        adviseur.send(JSON.stringify({ type: 'bericht', chatId: v.id, tekst: b }));
      }, EVERY_MS),
    );
  }, (i * EVERY_MS) / CHATS);
});
await new Promise((r) => setTimeout(r, SECONDS * 1000));
for (const t of timers) clearInterval(t);
await new Promise((r) => setTimeout(r, 1000));
clearInterval(sampler);

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : NaN;
};
const lost = sent - toAdviseur.length - toVisitor.length;
const table = `
## Web chat under load (${amsterdamDate(new Date())}, commit ${gitCommit()})

${CHATS} concurrent chats (${ADVISEURS} adviseurs × ${CHATS / ADVISEURS}), each side one message per ${EVERY_MS / 1000} s for ${SECONDS} s; server = the \`npm start\` bundle (RUN_WORKERS=0), one process, Redis pub/sub in between; 2 cores.

| direction | messages | p50 ms | p95 ms | max ms |
| --- | ---: | ---: | ---: | ---: |
| visitor → adviseur | ${toAdviseur.length} | ${pct(toAdviseur, 0.5).toFixed(1)} | ${pct(toAdviseur, 0.95).toFixed(1)} | ${pct(toAdviseur, 1).toFixed(1)} |
| adviseur → visitor | ${toVisitor.length} | ${pct(toVisitor, 0.5).toFixed(1)} | ${pct(toVisitor, 0.95).toFixed(1)} | ${pct(toVisitor, 1).toFixed(1)} |

Messages not delivered: ${lost}. Server RSS: ${rssBefore.toFixed(0)} MB with the consoles open, ${peakRss.toFixed(0)} MB at the peak of the ${CHATS} chats (${((peakRss - rssBefore) / CHATS).toFixed(2)} MB a chat). Target: p95 < 200 ms.
`;
console.log(table);
recordResults(table);
for (const c of consoles) c.socket.close();
for (const v of visitors) v.socket.close();
server.child.kill('SIGTERM');
await db.drop();
const p95 = Math.max(pct(toAdviseur, 0.95), pct(toVisitor, 0.95));
process.exit(lost === 0 && p95 < 200 ? 0 : 1);
