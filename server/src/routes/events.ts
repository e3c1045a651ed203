// GET /api/events: Server-Sent Events for signed-in staff. Only ids, reference, band, route and team (and, for new
// reminders, their number); a wijkteam only hears about cases handed to its own gemeente's wijkteam (an event
// without a gemeente, such as the reminders', never reaches it).
import type { App } from '../types.ts';
import { EventHub } from '../services/events.ts';
import { errors } from '../schemas/common.ts';

export default async function eventsRoutes(app: App) {
  const hub = new EventHub(app.redis, app.eventsChannel);
  const open = new Set<() => void>();
  // Server shutdown ends every stream, so app.close() does not wait for clients to leave.
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });
  app.addHook('onClose', () => hub.close());

  app.get(
    '/events',
    { schema: { tags: ['werkvoorraad'], summary: 'Live updates (text/event-stream), without personal data', produces: ['text/event-stream'], response: errors(401, 403) } },
    (req, reply) => {
      const actor = app.authorize(req, 'events:subscribe');
      const wijkteamOnly = actor.type === 'user' && actor.roles.every((r) => r === 'wijkteam');
      const ownGemeente = actor.type === 'user' ? actor.gemeente : null;
      reply.hijack();
      const res = reply.raw;
      // A hijacked reply skips the onSend hooks: set the headers that matter here ourselves.
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-content-type-options': 'nosniff',
        'x-accel-buffering': 'no',
      });
      res.write('retry: 3000\n\n');
      const unsubscribe = hub.subscribe((event) => {
        if (wijkteamOnly && (event.team !== 'wijkteam' || !ownGemeente || event.gemeente !== ownGemeente)) return;
        const data = event.type === 'herinneringen.updated' ? { nieuw: event.count ?? 0 } : { id: event.id, reference: event.reference, band: event.band, route: event.route, team: event.team };
        res.write(`event: ${event.type}\ndata: ${JSON.stringify(data)}\n\n`);
      });
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      const end = () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(end);
        if (!res.writableEnded) res.end();
      };
      open.add(end);
      req.raw.on('close', end);
    },
  );
}
