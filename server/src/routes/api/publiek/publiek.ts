// The online melding for professionals (issue #20; api.md "Meldingen from outside"): public, without a staff
// session. What keeps it from abuse, without third-party services: a form token that proves the form was opened a
// few seconds before it was sent (robots post at once), a honeypot field people never see, per-address and
// per-e-mail limits counted in Redis, and a small body limit (413). The melding is received, triaged and its clock
// runs from submission; the melder confirms the address by a mailed link, and until then the beoordelaar sees
// "melder niet bevestigd". The mail carries the reference and the link, nothing about the household. The receipt
// shows the melder's status link once; the status page (GET /status/:token) shows the phase and the terugkoppeling
// messages only.
import { randomInt } from 'node:crypto';
import { randomBytes } from 'node:crypto';
import { BEVESTIGING_DAGEN, STATUSLINK_DAGEN, blindIndex, blindIndexCandidates, confirmBevestiging, createBevestiging, createStatuslink, insertMelding, openStatus, schema, storeMeldcode, writeAudit } from '@vt/db';
import { amsterdamDate } from '@vt/db/domain';
import { HttpError, badRequest, notFound, type ErrorDetail } from '../../../errors.ts';
import { errors } from '../../../schemas/common.ts';
import { BevestigenBody, Bevestigd, Formulier, MelderStatus, PUBLIEK_BODY_LIMIT, PubliekeMeldingBody, PubliekeMeldingOntvangen, StatusParams } from '../../../schemas/publiek.ts';
import { checkMeldingBody } from '../../../services/meldingen.ts';
import { refuseWithSeveralRegions } from '../../../services/publiek.ts';
import type { App, RouteOptions } from '../../../types.ts';

/** A form opened longer ago than this is stale (the page is reloaded; nothing typed was kept anywhere). */
const FORM_MAX_AGE_MS = 4 * 60 * 60 * 1000;
/** Online meldingen per melder e-mail address and day: one professional rarely files more. */
const PER_ADRES_PER_DAG = 5;

const formToken = (issuedAt: number) => `${issuedAt}.${blindIndex(`formulier|${issuedAt}`)}`;

/** The milliseconds since the form was opened, or null when the token is not ours. */
function formAge(token: string, now: number): number | null {
  const [at, mac] = token.split('.');
  const issuedAt = Number(at);
  if (!Number.isSafeInteger(issuedAt) || !mac || !blindIndexCandidates(`formulier|${issuedAt}`).includes(mac)) return null;
  return now - issuedAt;
}

/** Status page reads per address and hour: a melder looks now and then; a guesser gets nowhere either way. */
const STATUS_PER_UUR = 120;

/** j•••@school.nl: where the link went, without spelling the address out on a shared screen. */
const hidden = (email: string) => email.replace(/^(.)[^@]*/, '$1•••');

