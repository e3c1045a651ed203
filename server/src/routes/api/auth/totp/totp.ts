// The second sign-in step: a TOTP code, and enrolling an authenticator app.
import { claimTotpStep, findTotp, setPendingTotpSecret, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { HttpError } from '../../../../errors.ts';
import { errors } from '../../../../schemas/common.ts';
import { CodeBody, SessionBody, createSignIn } from '../../../../services/sign-in.ts';
import { newTotpSecret, verifyTotp } from '../../../../services/totp.ts';
import type { App, RouteOptions } from '../../../../types.ts';

export default async function route(app: App, opts: RouteOptions) {
  const { toUser, actorOf, finishSignIn, checkCode } = createSignIn(app, opts);

  app.post(
    '',
    {
      config: { mfaStep: true },
      schema: { tags: ['auth'], summary: 'Second sign-in step: the TOTP code', body: CodeBody, response: { 200: SessionBody, ...errors(409) } },
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
    '/enrol',
    {
      config: { mfaStep: true },
      schema: {
        tags: ['auth'],
        summary: 'Start enrolling an authenticator app: a new secret, its otpauth URI and a QR code (SVG)',
        response: { 200: Type.Object({ secret: Type.String(), uri: Type.String(), qrSvg: Type.String() }), ...errors(409) },
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
    '/confirm',
    {
      config: { mfaStep: true },
      schema: { tags: ['auth'], summary: 'Finish enrolling: the first code from the app switches TOTP on', body: CodeBody, response: { 200: SessionBody, ...errors(409) } },
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
