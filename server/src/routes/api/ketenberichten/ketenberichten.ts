// Chain messages in bulk (api.md, "Meldingen from outside"): a partner system (the police chain sends about two
// thirds of all meldingen) posts up to 500 meldingen at once, each under its own message id. Every message is
// checked and stored on its own, in its own transaction, so one bad message never fails the others; a message id
// that created a melding answers every replay with that melding (`dubbel`), also when two batches race for it; a
// rejected one may be sent again, corrected, under the same id. The results come back in the order sent, and a
// partner can fetch one later by its id.
import { createHash } from 'node:crypto';
import {
  claimKetenbericht,
  completeKetenbericht,
  findKetenbericht,
  findKetenberichten,
  insertMelding,
  rejectKetenbericht,
  writeAudit,
  type Ketenbericht as StoredBericht,
} from '@vt/db';
import { MeldingBody } from '../../../schemas/melding.ts';
import { errors } from '../../../schemas/common.ts';
import {
  BERICHT_ID_PATTERN,
  BerichtIdParams,
  Ketenbericht,
  KetenberichtenBody,
  KetenberichtenResult,
  KetenberichtStatus,
  MAX_KETENBERICHTEN,
  type KetenberichtResultaat,
} from '../../../schemas/keten.ts';
import { HttpError, notFound, type ErrorDetail } from '../../../errors.ts';
import { capDetails, validationDetails } from '../../../plugins/app/errors.ts';
import { checkMeldingBody, kanaalRefused } from '../../../services/meldingen.ts';
import type { App } from '../../../types.ts';

/** 500 meldingen of the largest size the contract allows still fit (a melding's free text is at most 10,000 characters). */
const BATCH_BODY_LIMIT = 16 * 1024 * 1024;

/** A detail's path inside the batch: `/berichten/3/melding` + the item's own path. */
const under = (prefix: string, details: ErrorDetail[]) => details.map((d) => ({ ...d, path: prefix + (d.path === '/' ? '' : d.path) }));

const hashOf = (melding: unknown) => createHash('sha256').update(JSON.stringify(melding ?? null)).digest('hex');

const ofStored = (b: StoredBericht): KetenberichtResultaat => ({
  berichtId: b.berichtId,
  status: b.status,
  ...(b.meldingId ? { meldingId: b.meldingId } : {}),
  ...(b.reference ? { reference: b.reference } : {}),
  ...(b.details?.length ? { details: b.details } : {}),
});

