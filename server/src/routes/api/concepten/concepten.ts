// The caller's own drafts of the advies and melding forms (issue #16): kept on the server, sealed, so that what
// was typed survives a session expiry, a reload or a crash without anything of it in the browser's storage. A
// draft is the account's: no route here takes another user's id, a draft is removed at sign-out (auth/sign-in.ts),
// when its form is sent (the web app deletes it) and when its term ends (workers, housekeeping).
import { deleteConcept, findConcept, listConcepten, saveConcept } from '@vt/db';
import { Type } from 'typebox';
import { notFound } from '../../../errors.ts';
import { errors } from '../../../schemas/common.ts';
import { Concept, ConceptBody, ConceptList, ConceptMeta, ConceptParams } from '../../../schemas/concept.ts';
import type { App } from '../../../types.ts';

/** A melding draft holds at most a melding's worth of text (4,000-character fields, a household of people). */
const CONCEPT_BODY_LIMIT = 64 * 1024;

const iso = <T extends { updatedAt: Date; expiresAt: Date }>(c: T) => ({ ...c, updatedAt: c.updatedAt.toISOString(), expiresAt: c.expiresAt.toISOString() });

export default async function route(app: App) {
  app.get(
    '',
    {
      config: { action: 'concept:eigen', caseAccess: false },
      schema: { tags: ['concepten'], summary: "The caller's drafts, newest first, without their content", response: { 200: ConceptList } },
    },
    async (req) => ({ items: (await listConcepten(app.db.db, req.actor!.id!)).map(iso) }),
  );

  app.get(
    '/:sleutel',
    {
      config: { action: 'concept:eigen', caseAccess: false },
      schema: { tags: ['concepten'], summary: "One of the caller's drafts", params: ConceptParams, response: { 200: Concept, ...errors(404) } },
    },
    async (req) => {
      const c = await findConcept(app.db.db, req.actor!.id!, req.params.sleutel);
      if (!c) throw notFound('Geen concept.');
      return iso(c);
    },
  );

  app.put(
    '/:sleutel',
    {
      bodyLimit: CONCEPT_BODY_LIMIT,
      config: { action: 'concept:eigen', caseAccess: false },
      schema: {
        tags: ['concepten'],
        summary: 'Keep a draft (replaces the previous one; renews its term)',
        params: ConceptParams,
        body: ConceptBody,
        response: { 200: ConceptMeta, ...errors(404) },
      },
    },
    async (req) => {
      const c = await saveConcept(app.db.db, req.actor!.id!, req.params.sleutel, req.body.inhoud);
      // A draft continuing an advies needs the caller's own advies that has no melding yet.
      if (!c) throw notFound('Advies niet gevonden, of er is al een melding van gemaakt.');
      return iso({ sleutel: c.sleutel, updatedAt: c.updatedAt, expiresAt: c.expiresAt });
    },
  );

  app.delete(
    '/:sleutel',
    {
      config: { action: 'concept:eigen', caseAccess: false },
      schema: { tags: ['concepten'], summary: 'Throw a draft away', params: ConceptParams, response: { 204: Type.Null(), ...errors(404) } },
    },
    async (req, reply) => {
      if (!(await deleteConcept(app.db.db, req.actor!.id!, req.params.sleutel))) throw notFound('Geen concept.');
      return reply.status(204).send(null);
    },
  );
}
