// Signing in (issues #4, #14): the session's shape, the limits on guessing, the second factor's checks and the end
// of a sign-in, shared by the routes under /api/auth.
import { completeMfa, endPendingSessions, randomToken, sha256, writeAudit, type Actor } from '@vt/db';
import { Type } from 'typebox';
import { actions, actionsOf } from '../authz.ts';
import { HttpError, notFound, unauthenticated } from '../errors.ts';
import type { SessionUser as SessionUserRow } from '../plugins/app/auth.ts';
import { Id, Nullable, codeEnum } from '../schemas/common.ts';
import type { App } from '../types.ts';
import { SignInLimits, type Verdict } from './sign-in-limits.ts';

export const SessionUser = Type.Object({
  id: Id,
  name: Type.String(),
  email: Type.String(),
  roles: Type.Array(Type.String()),
  teamId: Nullable(Id),
  team: Nullable(Type.Object({ id: Id, kind: Type.String(), naam: Type.String() })),
  gemeente: Nullable(Type.String()),
  gemeenteNaam: Nullable(Type.String()),
  /** What this user's roles permit (authz.ts): the web app shows a page or a button only for these. */
  actions: Type.Array(codeEnum(actions)),
});

/** What the sign-in still needs: nothing, a TOTP code, or enrolling an authenticator app first. */
export const MfaStep = Type.Union([Type.Literal('none'), Type.Literal('verify'), Type.Literal('enrol')]);
export type MfaStepName = 'none' | 'verify' | 'enrol';
export const SessionBody = Type.Object({ user: SessionUser, csrfToken: Type.String(), mfa: MfaStep });
export const CodeBody = Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$', description: 'The 6 digits the authenticator app shows' }) }, { additionalProperties: false });

/** 429 with the seconds to wait, when a limit said no. */
export function refuse(verdict: Verdict, reply: { header: (k: string, v: string) => unknown }, message: string): void {
  if (verdict.allowed) return;
  void reply.header('retry-after', String(verdict.retryAfter));
  throw new HttpError(429, 'RATE_LIMITED', message);
}
export const tooMany = `Te veel inlogpogingen. Probeer het over een kwartier opnieuw.`;
export const unknownLink = () => notFound('Deze activatielink is onbekend, al gebruikt of verlopen. Vraag de beheerder om een nieuwe.');

export interface SignInOptions {
  production: boolean;
  absoluteHours: number;
  totpRequired: boolean;
}

export function createSignIn(app: App, opts: SignInOptions) {
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
    actions: actionsOf(u.roles),
  });

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

  return { limits, cookieOptions, toUser, mfaStepOf, actorOf, finishSignIn, checkCode };
}
