// Signing in with e-mail and password, signing out, and the session the web app reads.
import { createSession, deleteConceptenOf, deleteSession, dummyPasswordHash, findUserByEmail, randomToken, sha256, touchSession, verifyPassword, writeAudit, type Actor } from '@vt/db';
import { Type } from 'typebox';
import { needsSecondFactor } from '../../../authz.ts';
import { unauthenticated } from '../../../errors.ts';
import { errors } from '../../../schemas/common.ts';
import { SessionBody, createSignIn, refuse, tooMany, type MfaStepName } from '../../../services/sign-in.ts';
import type { App, RouteOptions } from '../../../types.ts';

export default async function route(app: App, opts: RouteOptions) {
  const { limits, cookieOptions, toUser, mfaStepOf } = createSignIn(app, opts);

  app.post(
    '/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        body: Type.Object({ email: Type.String({ minLength: 3, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 200: SessionBody, ...errors(401) },
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
    '/logout',
    { config: { mfaStep: true }, schema: { tags: ['auth'], summary: 'Sign out; the session dies on the server', response: { 204: Type.Null() } } },
    async (req, reply) => {
      const token = req.cookies[app.sessionCookieName];
      if (token) await deleteSession(app.db.db, sha256(token));
      // Signing out leaves nothing of what the account was typing behind (issue #16); an expiry keeps it.
      if (req.sessionUser) await deleteConceptenOf(app.db.db, req.sessionUser.id);
      void reply.clearCookie(app.sessionCookieName, cookieOptions);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/session',
    { config: { mfaStep: true }, schema: { tags: ['auth'], summary: 'The signed-in user, the CSRF token and what the sign-in still needs', response: { 200: SessionBody } } },
    async (req) => {
      if (!req.sessionUser || !req.csrfToken) throw unauthenticated();
      return { user: toUser(req.sessionUser), csrfToken: req.csrfToken, mfa: mfaStepOf(req) };
    },
  );
}
