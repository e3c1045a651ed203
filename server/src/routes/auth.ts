import { and, eq, ne } from 'drizzle-orm';
import { Type } from 'typebox';
import {
  activate,
  activationAccount,
  claimTotpStep,
  completeMfa,
  createSession,
  deleteSession,
  dummyPasswordHash,
  endPendingSessions,
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
import { HttpError, notFound, unauthenticated } from '../errors.ts';
import { SignInLimits, type Verdict } from '../services/sign-in-limits.ts';
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

/** 429 with the seconds to wait, when a limit said no. */
function refuse(verdict: Verdict, reply: { header: (k: string, v: string) => unknown }, message: string): void {
  if (verdict.allowed) return;
  void reply.header('retry-after', String(verdict.retryAfter));
  throw new HttpError(429, 'RATE_LIMITED', message);
}
const tooMany = `Te veel inlogpogingen. Probeer het over een kwartier opnieuw.`;
const unknownLink = () => notFound('Deze activatielink is onbekend, al gebruikt of verlopen. Vraag de beheerder om een nieuwe.');

export default async function authRoutes(app: App, opts: { production: boolean; absoluteHours: number; totpRequired: boolean }) {
  const limits = new SignInLimits(app.redis, app.redisKeyPrefix);
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
      // Counted before the password is checked: a burst meets the limit exactly as a sequence does.
      refuse(await limits.beforePassword(email, req.ip), reply, tooMany);
      const user = await findUserByEmail(app.db.db, email);
      // Verify against a dummy hash for unknown users, and write the same audit row: the same answer after the same
      // work, so the time taken does not tell whether an account exists (api.md, Auth).
      const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), req.body.password);
      if (!user || !ok || user.disabledAt) {
        const who: Actor = user ? { type: 'user', id: user.id, roles: user.roles, teamId: user.teamId, gemeente: user.gemeenteCode } : { type: 'system', id: null };
        await writeAudit(app.db.db, who, { action: 'login', subjectType: 'session', result: 'denied', ip: req.ip, purpose: user ? null : 'onbekend_account' });
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
      await limits.passwordAccepted(email);
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

  /**
   * A second-factor code is counted for the account before it is checked (over all its sessions), and a wrong one
   * answered 400; the fifth locks the account's second factor with back-off and ends its half-signed-in sessions,
   * so the next sign-in needs the password again, then a code.
   */
  async function checkCode(req: { sessionUser: SessionUserRow | null; ip: string }, reply: { header: (k: string, v: string) => unknown }, actor: Actor & { type: 'user' }, check: () => Promise<boolean>) {
    const email = req.sessionUser!.email;
    const before = await limits.beforeCode(email);
    if (!before.allowed) {
      await endPendingSessions(app.db.db, actor.id);
      refuse(before, reply, 'Te vaak een onjuiste code. Probeer het later opnieuw en meld u dan opnieuw aan.');
    }
    if (await check()) {
      await limits.codeAccepted(email);
      return;
    }
    await writeAudit(app.db.db, actor, { action: 'login', subjectType: 'session', result: 'denied', ip: req.ip, purpose: 'mfa:totp' });
    const locked = await limits.codeRejected(email, before.attempt);
    if (locked !== null) {
      await endPendingSessions(app.db.db, actor.id);
      refuse({ allowed: false, retryAfter: locked }, reply, 'Te vaak een onjuiste code. Probeer het later opnieuw en meld u dan opnieuw aan.');
    }
    throw new HttpError(400, 'VALIDATION', 'De code klopt niet. Kijk in uw authenticator-app en probeer het opnieuw.', [{ path: '/code', message: 'Onjuiste of verlopen code.' }]);
  }

  app.post(
    '/auth/activatie',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Whom an activation link is for (while it is unused and unexpired)',
        body: Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ email: Type.String(), naam: Type.String() }), ...errors(400, 404, 429) },
      },
    },
    async (req) => {
      const account = await activationAccount(app.db.db, req.body.token);
      if (!account) throw unknownLink();
      return account;
    },
  );

  app.post(
    '/auth/activeren',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Set the first password of a new account with its one-time activation link (the password rules apply)',
        body: Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }), wachtwoord: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...errors(400, 404, 429, 503) },
      },
    },
    async (req, reply) => {
      const account = await activationAccount(app.db.db, req.body.token);
      if (!account) throw unknownLink();
      const problems = passwordProblems(req.body.wachtwoord, account);
      if (problems.length) throw new HttpError(400, 'VALIDATION', 'Het wachtwoord voldoet niet aan de regels.', problems.map((message) => ({ path: '/wachtwoord', message })));
      const passwordHash = await hashPassword(req.body.wachtwoord);
      const done = await app.db.db.transaction(async (tx) => {
        const r = await activate(tx, req.body.token, passwordHash);
        if (r) await writeAudit(tx, { type: 'user', id: r.userId, roles: [], teamId: null, gemeente: null }, { action: 'update', subjectType: 'user', subjectId: r.userId, ip: req.ip, purpose: 'activatie' });
        return r;
      });
      if (!done) throw unknownLink();
      return reply.status(204).send(null);
    },
  );

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
      // Each check of the current password counts as a sign-in attempt of the account (a stolen session must not
      // become an unlimited password oracle).
      refuse(await limits.beforePasswordCheck(req.sessionUser!.email), reply, tooMany);
      const user = await findUserByEmail(app.db.db, req.sessionUser!.email);
      if (!user || !(await verifyPassword(user.passwordHash ?? (await dummyPasswordHash()), req.body.huidig))) {
        throw new HttpError(400, 'VALIDATION', 'Uw huidige wachtwoord klopt niet.', [{ path: '/huidig', message: 'Onjuist wachtwoord.' }]);
      }
      const problems = passwordProblems(req.body.nieuw, { email: user.email, naam: user.naam });
      if (problems.length) throw new HttpError(400, 'VALIDATION', 'Het nieuwe wachtwoord voldoet niet aan de regels.', problems.map((message) => ({ path: '/nieuw', message })));
      await limits.passwordAccepted(user.email);
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
      // A code is good once: a step not newer than the last accepted one is refused as well.
      await checkCode(req, reply, actor, async () => {
        const step = verifyTotp(app.cipher.decrypt(totp.secret!), req.body.code);
        return step !== null && (await claimTotpStep(app.db.db, actor.id, step));
      });
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
      await checkCode(req, reply, actor, async () => {
        const step = verifyTotp(app.cipher.decrypt(totp.secret!), req.body.code);
        return step !== null && (await claimTotpStep(app.db.db, actor.id, step, { enable: true }));
      });
      await writeAudit(app.db.db, actor, { action: 'update', subjectType: 'totp', subjectId: actor.id, ip: req.ip, purpose: 'enrol:done' });
      if (req.mfaPending) return finishSignIn(req, reply, actor);
      return { user: toUser(req.sessionUser!), csrfToken: req.csrfToken!, mfa: 'none' as const };
    },
  );
}
