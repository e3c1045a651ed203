// The web chat's console (issue #21) for the adviseur and the chef van de dag: the waiting chats, several at once up
// to CHAT_MAX_PER_ADVISEUR, typing, a transfer to a colleague with a note, the end, and blocking an abusive visitor —
// over one WebSocket per console. The colleagues on the console (for a transfer) and the link from a chat to the
// advies filed from it are plain requests.
import { schema } from '@vt/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { Type } from 'typebox';
import type { WebSocket } from 'ws';
import { notFound } from '../../../errors.ts';
import { Id, IdParams, errors } from '../../../schemas/common.ts';
import { ChatRefused, type StaffEvent } from '../../../services/chat.ts';
import { originAllowed, parseClientMessage, sender } from '../../../services/chat-socket.ts';
import type { App } from '../../../types.ts';

export default async function route(app: App) {
  app.get(
    '/ws',
    { websocket: true, config: { action: 'chat:voeren' }, schema: { tags: ['chat'], summary: 'The adviseur’s chat console (WebSocket): the queue, the chats held, and accepting, messages, typing, transfer, end and block' } },
    (socket: WebSocket, req) => {
      if (!originAllowed(req)) return socket.close(1008, 'origin');
      const actor = req.actor!;
      const userId = actor.id!;
      const send = sender<StaffEvent>(socket);
      const attached = app.chat.attachStaff(userId, send);
      let queue: Promise<unknown> = attached;
      socket.on('message', (raw) => {
        queue = queue.then(async () => {
          const m = parseClientMessage(raw);
          const chatId = m && 'chatId' in m ? m.chatId : undefined;
          try {
            if (!m) return send.send({ type: 'fout', code: 'ONGELDIG', message: 'Onbekend bericht.' });
            if (m.type === 'ping') return;
            if (!chatId) return send.send({ type: 'fout', code: 'ONGELDIG', message: 'Welke chat?' });
            if (m.type === 'accepteren') return await app.chat.accept(chatId, userId);
            if (m.type === 'bericht') return await app.chat.say(chatId, 'adviseur', m.tekst, userId);
            if (m.type === 'typen') return await app.chat.typing(chatId, 'adviseur');
            if (m.type === 'beeindigen') return await app.chat.end(chatId, 'adviseur', { userId });
            if (m.type === 'blokkeren') return await app.chat.end(chatId, 'adviseur', { userId, uitkomst: 'geblokkeerd' });
            if (m.type === 'overdragen') {
              const [me] = await app.db.db.select({ naam: schema.users.naam }).from(schema.users).where(eq(schema.users.id, userId));
              return await app.chat.transfer(chatId, userId, m.naar, m.notitie, me?.naam ?? '');
            }
          } catch (err) {
            if (err instanceof ChatRefused) return send.send({ type: 'fout', ...(chatId ? { chatId } : {}), code: err.code, message: err.message });
            req.log.warn({ errName: (err as Error).name }, 'chat console message failed');
          }
        });
      });
      socket.on('close', () => void attached.then((detach) => detach()).catch(() => {}));
    },
  );

  app.get(
    '/collegas',
    {
      config: { action: 'chat:voeren' },
      schema: {
        tags: ['chat'],
        summary: 'The colleagues on the chat console now, with room for one more chat (for a transfer)',
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Id, naam: Type.String(), chats: Type.Integer(), ruimte: Type.Boolean() })) }) },
      },
    },
    async (req) => {
      const online = (await app.chat.onlineStaff()).filter((o) => o.userId !== req.actor!.id);
      if (!online.length) return { items: [] };
      const names = await app.db.db.select({ id: schema.users.id, naam: schema.users.naam }).from(schema.users).where(inArray(schema.users.id, online.map((o) => o.userId)));
      const naam = new Map(names.map((n) => [n.id, n.naam]));
      return { items: online.filter((o) => naam.has(o.userId)).map((o) => ({ id: o.userId, naam: naam.get(o.userId)!, chats: o.chats, ruimte: o.chats < app.chat.settings.maxPerAdviseur })) };
    },
  );

  app.get(
    '/standaardteksten',
    {
      config: { action: 'chat:voeren' },
      schema: {
        tags: ['chat'],
        summary: 'The standard texts in use, for the console (kept by the beheerder)',
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Id, titel: Type.String(), tekst: Type.String() })) }) },
      },
    },
    async () => ({
      items: await app.db.db
        .select({ id: schema.chatStandaardteksten.id, titel: schema.chatStandaardteksten.titel, tekst: schema.chatStandaardteksten.tekst })
        .from(schema.chatStandaardteksten)
        .where(eq(schema.chatStandaardteksten.actief, true))
        .orderBy(asc(schema.chatStandaardteksten.volgorde), asc(schema.chatStandaardteksten.titel)),
    }),
  );

  app.post(
    '/sessies/:id/advies',
    {
      config: { action: 'chat:voeren', caseAccess: false },
      schema: {
        tags: ['chat'],
        summary: 'Link the advies filed from a chat to the chat’s figures (by the adviseur who held it at the end)',
        params: IdParams,
        body: Type.Object({ adviesId: Id }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...errors(404) },
      },
    },
    async (req, reply) => {
      const userId = req.actor!.id!;
      const [advies] = await app.db.db.select({ id: schema.adviezen.id }).from(schema.adviezen).where(and(eq(schema.adviezen.id, req.body.adviesId), eq(schema.adviezen.createdBy, userId), eq(schema.adviezen.kanaal, 'chat')));
      if (!advies) throw notFound('Dit chatadvies is niet gevonden.');
      await app.chat.linkAdvies(req.params.id, advies.id, userId);
      return reply.status(204).send(null);
    },
  );
}
