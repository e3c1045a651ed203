// A new account sets its first password with its one-time activation link (issue #14, four eyes).
import { activate, activationAccount, hashPassword, passwordProblems, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { HttpError } from '../../../errors.ts';
import { errors } from '../../../schemas/common.ts';
import { unknownLink } from '../../../services/sign-in.ts';
import type { App } from '../../../types.ts';

export default async function route(app: App) {
  app.post(
    '/activatie',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Whom an activation link is for (while it is unused and unexpired)',
        body: Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ email: Type.String(), naam: Type.String() }), ...errors(404) },
      },
    },
    async (req) => {
      const account = await activationAccount(app.db.db, req.body.token);
      if (!account) throw unknownLink();
      return account;
    },
  );

  app.post(
    '/activeren',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Set the first password of a new account with its one-time activation link (the password rules apply)',
        body: Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }), wachtwoord: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...errors(404) },
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
}
