// GET /api/events: Server-Sent Events for signed-in staff. Only ids, reference, band, route and team (and, for new
// reminders, their number), and each person hears only about the cases it may open: the record rule
// (db/src/repositories/access.ts) is asked for every case event, so a wijkteam hears of its own gemeente's
// handovers, an adviseur of the meldingen it filed, a case worker of its own queue and what it opened by break-glass.
import { mayRead, type Actor } from '@vt/db';
import { can } from '../../../authz.ts';
import { Type } from 'typebox';

import { EventHub } from '../../../services/events.ts';
import type { App } from '../../../types.ts';

export default async function route(app: App) {
  const hub = new EventHub(app.redis, app.eventsChannel);
  const open = new Set<() => void>();
  // Server shutdown ends every stream, so app.close() does not wait for clients to leave.
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });
  app.addHook('onClose', () => hub.close());

  app.get(
    '',
    { config: { action: 'events:subscribe' }, schema: { tags: ['werkvoorraad'], summary: 'Live updates (text/event-stream), without personal data, of the cases the caller may open', produces: ['text/event-stream'], response: { 200: Type.String({ description: 'A stream of events: melding.received, melding.triaged, melding.routed, melding.updated, herinneringen.updated' }) } } },
    (req, reply) => {
      const actor: Actor = req.actor!;
      // Events arrive on the Redis subscriber, outside the request: the record rule is asked in the caller's region.
      const scope = req.regioScope;
      const hearsReminders = can(actor, 'herinneringen:read');
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
      // Events are checked one after the other, so they reach the browser in the order they were published.
      let queue = Promise.resolve();
      const unsubscribe = hub.subscribe((event) => {
        queue = queue.then(async () => {
          if (event.type === 'herinneringen.updated') {
            if (hearsReminders) res.write(`event: ${event.type}\ndata: ${JSON.stringify({ nieuw: event.count ?? 0 })}\n\n`);
            return;
          }
          if (!event.id || !(await scope.run(() => mayRead(app.db.db, actor, event.id!)).catch(() => false))) return;
          const data = { id: event.id, reference: event.reference, band: event.band, route: event.route, team: event.team };
          if (!res.writableEnded) res.write(`event: ${event.type}\ndata: ${JSON.stringify(data)}\n\n`);
        });
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
