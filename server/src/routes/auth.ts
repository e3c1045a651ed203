import { and, eq, ne } from 'drizzle-orm';
import { Type } from 'typebox';
import {
  claimTotpStep,
  completeMfa,
  createSession,
  deleteSession,
  dummyPasswordHash,
  findTotp,
  findUserByEmail,
  hashPassword,
  passwordProblems,
  randomToken,
  schema,
  setPendingTotpSecret,
  sha256,
  touchSession,
  verifyPassword,
  writeAudit,
  type Actor,
} from '@vt/db';
import { needsSecondFactor } from '../authz.ts';
import { newTotpSecret, verifyTotp } from '../services/totp.ts';
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

/** What the sign-in still needs: nothing, a TOTP code, or enrolling an authenticator app first. */
const MfaStep = Type.Union([Type.Literal('none'), Type.Literal('verify'), Type.Literal('enrol')]);
type MfaStepName = 'none' | 'verify' | 'enrol';
const SessionBody = Type.Object({ user: SessionUser, csrfToken: Type.String(), mfa: MfaStep });
const CodeBody = Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$', description: 'The 6 digits the authenticator app shows' }) }, { additionalProperties: false });

const WINDOW_SECONDS = 15 * 60;
/** Wrong codes one half-signed-in session may try before it is ended (and counts as a failed sign-in). */
const MAX_CODE_FAILURES = 5;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_ATTEMPTS_PER_IP = 100;

