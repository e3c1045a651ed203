// Changing one’s own password.
import { dummyPasswordHash, findUserByEmail, hashPassword, passwordProblems, setPassword, sha256, verifyPassword, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { HttpError } from '../../../errors.ts';

import { createSignIn, refuse, tooMany } from '../../../services/sign-in.ts';
import type { App, RouteOptions } from '../../../types.ts';

export default async function route(app: App, opts: RouteOptions) {
  const { limits, actorOf } = createSignIn(app, opts);

  app.post(
    '/wachtwoord',
    {
      config: { signedIn: true },
      schema: {
        tags: ['auth'],
        summary: 'Change one’s own password (the password rules apply); every other session of the account ends',
        body: Type.Object({ huidig: Type.String({ minLength: 1, maxLength: 200 }), nieuw: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 204: Type.Null() },
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
        await setPassword(tx, user.id, passwordHash, current);
        await writeAudit(tx, actor, { action: 'update', subjectType: 'user', subjectId: user.id, ip: req.ip, purpose: 'wachtwoord' });
      });
      return reply.status(204).send(null);
    },
  );
}
