// Requests without a session or API key are limited per address (issue #14: a 400 with a thousand details, or any
// other error, costs the server more than it costs the sender). Counted in Redis, so several API processes share one
// count. Signed-in staff and partner systems are not counted here (their sign-in and their actions have limits of
// their own); the web app's files, the API description and the health checks are exempt. The counts are kept under
// a keyed hash of the address.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { blindIndex } from '@vt/db';
import { HttpError } from '../../errors.ts';

export default fp(async function rateLimits(app: FastifyInstance, opts: { unauthenticatedPerMinute: number }) {
  await app.register(rateLimit, {
    global: true,
    // After authentication (onRequest), before the body is read or validated.
    hook: 'preParsing',
    max: opts.unauthenticatedPerMinute,
    timeWindow: 60_000,
    redis: app.redis,
    nameSpace: `${app.redisKeyPrefix}anon:`,
    // A keyed hash of the address, never the address itself (issue #21: a chat visitor's address is not stored, not
    // even for the minute of a count).
    keyGenerator: (req) => blindIndex(`anon-ip|${req.ip}`),
    // Signed in, or a file of the web app or the API description (anonymous routes: plugins/app/auth.ts).
    allowList: (req) => req.actor !== null || req.routeOptions.config?.anonymous === true,
    // Redis down: sign-in fails closed on its own counters; the rest of the public surface stays up.
    skipOnError: true,
    errorResponseBuilder: (_req, ctx) => new HttpError(429, 'RATE_LIMITED', `Te veel verzoeken. Probeer het over ${Math.ceil(ctx.ttl / 1000)} seconden opnieuw.`),
  });
});