export default async function route(app: App) {
  const validMessage = app.compileBody(Ketenbericht);
  const validMelding = app.compileBody(MeldingBody);

  app.post(
    '',
    {
      config: { action: 'ketenbericht:create' },
      bodyLimit: BATCH_BODY_LIMIT,
      schema: {
        tags: ['meldingen'],
        summary: `Meldingen in bulk from a partner system: at most ${MAX_KETENBERICHTEN} messages, each with its own message id; a result per message, in the order sent`,
        body: KetenberichtenBody,
        response: { 200: KetenberichtenResult },
      },
    },
    async (req) => {
      const actor = req.actor!;
      if (actor.type !== 'client') throw new HttpError(403, 'FORBIDDEN', 'Alleen een ketenpartner stuurt ketenberichten.');
      const now = new Date();
      const kalender = await app.kalender();
      const berichten = req.body.berichten;
      const idOf = (m: unknown) => (m && typeof m === 'object' && typeof (m as { berichtId?: unknown }).berichtId === 'string' ? (m as { berichtId: string }).berichtId : null);
      // Only well-formed ids are looked up (a NUL or an oversized id is rejected per message below, never sent to Postgres).
      const wellFormed = new RegExp(BERICHT_ID_PATTERN);
      const earlier = await findKetenberichten(app.db.db, actor.id, [...new Set(berichten.map(idOf).filter((id): id is string => id !== null && id.length <= 128 && wellFormed.test(id)))]);
      // Within this batch: a message id seen before answers as its first message did (when that one created a melding).
      const inBatch = new Map<string, KetenberichtResultaat>();
      const resultaten: KetenberichtResultaat[] = [];
      const counts = { aangemaakt: 0, dubbel: 0, afgewezen: 0 };

      for (const [i, bericht] of berichten.entries()) {
        const at = `/berichten/${i}`;
        const berichtId = idOf(bericht);
        const result = await (async (): Promise<KetenberichtResultaat> => {
          const reject = async (details: ErrorDetail[], store: boolean) => {
            const capped = capDetails(details);
            if (store && berichtId) await rejectKetenbericht(app.db.db, actor.id, berichtId, hashOf((bericht as { melding?: unknown }).melding), capped);
            return { berichtId, status: 'afgewezen' as const, details: capped };
          };
          if (!validMessage(bericht)) return reject(under(at, validationDetails(validMessage.errors ?? [])), false);
          const { melding } = bericht as { berichtId: string; melding: unknown };
          const id = berichtId!;
          const hash = hashOf(melding);
          const first = inBatch.get(id) ?? (earlier.get(id)?.status === 'aangemaakt' ? ofStored(earlier.get(id)!) : undefined);
          const replay = (f: KetenberichtResultaat, storedHash?: string): KetenberichtResultaat => ({
            berichtId: id,
            status: 'dubbel',
            ...(f.meldingId ? { meldingId: f.meldingId } : {}),
            ...(f.reference ? { reference: f.reference } : {}),
            ...(storedHash !== undefined && storedHash !== hash ? { details: [{ path: `${at}/melding`, message: 'Andere inhoud dan het eerste bericht met dit berichtId; het eerste bericht geldt.' }] } : {}),
          });
          if (first) return replay(first, inBatch.has(id) ? undefined : earlier.get(id)!.requestHash);
          if (!validMelding(melding)) return reject(under(`${at}/melding`, validationDetails(validMelding.errors ?? [])), true);
          const body = melding as MeldingBody;
          const refused = kanaalRefused(actor, body.kanaal);
          if (refused) return reject([{ path: `${at}/melding/kanaal`, message: refused }], true);
          try {
            await checkMeldingBody(app.db.db, body, now, `${at}/melding`);
          } catch (err) {
            if (err instanceof HttpError && err.details.length) return reject(err.details, true);
            throw err;
          }
          const created = await app.db.db.transaction(async (tx) => {
            if (!(await claimKetenbericht(tx, actor.id, id, hash))) return null;
            const m = await insertMelding(tx, body, { actor, kalender, now, ip: req.ip });
            await completeKetenbericht(tx, actor.id, id, m);
            return m;
          });
          if (!created) {
            // Another request created it between our look and our claim: answer as a replay of that one.
            const stored = await findKetenbericht(app.db.db, actor.id, id);
            return replay(stored ? ofStored(stored) : { berichtId: id, status: 'dubbel' }, stored?.requestHash);
          }
          return { berichtId: id, status: 'aangemaakt', meldingId: created.id, reference: created.reference };
        })();
        if (berichtId && result.status !== 'afgewezen' && !inBatch.has(berichtId)) inBatch.set(berichtId, result);
        counts[result.status]++;
        resultaten.push(result);
      }
      // Each melding's creation is audited with it (insertMelding); the batch itself once, by its counts.
      await writeAudit(app.db.db, actor, { action: 'create', subjectType: 'ketenberichten', purpose: JSON.stringify({ berichten: berichten.length, ...counts }), ip: req.ip });
      return { resultaten };
    },
  );

  app.get(
    '/:berichtId',
    {
      config: { action: 'ketenbericht:read' },
      schema: {
        tags: ['meldingen'],
        summary: "The result of one of the caller's chain messages, by its message id",
        params: BerichtIdParams,
        response: { 200: KetenberichtStatus, ...errors(404) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      if (actor.type !== 'client') throw new HttpError(403, 'FORBIDDEN', 'Alleen een ketenpartner leest zijn ketenberichten.');
      // A partner sees its own messages only: another partner's id is simply not found.
      const b = await findKetenbericht(app.db.db, actor.id, req.params.berichtId);
      if (!b) throw notFound('Geen ketenbericht met dit berichtId.');
      return { ...ofStored(b), berichtId: b.berichtId, ontvangenOp: b.receivedAt.toISOString(), bijgewerktOp: b.updatedAt.toISOString() };
    },
  );
}
