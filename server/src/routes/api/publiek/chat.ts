// The web chat's visitor side (issue #21): public, anonymous. Whether the chat is open (the opening hours, an
// adviseur on the console) and what the wait is; opening a chat, which gives the visitor's page a token it keeps
// for a reload and forgets at the quick exit; and the conversation over a WebSocket. The visitor's address is not
// stored: limits count a keyed hash of it.
import { describeOpeningstijden } from '@vt/db/domain';
import { Type } from 'typebox';
import type { WebSocket } from 'ws';
import { HttpError } from '../../../errors.ts';
import { errors } from '../../../schemas/common.ts';
import { ChatRefused, type VisitorEvent } from '../../../services/chat.ts';
import { parseClientMessage, originAllowed, sender } from '../../../services/chat-socket.ts';
import { refuseWithSeveralRegions } from '../../../services/publiek.ts';
import type { App } from '../../../types.ts';

// Closed, or nobody on the console, is the chat's state, not a server fault: 409, and the page gives the phone number.
const STATUS = { GESLOTEN: 409, GEEN_ADVISEUR: 409, GEBLOKKEERD: 403, TE_VEEL: 429 } as Record<string, number>;

export default async function route(app: App) {
  app.get(
    '/chat/status',
    {
      config: { public: true },
      schema: {
        tags: ['publiek'],
        summary: 'Whether the web chat is open now, whether an adviseur is on it, how many wait, and the expected wait',
        response: {
          200: Type.Object({
            open: Type.Boolean(),
            beschikbaar: Type.Boolean({ description: 'Open and at least one adviseur on the console' }),
            wachtend: Type.Integer(),
            verwachtMinuten: Type.Union([Type.Integer(), Type.Null()], { description: 'The median wait of the last three hours times the place in the queue over the adviseurs on it; null when not known' }),
            openingstijden: Type.Array(Type.String()),
            telefoon: Type.String(),
            snelWeg: Type.String({ description: 'Where the quick exit goes' }),
          }),
        },
      },
    },
    async (_req, reply) => {
      void reply.header('cache-control', 'no-store');
      const s = await app.chat.status();
      return { ...s, openingstijden: describeOpeningstijden(app.chat.settings.openingstijden), telefoon: '0800-2000', snelWeg: app.chat.settings.snelwegUrl };
    },
  );

  app.post(
    '/chat',
    {
      config: { public: true },
      schema: {
        tags: ['publiek'],
        summary: 'Open a web chat: its id and the visitor’s token (shown once; the page keeps it for a reload only)',
        response: { 201: Type.Object({ id: Type.String(), token: Type.String() }), ...errors(403, 409, 429, 503) },
      },
    },
    async (req, reply) => {
      refuseWithSeveralRegions(app, 'Chatten');
      try {
        const chat = await app.chat.open(req.ip);
        void reply.header('cache-control', 'no-store');
        return reply.status(201).send(chat);
      } catch (err) {
        if (err instanceof ChatRefused) throw new HttpError(STATUS[err.code] ?? 409, err.code === 'TE_VEEL' ? 'RATE_LIMITED' : err.code === 'GEBLOKKEERD' ? 'FORBIDDEN' : 'CONFLICT', err.message);
        throw err;
      }
    },
  );

  app.get(
    '/chat/ws',
    { websocket: true, config: { public: true }, schema: { tags: ['publiek'], summary: 'The visitor’s side of a chat (WebSocket): first `{ type: "hallo", token }`, then messages, typing, end' } },
    (socket: WebSocket, req) => {
      if (!originAllowed(req)) return socket.close(1008, 'origin');
      const send = sender<VisitorEvent>(socket);
      let chatId: string | undefined;
      let token: string | undefined;
      let detach: (() => void) | undefined;
      // Messages are handled one after the other, in the order they came.
      let queue = Promise.resolve();
      socket.on('message', (raw) => {
        queue = queue.then(async () => {
          const m = parseClientMessage(raw);
          try {
            if (!m) return send.send({ type: 'fout', code: 'ONGELDIG', message: 'Onbekend bericht.' });
            if (m.type === 'hallo') {
              if (chatId) return;
              const id = await app.chat.visitorChat(m.token);
              if (!id) return send.send({ type: 'onbekend' });
              chatId = id;
              token = m.token;
              detach = await app.chat.attachVisitor(id, send);
              return;
            }
            if (!chatId || !token) return send.send({ type: 'onbekend' });
            if (m.type === 'ping') return void (await app.chat.touch(chatId, token));
            if (m.type === 'bericht') return void (await app.chat.say(chatId, 'bezoeker', m.tekst));
            if (m.type === 'typen') return void (await app.chat.typing(chatId, 'bezoeker'));
            if (m.type === 'einde') return void (await app.chat.end(chatId, 'bezoeker'));
          } catch (err) {
            if (err instanceof ChatRefused) return send.send({ type: 'fout', code: err.code, message: err.message });
            req.log.warn({ errName: (err as Error).name }, 'chat visitor message failed');
          }
        });
      });
      socket.on('close', () => detach?.());
    },
  );
}