export default async function route(app: App, opts: RouteOptions) {
  app.get(
    '/formulier',
    { config: { public: true }, schema: { tags: ['publiek'], summary: 'A token for the online melding form: it proves the form was opened a little while before it is sent', response: { 200: Formulier } } },
    async (_req, reply) => {
      void reply.header('cache-control', 'no-store');
      const gemeenten = await app.db.db.select({ code: schema.gemeenten.code, naam: schema.gemeenten.naam }).from(schema.gemeenten).orderBy(schema.gemeenten.naam);
      return { formulier: formToken(Date.now()), minSeconden: opts.publiek.minSeconden, gemeenten };
    },
  );

  app.post(
    '/meldingen',
    {
      config: { public: true, rateLimit: { max: opts.publiek.perUur, timeWindow: 60 * 60 * 1000 } },
      bodyLimit: PUBLIEK_BODY_LIMIT,
      schema: {
        tags: ['publiek'],
        summary: 'The online melding of a professional (/melden): received and triaged like any other, its melder asked to confirm the address',
        body: PubliekeMeldingBody,
        response: { 201: PubliekeMeldingOntvangen, ...errors(413, 429, 503) },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const now = new Date();
      refuseWithSeveralRegions(app, 'Online melden');
      const ontvangen = (reference: string, status: { token: string; geldigTot: Date }) =>
        reply.status(201).send({ reference, ontvangenOp: now.toISOString(), bevestigen: hidden(b.melder.email), status: { token: status.token, geldigTot: status.geldigTot.toISOString() } });
      // The honeypot: a robot is answered as a person would be, and nothing is stored or sent.
      if (b.website)
        return ontvangen(`M-${amsterdamDate(now).slice(0, 4)}-${String(randomInt(100_000, 999_999)).padStart(6, '0')}`, {
          token: randomBytes(32).toString('base64url'),
          geldigTot: new Date(now.getTime() + STATUSLINK_DAGEN * 86_400_000),
        });
      const age = formAge(b.formulier, now.getTime());
      if (age === null || age > FORM_MAX_AGE_MS) throw badRequest('Het formulier is verlopen. Laad de pagina opnieuw en vul het nog eens in.', [{ path: '/formulier', message: 'Verlopen of onbekend.' }]);
      if (age < opts.publiek.minSeconden * 1000) throw badRequest('Het formulier is te snel verstuurd. Controleer uw antwoorden en verstuur het opnieuw.', [{ path: '/formulier', message: 'Te snel verstuurd.' }]);
      const details: ErrorDetail[] = [];
      if (b.gezinWeet === 'nee' && !b.waaromNiet?.trim()) details.push({ path: '/waaromNiet', message: 'Vertel waarom het gezin (nog) niet weet van de melding.' });
      if (details.length) throw badRequest('De invoer klopt niet.', details);

      // Per e-mail address and day, by a keyed hash (never the address itself in Redis).
      const key = `${app.redisKeyPrefix}melden:adres:${blindIndex(`melder-email|${b.melder.email.toLowerCase()}`)}`;
      const count = await app.redis.incr(key).catch(() => 0);
      if (count === 1) await app.redis.expire(key, 24 * 60 * 60).catch(() => undefined);
      if (count > PER_ADRES_PER_DAG) throw new HttpError(429, 'RATE_LIMITED', 'Vanaf dit e-mailadres zijn vandaag al meerdere meldingen gedaan. Bel bij twijfel 0800-2000.');

      const body = {
        receivedAt: now.toISOString(),
        kanaal: 'web' as const,
        melder: { type: 'professional' as const, sector: b.melder.sector, ...(b.melder.beroep ? { beroep: b.melder.beroep } : {}), naam: b.melder.naam, organisatie: b.melder.organisatie, telefoon: b.melder.telefoon, email: b.melder.email, anoniemNaarHuishouden: b.melder.anoniemNaarHuishouden },
        huishouden: b.huishouden,
        betrokkenen: b.betrokkenen,
        geweldsvormen: b.geweldsvormen,
        ...(b.veiligheid ? { veiligheid: b.veiligheid } : {}),
        toelichting: b.gezien,
      };
      await checkMeldingBody(app.db.db, body, now);
      const kalender = await app.kalender();
      const actor = { type: 'system' as const, id: null };
      const { melding, token, status } = await app.db.db.transaction(async (tx) => {
        const m = await insertMelding(tx, body, { actor, kalender, now, ip: null });
        await storeMeldcode(tx, m.id, { onveiligheid: b.afweging.onveiligheid, zelfHulp: b.afweging.zelfHulp, gezinWeet: b.gezinWeet, waaromNiet: b.waaromNiet?.trim() || null });
        const t = await createBevestiging(tx, m.id);
        // The status link is shown once, on the receipt; the mail does not carry it (a mailbox is read by others too).
        const st = await createStatuslink(tx, m.id, { actorId: null, now });
        return { melding: m, token: t, status: st };
      });
      // The melding is stored; a mail that fails is logged (without the address) and does not undo it.
      await app.mailer
        .send({
          to: b.melder.email,
          subject: `Bevestig uw melding bij Veilig Thuis (${melding.reference})`,
          text: `Beste ${b.melder.naam},\n\nVeilig Thuis heeft uw melding ${melding.reference} ontvangen en gaat ermee aan de slag.\nBevestig met deze link dat dit uw e-mailadres is (${BEVESTIGING_DAGEN} dagen geldig):\n${opts.publicUrl}/melden/bevestigen#${token}\n\nHeeft u deze melding niet gedaan? Dan kunt u deze mail negeren, of bel 0800-2000.\nBij direct gevaar: bel 112.\n`,
        })
        .catch((err: unknown) => req.log.warn({ errName: (err as Error).name, melding: melding.id }, 'confirmation mail not sent'));
      return ontvangen(melding.reference, status);
    },
  );

  app.post(
    '/bevestigen',
    { config: { public: true }, schema: { tags: ['publiek'], summary: "The melder confirms the e-mail address of an online melding by the mailed link's token", body: BevestigenBody, response: { 200: Bevestigd, ...errors(404) } } },
    async (req) => {
      const r = await confirmBevestiging(app.db.db, req.body.token);
      if (!r) throw notFound('Deze link is onbekend of verlopen. Bel bij vragen 0800-2000.');
      return { reference: r.reference, bevestigdOp: r.bevestigdAt.toISOString() };
    },
  );

  app.get(
    '/status/:token',
    {
      config: { public: true, rateLimit: { max: STATUS_PER_UUR, timeWindow: 60 * 60 * 1000 } },
      schema: {
        tags: ['publiek'],
        summary: "The melder's status page: the phase of the melding and the terugkoppeling messages, nothing of the household",
        description:
          'Opens with the token shown once when the melding was filed online, or given by a case worker. Unknown, expired and revoked tokens are one answer (404). Opening it records the messages on it as read.',
        params: StatusParams,
        response: { 200: MelderStatus, ...errors(404, 429, 503) },
      },
    },
    async (req, reply) => {
      void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      refuseWithSeveralRegions(app, 'De statuspagina');
      // The melder's look at the case is in the access log like any other (by the link, without the melder's address).
      const st = await app.db.db.transaction(async (tx) => {
        const s = await openStatus(tx, req.params.token);
        if (s) await writeAudit(tx, { type: 'system', id: null }, { action: 'read', subjectType: 'melding', subjectId: s.meldingId, purpose: 'statuspagina', onBehalfOf: 'melder (statuslink)' });
        return s;
      });
      if (!st) throw notFound('Deze link is onbekend, verlopen of ingetrokken. Bel bij vragen 0800-2000.');
      return { reference: st.reference, ontvangenOp: st.ontvangenOp.toISOString(), fase: st.fase, geldigTot: st.geldigTot.toISOString(), berichten: st.berichten.map((m) => ({ moment: m.moment, op: m.op.toISOString(), tekst: m.tekst })) };
    },
  );
}
