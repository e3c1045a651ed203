// Business rules on top of the schema, and the mapping from the database to the contract's melding shape.
import { findMeldingDetail, hulpverleningVan, openMeldcode, schema, type Actor, type DbOrTx, type MeldingDetail } from '@vt/db';
import { amsterdamDate, explainTriage, klokVan } from '@vt/db/domain';
import type { ErrorDetail } from '../errors.ts';
import { badRequest, forbidden, notFound } from '../errors.ts';
import type { MeldingInput } from '@vt/db/domain/contract';
import type { Melding } from '../schemas/melding.ts';

/** Clocks differ a little between partner systems and us; more than this in the future is a mistake. */
const CLOCK_SKEW_MS = 60_000;

/** The step's clock, as the werkvoorraad shows it (schema/common.ts werkvoorraadDue and werkvoorraadKlok). */
function stapVan(m: { status: string; clockDueAt: Date | null; responseDueAt: Date | null; beoordelingDueAt: Date }, onderzoek: { startedAt: string | null; afgerondAt: Date | null } | null | undefined) {
  const klok = klokVan(m.status, { acuut: m.responseDueAt !== null, onderzoekGestart: !!onderzoek?.startedAt && !onderzoek.afgerondAt });
  if (!klok) return null;
  const due = m.clockDueAt ?? m.responseDueAt ?? m.beoordelingDueAt;
  return { klok, dueAt: due.toISOString() };
}

export function checkNotFuture(value: string | undefined, path: string, now: Date, details: ErrorDetail[]) {
  if (value && new Date(value).getTime() > now.getTime() + CLOCK_SKEW_MS) {
    details.push({ path, message: 'Mag niet in de toekomst liggen.' });
  }
}

/** The region's gemeenten change by migration only; read them once every few minutes, not per request. */
let gemeenteCache: { at: number; codes: Set<string> } | undefined;
async function gemeenteCodes(db: DbOrTx): Promise<Set<string>> {
  if (!gemeenteCache || Date.now() - gemeenteCache.at > 300_000) {
    const rows = await db.select({ code: schema.gemeenten.code }).from(schema.gemeenten);
    gemeenteCache = { at: Date.now(), codes: new Set(rows.map((r) => r.code)) };
  }
  return gemeenteCache.codes;
}

/** The gemeente is one of the region's (a 400, never the foreign key's error). */
export async function checkGemeente(db: DbOrTx, code: string | undefined, path: string, details: ErrorDetail[]) {
  if (code !== undefined && !(await gemeenteCodes(db)).has(code)) details.push({ path, message: 'Onbekende gemeente voor deze regio.' });
}

/**
 * A partner's API client files meldingen only through the kanalen its beheerder gave it (issue #20): the reason it
 * may not use this one, or null when it may.
 */
export function kanaalRefused(actor: Actor, kanaal: string): string | null {
  if (actor.type !== 'client' || !actor.kanalen?.length || actor.kanalen.includes(kanaal)) return null;
  return `Deze koppeling levert meldingen aan via ${actor.kanalen.join(', ')}, niet via ${kanaal}.`;
}

/** Throws 403 when the caller's client may not use the melding's kanaal (see kanaalRefused). */
export function checkKanaal(actor: Actor, kanaal: string) {
  const refused = kanaalRefused(actor, kanaal);
  if (refused) throw forbidden(refused);
}