export default async function authRoutes(app: App, opts: { production: boolean; absoluteHours: number; totpRequired: boolean }) {
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
        response: { 200: SessionBody, ...errors(400, 401, 429, 503) },
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
      // A user with TOTP always gives a code; one without, in a role that must have it, enrols first.
      const mfa: MfaStepName = user.totpEnabledAt ? 'verify' : opts.totpRequired && needsSecondFactor(user.roles) ? 'enrol' : 'none';
      await app.db.db.transaction(async (tx) => {
        await createSession(tx, { idHash: sha256(token), userId: user.id, csrfToken, expiresAt: new Date(Date.now() + opts.absoluteHours * 3600_000), mfaPending: mfa !== 'none' });
        await writeAudit(tx, { type: 'user', id: user.id, roles: user.roles, teamId: user.teamId, gemeente: user.gemeenteCode }, { action: 'login', subjectType: 'session', ip: req.ip, purpose: mfa === 'none' ? null : `mfa:${mfa}` });
      });
      await app.redis.del(accountKey);
      void reply.setCookie(app.sessionCookieName, token, cookieOptions);
      // Read back through the session path so the answer has the same shape as GET /auth/session.
      const s = await touchSession(app.db.db, sha256(token), 1);
      return { user: toUser(s!.user), csrfToken, mfa };
    },
  );

  app.post(
    '/auth/logout',
    { config: { mfaStep: true }, schema: { tags: ['auth'], summary: 'Sign out; the session dies on the server', response: { 204: Type.Null(), ...errors(401, 403) } } },
    async (req, reply) => {
      const token = req.cookies[app.sessionCookieName];
      if (token) await deleteSession(app.db.db, sha256(token));
      void reply.clearCookie(app.sessionCookieName, cookieOptions);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/session',
    { config: { mfaStep: true }, schema: { tags: ['auth'], summary: 'The signed-in user, the CSRF token and what the sign-in still needs', response: { 200: SessionBody, ...errors(401) } } },
    async (req) => {
      if (!req.sessionUser || !req.csrfToken) throw unauthenticated();
      return { user: toUser(req.sessionUser), csrfToken: req.csrfToken, mfa: mfaStepOf(req) };
    },
  );

  const mfaStepOf = (req: { mfaPending: boolean; totpEnabled: boolean }): MfaStepName => (!req.mfaPending ? 'none' : req.totpEnabled ? 'verify' : 'enrol');
  const actorOf = (req: { actor: Actor | null }) => {
    if (req.actor?.type !== 'user') throw unauthenticated();
    return req.actor;
  };

  /** The second factor is proven: new session id, full rights, and the answer of GET /auth/session. */
  async function finishSignIn(req: { cookies: Record<string, string | undefined>; sessionUser: SessionUserRow | null; csrfToken: string | null; ip: string }, reply: { setCookie: (n: string, v: string, o: object) => unknown }, actor: Actor) {
    const old = req.cookies[app.sessionCookieName]!;
    const token = randomToken();
    const csrfToken = randomToken();
    const ok = await app.db.db.transaction(async (tx) => {
      const done = await completeMfa(tx, sha256(old), sha256(token), csrfToken);
      if (done) await writeAudit(tx, actor, { action: 'login', subjectType: 'session', ip: req.ip, purpose: 'mfa:totp' });
      return done;
    });
    if (!ok) throw unauthenticated();
    reply.setCookie(app.sessionCookieName, token, cookieOptions);
    return { user: toUser(req.sessionUser!), csrfToken, mfa: 'none' as const };
  }

  /** Counts a wrong code; the fifth ends the half-signed-in session and counts as a failed sign-in. */
  async function wrongCode(req: { cookies: Record<string, string | undefined>; sessionUser: SessionUserRow | null; ip: string; mfaPending: boolean }, actor: Actor): Promise<never> {
    const token = req.cookies[app.sessionCookieName] ?? '';
    const key = `${app.redisKeyPrefix}totp:fail:${sha256(token)}`;
    const n = await app.redis.multi().incr(key).expire(key, WINDOW_SECONDS, 'NX').exec().then((r) => Number(r?.[0]?.[1] ?? 0));
    await writeAudit(app.db.db, actor, { action: 'login', subjectType: 'session', result: 'denied', ip: req.ip, purpose: 'mfa:totp' });
    if (n >= MAX_CODE_FAILURES && req.mfaPending) {
      await deleteSession(app.db.db, sha256(token));
      const accountKey = `${app.redisKeyPrefix}login:fail:${sha256(req.sessionUser!.email.toLowerCase())}`;
      await app.redis.multi().incr(accountKey).expire(accountKey, WINDOW_SECONDS, 'NX').exec();
      throw unauthenticated('Te vaak een onjuiste code. Meld u opnieuw aan.');
    }
    throw new HttpError(400, 'VALIDATION', 'De code klopt niet. Kijk in uw authenticator-app en probeer het opnieuw.', [{ path: '/code', message: 'Onjuiste of verlopen code.' }]);
  }

  app.post(
    '/auth/wachtwoord',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change one’s own password (the password rules apply); every other session of the account ends',
        body: Type.Object({ huidig: Type.String({ minLength: 1, maxLength: 200 }), nieuw: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...errors(400, 401, 403, 503) },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const user = await findUserByEmail(app.db.db, req.sessionUser!.email);
      if (!user || !(await verifyPassword(user.passwordHash, req.body.huidig))) {
        throw new HttpError(400, 'VALIDATION', 'Uw huidige wachtwoord klopt niet.', [{ path: '/huidig', message: 'Onjuist wachtwoord.' }]);
      }
      const problems = passwordProblems(req.body.nieuw, { email: user.email, naam: user.naam });
      if (problems.length) throw new HttpError(400, 'VALIDATION', 'Het nieuwe wachtwoord voldoet niet aan de regels.', problems.map((message) => ({ path: '/nieuw', message })));
      const passwordHash = await hashPassword(req.body.nieuw);
      const current = sha256(req.cookies[app.sessionCookieName] ?? '');
      await app.db.db.transaction(async (tx) => {
        await tx.update(schema.users).set({ passwordHash }).where(eq(schema.users.id, user.id));
        await tx.delete(schema.sessions).where(and(eq(schema.sessions.userId, user.id), ne(schema.sessions.idHash, current)));
        await writeAudit(tx, actor, { action: 'update', subjectType: 'user', subjectId: user.id, ip: req.ip, purpose: 'wachtwoord' });
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/totp',
    {
      config: { mfaStep: true },
      schema: { tags: ['auth'], summary: 'Second sign-in step: the TOTP code', body: CodeBody, response: { 200: SessionBody, ...errors(400, 401, 409, 503) } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!req.mfaPending) throw new HttpError(409, 'CONFLICT', 'U bent al volledig aangemeld.');
      const totp = await findTotp(app.db.db, actor.id);
      if (!totp?.enabledAt || !totp.secret) throw new HttpError(409, 'CONFLICT', 'Stel eerst een authenticator-app in.');
      const step = verifyTotp(app.cipher.decrypt(totp.secret), req.body.code);
      // A code is good once: a step not newer than the last accepted one is refused as well.
      if (step === null || !(await claimTotpStep(app.db.db, actor.id, step))) return wrongCode(req, actor);
      return finishSignIn(req, reply, actor);
    },
  );

  app.post(
    '/auth/totp/enrol',
    {
      config: { mfaStep: true },
      schema: {
        tags: ['auth'],
        summary: 'Start enrolling an authenticator app: a new secret, its otpauth URI and a QR code (SVG)',
        response: { 200: Type.Object({ secret: Type.String(), uri: Type.String(), qrSvg: Type.String() }), ...errors(401, 409, 503) },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (req.totpEnabled) throw new HttpError(409, 'CONFLICT', 'Er is al een authenticator-app ingesteld; de beheerder kan die herstellen.');
      const fresh = await newTotpSecret(req.sessionUser!.email);
      const stored = await app.db.db.transaction(async (tx) => {
        const ok = await setPendingTotpSecret(tx, actor.id, app.cipher.encrypt(fresh.base32));
        if (ok) await writeAudit(tx, actor, { action: 'update', subjectType: 'totp', subjectId: actor.id, ip: req.ip, purpose: 'enrol:start' });
        return ok;
      });
      if (!stored) throw new HttpError(409, 'CONFLICT', 'Er is al een authenticator-app ingesteld.');
      void reply.header('cache-control', 'no-store');
      return { secret: fresh.base32, uri: fresh.uri, qrSvg: fresh.qrSvg };
    },
  );

  app.post(
    '/auth/totp/confirm',
    {
      config: { mfaStep: true },
      schema: { tags: ['auth'], summary: 'Finish enrolling: the first code from the app switches TOTP on', body: CodeBody, response: { 200: SessionBody, ...errors(400, 401, 409, 503) } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const totp = await findTotp(app.db.db, actor.id);
      if (!totp?.secret || totp.enabledAt) throw new HttpError(409, 'CONFLICT', 'Start eerst het instellen van een authenticator-app.');
      const step = verifyTotp(app.cipher.decrypt(totp.secret), req.body.code);
      if (step === null || !(await claimTotpStep(app.db.db, actor.id, step, { enable: true }))) return wrongCode(req, actor);
      await writeAudit(app.db.db, actor, { action: 'update', subjectType: 'totp', subjectId: actor.id, ip: req.ip, purpose: 'enrol:done' });
      if (req.mfaPending) return finishSignIn(req, reply, actor);
      return { user: toUser(req.sessionUser!), csrfToken: req.csrfToken!, mfa: 'none' as const };
    },
  );
}
