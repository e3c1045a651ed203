// Serves the built web app (web/dist) with a fallback to index.html for the app's own routes. Every route here is
// public and anonymous (plugins/app/auth.ts); index.html is never cached, so a new release is picked up at once,
// while the hashed assets may be.
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export default fp(async function web(app: FastifyInstance, opts: { root: string }) {
  if (!existsSync(opts.root)) {
    app.log.warn('web/dist not found: the API runs without the web app (run `npm run build:web`)');
    return;
  }
  await app.register(async (files) => {
    files.addHook('onRoute', (r) => {
      r.config = { ...r.config, public: true, anonymous: true };
    });
    await files.register(fastifyStatic, {
      root: opts.root,
      wildcard: false,
      index: false,
      maxAge: '1h',
      immutable: false,
      setHeaders: (res, path) => {
        if (path.endsWith('.html')) void res.header('cache-control', 'no-cache');
      },
    });
    // Hashed assets that exist were matched by @fastify/static; everything else is a route of the SPA.
    files.get('/*', { schema: { hide: true } }, (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  });
});