/** Combinations the schema cannot express. */
export async function checkMeldingBody(db: DbOrTx, body: MeldingInput, now: Date, prefix = '') {
  const details: ErrorDetail[] = [];
  checkNotFuture(body.receivedAt, `${prefix}/receivedAt`, now, details);
  const m = body.melder;
  if (m.type === 'professional' && m.rol) details.push({ path: `${prefix}/melder/rol`, message: 'Een professional heeft een sector, geen rol.' });
  if (m.type === 'niet_professional' && m.sector) details.push({ path: `${prefix}/melder/sector`, message: 'Alleen een professional heeft een sector.' });
  if (m.type === 'niet_professional' && m.beroep) details.push({ path: `${prefix}/melder/beroep`, message: 'Alleen een professional heeft een beroep.' });
  const today = amsterdamDate(now);
  body.betrokkenen.forEach((b, i) => {
    if (b.geboortedatum && b.geboortedatum > today) details.push({ path: `${prefix}/betrokkenen/${i}/geboortedatum`, message: 'Mag niet in de toekomst liggen.' });
    if (b.geboortedatum && b.geboortedatum < '1900-01-01') details.push({ path: `${prefix}/betrokkenen/${i}/geboortedatum`, message: 'Geboortedatum is niet aannemelijk.' });
  });
  if (!(await gemeenteCodes(db)).has(body.huishouden.gemeente)) details.push({ path: `${prefix}/huishouden/gemeente`, message: 'Onbekende gemeente voor deze regio.' });
  if (details.length) throw badRequest('De invoer klopt niet.', details);
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * The proposal as the triage made it (its latest run): after a beoordeling the melding's own band and route are the
 * decided ones, which every list shows, and the proposal stays visible here as such, with its true texts
 * (explainTriage: each factor's tekst, the attention points, the uitleg) made from what it stored.
 */
function triageView(d: MeldingDetail): Melding['triage'] {
  const m = d.melding;
  const p = d.voorstel
    ? { ...d.voorstel, proposedAt: d.voorstel.proposedAt }
    : m.urgency && m.band && m.route && m.priority !== null && m.proposedAt
      ? {
          urgency: m.urgency,
          band: m.band,
          priority: m.priority,
          route: m.route,
          routeRule: m.routeRule ?? '',
          factors: m.factors ?? [],
          rulesVersion: m.rulesVersion ?? '',
          eerdereMeldingen: m.eerdereMeldingen ?? 0,
          proposedAt: m.proposedAt,
        }
      : null;
  if (!p) return null;
  const texts = explainTriage(p, { veiligheid: m.veiligheid, anoniemNaarHuishouden: m.anoniemNaarHuishouden, geweldsvormen: m.geweldsvormen });
  return {
    urgency: p.urgency,
    band: p.band,
    priority: p.priority,
    route: p.route,
    routeRule: p.routeRule,
    factors: texts.factors,
    aandachtspunten: texts.aandachtspunten,
    uitleg: texts.uitleg,
    rulesVersion: p.rulesVersion,
    eerdereMeldingen: p.eerdereMeldingen,
    proposedAt: p.proposedAt.toISOString(),
  };
}

export function toMeldingView(d: MeldingDetail, opts: { melderIdentity: boolean }): Melding {
  const m = d.melding;
  // The wijkteam (who may not know the melder) reads what was written for it: the handover's text instead of the
  // melding's toelichting ("Leerkracht groep 3: …" names the melder), and none of Veilig Thuis's own notes (the
  // reason of a beoordeling, the onderzoek's conclusions, the notes of an acute response or Code Rood).
  const forWijkteam = !opts.melderIdentity;
  const own = (text: string | null) => (forWijkteam ? null : text);
  return {
    id: m.id,
    reference: m.reference,
    status: m.status,
    kanaal: m.kanaal,
    receivedAt: m.receivedAt.toISOString(),
    createdAt: m.createdAt.toISOString(),
    adviesId: m.adviesId,
    melder: opts.melderIdentity
      ? {
          type: m.melderType,
          rol: m.melderRol,
          sector: m.melderSector,
          beroep: m.melderBeroep,
          duurGeweld: m.melderDuurGeweld,
          naam: m.melderNaam,
          organisatie: m.melderOrganisatie,
          telefoon: m.melderTelefoon,
          email: m.melderEmail,
          anoniemNaarHuishouden: m.anoniemNaarHuishouden,
          ...(d.melderBevestiging ? { bevestigd: d.melderBevestiging.bevestigdAt !== null } : {}),
        }
      : null,
    meldcode: opts.melderIdentity ? openMeldcode(m.meldcode) : null,
    huishouden: {
      adres: { straat: m.straat, huisnummer: m.huisnummer, postcode: m.postcode, plaats: m.plaats },
      gemeente: m.gemeenteCode,
      gemeenteNaam: d.gemeenteNaam,
    },
    betrokkenen: d.betrokkenen.map((b) => ({
      id: b.id,
      rol: b.rol,
      voornaam: b.voornaam,
      achternaam: b.achternaam,
      geboortedatum: b.geboortedatum,
    })),
    geweldsvormen: m.geweldsvormen,
    veiligheid: m.veiligheid as Record<string, boolean>,
    toelichting: forWijkteam ? (d.lifecycle.overdracht?.toelichting ?? '') : m.toelichting,
    // The proposal as the triage made it (its latest run): after a beoordeling the melding's own band and route are
    // the decided ones, which every list shows, and the proposal stays visible here as such.
    triage: triageView(d),
    beoordeling: d.beoordeling
      ? {
          route: d.beoordeling.route,
          band: d.beoordeling.band,
          override: d.beoordeling.override,
          reason: own(d.beoordeling.reason),
          decidedBy: d.beoordeling.decidedBy,
          decidedAt: d.beoordeling.decidedAt.toISOString(),
        }
      : null,
    deadlines: {
      beoordelingDueDate: m.beoordelingDueDate,
      beoordelingDueAt: m.beoordelingDueAt.toISOString(),
      responseDueAt: iso(m.responseDueAt),
      onderzoekDueDate: d.lifecycle.onderzoek?.dueDate ?? null,
      stap: stapVan(m, d.lifecycle.onderzoek),
    },
    onderzoek: d.lifecycle.onderzoek
      ? {
          id: d.lifecycle.onderzoek.id,
          besluitAt: d.lifecycle.onderzoek.besluitAt.toISOString(),
          startedAt: d.lifecycle.onderzoek.startedAt,
          dueDate: d.lifecycle.onderzoek.dueDate,
          afgerondAt: iso(d.lifecycle.onderzoek.afgerondAt),
          uitkomsten: d.lifecycle.onderzoek.uitkomsten,
          vervolg: d.lifecycle.onderzoek.vervolg,
          conclusie: own(d.lifecycle.onderzoek.conclusie),
        }
      : null,
    overdracht: d.lifecycle.overdracht
      ? {
          id: d.lifecycle.overdracht.id,
          gemeente: d.lifecycle.overdracht.gemeenteCode,
          status: d.lifecycle.overdracht.status,
          acceptedAt: d.lifecycle.overdracht.status === 'geaccepteerd' ? iso(d.lifecycle.overdracht.decidedAt) : null,
          reden: d.lifecycle.overdracht.status === 'teruggestuurd' ? d.lifecycle.overdracht.reden : null,
          toelichting: d.lifecycle.overdracht.toelichting,
          veiligheidsvoorwaarden: d.lifecycle.overdracht.veiligheidsvoorwaarden,
          hulpverlening: hulpverleningVan(d.lifecycle.overdracht.hulpverlening),
          namens: d.lifecycle.overdracht.namens === 'contactpersoon' ? 'contactpersoon' : null,
        }
      : null,
    monitoring: d.lifecycle.monitoring.map((c) => ({ id: c.id, dueDate: c.dueDate, status: c.status })),
    terugkoppelingen: d.lifecycle.terugkoppelingen.map((k) => ({ id: k.id, moment: k.moment, dueDate: k.dueDate, doneAt: iso(k.doneAt), bericht: own(k.bericht), gelezenAt: iso(k.gelezenAt) })),
    // The melder's status link: when it was made, until when it works, when it was last opened (json: timestamps as text).
    statuslink:
      opts.melderIdentity && d.statuslink
        ? { aangemaaktOp: new Date(d.statuslink.createdAt).toISOString(), geldigTot: new Date(d.statuslink.expiresAt).toISOString(), laatstBekeken: d.statuslink.lastSeenAt ? new Date(d.statuslink.lastSeenAt).toISOString() : null }
        : null,
    voorwaarden: d.lifecycle.voorwaarden.map((v) => ({
      id: v.id,
      omschrijving: v.omschrijving,
      toezichthouder: v.toezichthouder,
      controleOp: v.controleOp,
      status: v.status,
      toelichting: v.toelichting,
      beoordeeldAt: iso(v.beoordeeldAt),
    })),
    codeRood: d.lifecycle.codeRood
      ? { id: d.lifecycle.codeRood.id, datum: d.lifecycle.codeRood.datum, toelichting: own(d.lifecycle.codeRood.toelichting) ?? '', uitkomst: own(d.lifecycle.codeRood.uitkomst), uitkomstDatum: d.lifecycle.codeRood.uitkomstDatum }
      : null,
    thv: d.lifecycle.thv
      ? { id: d.lifecycle.thv.id, opgelegdOp: d.lifecycle.thv.opgelegdOp, eindigtOp: d.lifecycle.thv.eindigtOp, verlengdTotEnMet: d.lifecycle.thv.verlengdTotEnMet }
      : null,
    acuteInzet: d.lifecycle.acuteInzetten.map((a) => ({
      id: a.id,
      gegevenOp: a.gegevenOp.toISOString(),
      acties: a.acties,
      uitvoerders: a.uitvoerders.map((id) => ({ id, naam: a.namen[id] ?? '' })),
      toelichting: own(a.toelichting),
      opTijd: m.responseDueAt ? a.gegevenOp <= m.responseDueAt : null,
    })),
    team: d.team ? { id: d.team.id, kind: d.team.kind, naam: d.team.naam, gemeente: d.team.gemeente } : null,
    assignedTo: m.assignedTo,
  };
}

/** The case as the caller may read it (after a change: only what the record rule let it touch). */
export async function caseView(db: DbOrTx, c: { meldingId: string; melderIdentity: boolean }): Promise<Melding> {
  const d = await findMeldingDetail(db, c.meldingId);
  if (!d) throw notFound('Melding niet gevonden.');
  return toMeldingView(d, c);
}
