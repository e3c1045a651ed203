import { Type } from 'typebox';
import { createSession, deleteSession, dummyPasswordHash, findUserByEmail, randomToken, sha256, touchSession, verifyPassword, writeAudit } from '@vt/db';
import type { SessionUser as SessionUserRow } from '../plugins/app/auth.ts';
import { HttpError, unauthenticated } from '../errors.ts';
import { Id, Nullable, errors } from '../schemas/common.ts';
import type { App } from '../types.ts';

const SessionUser = Type.Object({
  id: Id,
  name: Type.String(),
  email: Type.String(),
  roles: Type.Array(Type.String()),
  teamId: Nullable(Id),
  team: Nullable(Type.Object({ id: Id, kind: Type.String(), naam: Type.String() })),
  gemeente: Nullable(Type.String()),
  gemeenteNaam: Nullable(Type.String()),
});

const WINDOW_SECONDS = 15 * 60;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_ATTEMPTS_PER_IP = 100;

export default async function authRoutes(app: App, opts: { production: boolean; absoluteHours: number }) {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: opts.production };

  const toUser = (u: SessionUserRow) => ({
    id: u.id,
    name: u.naam,
    email: u.email,
    roles: u.roles,
    teamId: u.teamId,
    team: u.teamId && u.teamKind && u.teamNaam ? { id: u.teamId, kind: u.teamKind, naam: u.teamNaam } : null,
    gemeente: u.gemeente,
    gemeenteNaam: u.gemeenteNaam,
  });

  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        body: Type.Object({ email: Type.String({ minLength: 3, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ user: SessionUser, csrfToken: Type.String() }), ...errors(400, 401, 429, 503) },
      },
    },
    async (req, reply) => {
      const email = req.body.email.trim().toLowerCase();
      const accountKey = `${app.redisKeyPrefix}login:fail:${sha256(email)}`;
      const ipKey = `${app.redisKeyPrefix}login:ip:${req.ip}`;
      // Counters live in Redis; when Redis is down the check fails closed (503), never open.
      const ipAttempts = await app.redis.multi().incr(ipKey).expire(ipKey, WINDOW_SECONDS, 'NX').exec().then((r) => Number(r?.[0]?.[1] ?? 0));
      const failures = Number((await app.redis.get(accountKey)) ?? 0);
      if (ipAttempts > MAX_ATTEMPTS_PER_IP || failures >= MAX_FAILURES_PER_ACCOUNT) {
        void reply.header('retry-after', String(WINDOW_SECONDS));
        throw new HttpError(429, 'RATE_LIMITED', 'Te veel inlogpogingen. Probeer het over een kwartier opnieuw.');
      }
      const user = await findUserByEmail(app.db.db, email);
      // Verify against a dummy hash for unknown users: the same answer in the same time (api.md, Auth).
      const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), req.body.password);
      if (!user || !ok || user.disabledAt) {
        await app.redis.multi().incr(accountKey).expire(accountKey, WINDOW_SECONDS, 'NX').exec();
        if (user) await writeAudit(app.db.db, { type: 'user', id: user.id, roles: user.roles, teamId: user.teamId, gemeente: user.gemeenteCode }, { action: 'login', subjectType: 'session', result: 'denied', ip: req.ip });
        throw unauthenticated('E-mailadres of wachtwoord onjuist.');
      }
      const token = randomToken();
      const csrfToken = randomToken();
      await app.db.db.transaction(async (tx) => {
        await createSession(tx, { idHash: sha256(token), userId: user.id, csrfToken, expiresAt: new Date(Date.now() + opts.absoluteHours * 3600_000) });
        await writeAudit(tx, { type: 'user', id: user.id, roles: user.roles, teamId: user.teamId, gemeente: user.gemeenteCode }, { action: 'login', subjectType: 'session', ip: req.ip });
      });
      void reply.setCookie(app.sessionCookieName, token, cookieOptions);
      // Read back through the session path so the answer has the same shape as GET /auth/session.
      const s = await touchSession(app.db.db, sha256(token), 1);
      return { user: toUser(s!.user), csrfToken };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out; the session dies on the server', response: { 204: Type.Null(), ...errors(401, 403) } } },
    async (req, reply) => {
      const token = req.cookies[app.sessionCookieName];
      if (token) await deleteSession(app.db.db, sha256(token));
      void reply.clearCookie(app.sessionCookieName, cookieOptions);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/session',
    { schema: { tags: ['auth'], summary: 'The signed-in user and the CSRF token', response: { 200: Type.Object({ user: SessionUser, csrfToken: Type.String() }), ...errors(401) } } },
    async (req) => {
      if (!req.sessionUser || !req.csrfToken) throw unauthenticated();
      return { user: toUser(req.sessionUser), csrfToken: req.csrfToken };
    },
  );
}
