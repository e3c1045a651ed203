// The process runs; it is ready for traffic: Postgres and Redis are reachable, and it is neither starting nor
// draining (api.md, Health; infra/phase.ts).
import { ping } from '@vt/db';
import { Type } from 'typebox';
import { Ready } from '../../../schemas/health.ts';
import type { App } from '../../../types.ts';

async function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

export default async function route(app: App) {
  app.get(
    '/live',
    { config: { public: true, rateLimit: false }, schema: { tags: ['health'], summary: 'The process runs', response: { 200: Type.Object({ status: Type.Literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/ready',
    {
      config: { public: true, rateLimit: false },
      schema: {
        tags: ['health'],
        summary: 'Ready for traffic: Postgres and Redis reachable and the process neither starting nor draining',
        response: { 200: Ready, 503: Ready },
      },
    },
    async (_req, reply) => {
      const [pg, redis] = await Promise.all([
        within(2000, ping(app.db.db)).then(() => 'ok' as const, () => 'down' as const),
        within(2000, app.redis.ping()).then(() => 'ok' as const, () => 'down' as const),
      ]);
      // Draining (SIGTERM): the load balancer takes this process out while its requests still finish (main.ts).
      const status = app.phase.name;
      return reply.status(status === 'ready' && pg === 'ok' && redis === 'ok' ? 200 : 503).send({ status, postgres: pg, redis });
    },
  );
}
