// The triage policy's versions (issue #17): which one is active from when, each version's entry in the terms of the
// Algoritmeregister (generated from the policy data), and a beheerder's switch with a reason and an effect moment.
import { activatePolicy, activePolicyAt, listPolicyActivations, writeAudit } from '@vt/db';
import { POLICIES, policyVersions, registerEntry } from '@vt/db/domain';
import { Type } from 'typebox';
import { badRequest, notFound } from '../../../errors.ts';
import { DateTime, Text, errors } from '../../../schemas/common.ts';
import { Activatie, BeleidOverzicht, RegisterEntry, Versie } from '../../../schemas/triage.ts';
import type { App } from '../../../types.ts';

const activatieView = (a: Awaited<ReturnType<typeof listPolicyActivations>>[number]) => ({ ...a, ingang: a.ingang.toISOString(), createdAt: a.createdAt.toISOString() });

export default async function route(app: App) {
  app.get(
    '/beleid',
    {
      config: { action: 'triage:beleid' },
      schema: { tags: ['triage'], summary: 'The policy versions, the one active now and every activation', response: { 200: BeleidOverzicht } },
    },
    async () => {
      const [actief, activaties] = await Promise.all([activePolicyAt(app.db.db, new Date()), listPolicyActivations(app.db.db)]);
      return { actief: actief.rulesVersion, versies: policyVersions, activaties: activaties.map(activatieView) };
    },
  );

  app.get(
    '/beleid/:versie',
    {
      config: { action: 'triage:beleid' },
      schema: {
        tags: ['triage'],
        summary: "A version's entry in the Algoritmeregister's terms (naam, doel, werking, menselijke tussenkomst, gegevens, risico's en maatregelen), generated from the policy data",
        params: Type.Object({ versie: Versie }),
        response: { 200: RegisterEntry, ...errors(404) },
      },
    },
    async (req) => {
      const policy = POLICIES[req.params.versie];
      if (!policy) throw notFound('Onbekende versie van het triagebeleid.');
      const actief = await activePolicyAt(app.db.db, new Date());
      return { ...registerEntry(policy), actief: actief.rulesVersion === policy.rulesVersion };
    },
  );

  app.post(
    '/beleid/activeren',
    {
      config: { action: 'triage:activeren' },
      schema: {
        tags: ['triage'],
        summary: 'Make a version active from a moment on (now or later), with a reason; proposals made from then on use it',
        body: Type.Object({ versie: Versie, ingang: DateTime, reden: Text(2000, { minLength: 10 }) }, { additionalProperties: false }),
        response: { 201: Activatie, ...errors(404) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      if (!POLICIES[req.body.versie]) throw notFound('Onbekende versie van het triagebeleid.');
      const ingang = new Date(req.body.ingang);
      // A moment already past would pretend that proposals made meanwhile used this version.
      if (ingang.getTime() < Date.now() - 60_000) throw badRequest('De ingang ligt in het verleden.', [{ path: '/ingang', message: 'Kies nu of een moment in de toekomst.' }]);
      const row = await app.db.db.transaction(async (tx) => {
        const a = await activatePolicy(tx, { versie: req.body.versie, ingang, reden: req.body.reden.trim(), door: actor.id! });
        await writeAudit(tx, actor, { action: 'update', subjectType: 'triagebeleid', subjectId: req.body.versie, ip: req.ip, purpose: JSON.stringify({ ingang: req.body.ingang }) });
        return a;
      });
      return reply.status(201).send(activatieView(row));
    },
  );
}
