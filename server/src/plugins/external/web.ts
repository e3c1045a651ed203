// Serves the built web app (web/dist) with a fallback to index.html for the app's own routes.
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export default fp(async function web(app: FastifyInstance, opts: { root: string }) {
  if (!existsSync(opts.root)) {
    app.log.warn('web/dist not found: the API runs without the web app (run `npm run build:web`)');
    return;
  }
  await app.register(fastifyStatic, { root: opts.root, wildcard: false, index: 'index.html', maxAge: '1h', immutable: false });
  app.get('/*', { schema: { hide: true }, config: { public: true } }, (req, reply) => {
    if (req.url.startsWith('/api/')) return reply.callNotFound();
    // Hashed assets that exist were matched by @fastify/static; everything else is a route of the SPA.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
});
