import { gezinWeetOpties, aandachtspunten, acuteActies, bands, beroepen, betrokkeneRollen, duurGeweld, klokken, conclusies, eventTypes, geweldsvormen, melderRollen, melderTypes, meldingKanalen, meldingStatussen, monitoringStatussen, onderzoekVervolgen, overdrachtStatussen, routes, sectoren, teamKinds, terugkoppelMomenten, urgencies, voorwaardeStatussen } from '@vt/db/domain';
import { Type, type Static } from 'typebox';
import { GeweldsvormenList } from './advies.ts';
import { codeEnum, DateTime, Email, GemeenteCode, Id, IsoDate, Nullable, Page, PageSize, Phone, Text } from './common.ts';

/** The professional already involved to whom route hulpverlening hands the case over (api.md). */
export const Hulpverlening = Type.Object(
  {
    organisatie: Text(200, { minLength: 2 }),
    contactpersoon: Text(200, { minLength: 2 }),
    telefoon: Type.Optional(Phone),
    email: Type.Optional(Email),
  },
  { additionalProperties: false },
);

export { Betrokkene, Huishouden, Melder, MeldingBody, Veiligheid } from '@vt/db/domain/contract';

export const MeldingCreated = Type.Object({
  id: Id,
  reference: Type.String(),
  status: codeEnum(meldingStatussen),
  receivedAt: DateTime,
});

/** A factor with its weight and its Dutch text (db/src/domain/explain.ts). */
const Factor = Type.Object({ code: Type.String(), weight: Type.Integer(), tekst: Type.String() });
const Aandachtspunt = Type.Object({ code: codeEnum(aandachtspunten), tekst: Type.String() });

export const Triage = Type.Object({
  urgency: codeEnum(urgencies),
  band: codeEnum(bands),
  priority: Type.Integer({ minimum: 0, maximum: 100 }),
  route: codeEnum(routes),
  routeRule: Type.String(),
  factors: Type.Array(Factor),
  /** What the specialism requires (policy v2); empty when neither applies. */
  aandachtspunten: Type.Array(Aandachtspunt),
  /** The route's reason in plain Dutch, citing only what made its rule fire. */
  uitleg: Type.String(),
  rulesVersion: Type.String(),
  eerdereMeldingen: Type.Integer(),
  proposedAt: DateTime,
});

export const Beoordeling = Type.Object({
  route: codeEnum(routes),
  band: codeEnum(bands),
  override: Type.Boolean(),
  reason: Nullable(Type.String()),
  decidedBy: Id,
  decidedAt: DateTime,
});

export const AcuteInzet = Type.Object({
  id: Id,
  gegevenOp: DateTime,
  acties: Type.Array(codeEnum(acuteActies)),
  uitvoerders: Type.Array(Type.Object({ id: Id, naam: Type.String() })),
  toelichting: Nullable(Type.String()),
  /** Given within the acute response term (24 hours from receipt); null when the case had no such term. */
  opTijd: Nullable(Type.Boolean()),
});

export const Melding = Type.Object(
  {
    id: Id,
    reference: Type.String(),
    status: codeEnum(meldingStatussen),
    kanaal: codeEnum(meldingKanalen),
    receivedAt: DateTime,
    createdAt: DateTime,
    adviesId: Nullable(Id),
    // null when the reader may not see the melder's identity (e.g. a wijkteam).
    melder: Nullable(
      Type.Object({
        type: codeEnum(melderTypes),
        rol: Nullable(codeEnum(melderRollen)),
        sector: Nullable(codeEnum(sectoren)),
        beroep: Nullable(codeEnum(beroepen)),
        duurGeweld: Nullable(codeEnum(duurGeweld)),
        naam: Type.String(),
        organisatie: Nullable(Type.String()),
        telefoon: Nullable(Type.String()),
        email: Nullable(Type.String()),
        anoniemNaarHuishouden: Type.Boolean(),
        bevestigd: Type.Optional(Type.Boolean({ description: 'An online melding: whether the melder confirmed the e-mail address by the mailed link (absent for the other kanalen)' })),
      }),
    ),
    // An online melding (kanaal web): the meldcode answers as the professional gave them; null otherwise, and for
    // readers who may not see the melder's words (the wijkteam).
    meldcode: Nullable(
      Type.Object({
        onveiligheid: Type.Boolean({ description: 'Afwegingskader 1: a suspicion of acute or structural unsafety' }),
        zelfHulp: Type.Boolean({ description: 'Afwegingskader 2: can organise sufficient help themselves' }),
        gezinWeet: codeEnum(gezinWeetOpties),
        waaromNiet: Nullable(Type.String()),
      }),
    ),
    huishouden: Type.Object({
      adres: Type.Object({ straat: Type.String(), huisnummer: Type.String(), postcode: Type.String(), plaats: Type.String() }),
      gemeente: Type.String(),
      gemeenteNaam: Type.String(),
    }),
    betrokkenen: Type.Array(
      Type.Object({
        id: Id,
        rol: codeEnum(betrokkeneRollen),
        voornaam: Type.String(),
        achternaam: Type.String(),
        geboortedatum: Nullable(IsoDate),
      }),
    ),
    geweldsvormen: GeweldsvormenList,
    veiligheid: Type.Record(Type.String(), Type.Boolean()),
    toelichting: Type.String(),
    triage: Nullable(Triage),
    beoordeling: Nullable(Beoordeling),
    deadlines: Type.Object({
      beoordelingDueDate: IsoDate,
      beoordelingDueAt: DateTime,
      responseDueAt: Type.Optional(Nullable(DateTime)),
      onderzoekDueDate: Type.Optional(Nullable(IsoDate)),
      /** The clock of the step the case is in now, the same one the werkvoorraad shows (domain/deadlines.ts); null when closed. */
      stap: Nullable(Type.Object({ klok: codeEnum(klokken), dueAt: DateTime })),
    }),
    onderzoek: Nullable(
      Type.Object({
        id: Id,
        besluitAt: DateTime,
        startedAt: Nullable(IsoDate),
        dueDate: Nullable(IsoDate),
        afgerondAt: Nullable(DateTime),
        uitkomsten: Nullable(Type.Array(Type.Object({ geweldsvorm: codeEnum(geweldsvormen), conclusie: codeEnum(conclusies) }))),
        vervolg: Nullable(codeEnum(onderzoekVervolgen)),
        /** The conclusions in words, once finished. */
        conclusie: Type.Optional(Nullable(Type.String())),
      }),
    ),
    overdracht: Nullable(
      Type.Object({
        id: Id,
        gemeente: Type.String(),
        status: codeEnum(overdrachtStatussen),
        acceptedAt: Nullable(DateTime),
        /** Why the wijkteam sent it back (null unless teruggestuurd). */
        reden: Nullable(Type.String()),
        /** The handover as written for the wijkteam (what it may know). */
        toelichting: Type.Optional(Type.String()),
        veiligheidsvoorwaarden: Type.Optional(Nullable(Type.String())),
        /** Route hulpverlening: the professional already involved (null for a handover to a wijkteam). */
        hulpverlening: Nullable(Hulpverlening),
        /** Accepted by a Veilig Thuis case worker on the contact person's behalf. */
        namens: Nullable(Type.Literal('contactpersoon')),
      }),
    ),
    monitoring: Type.Array(Type.Object({ id: Id, dueDate: IsoDate, status: codeEnum(monitoringStatussen) })),
    terugkoppelingen: Type.Array(
      Type.Object({
        id: Id,
        moment: codeEnum(terugkoppelMomenten),
        dueDate: IsoDate,
        doneAt: Nullable(DateTime),
        bericht: Nullable(Type.String({ description: 'The message the melder reads on the status page' })),
        gelezenAt: Nullable(DateTime), // when the melder first opened the status page with this message on it
      }),
    ),
    statuslink: Nullable(
      Type.Object({ aangemaaktOp: DateTime, geldigTot: DateTime, laatstBekeken: Nullable(DateTime) }, { description: "The melder's working status link (null without one, or for a role that does not see the melder)" }),
    ),
    voorwaarden: Type.Array(
      Type.Object({
        id: Id,
        omschrijving: Type.String(),
        toezichthouder: Type.String(),
        controleOp: IsoDate,
        status: codeEnum(voorwaardeStatussen),
        toelichting: Nullable(Type.String()),
        beoordeeldAt: Nullable(DateTime),
      }),
    ),
    codeRood: Nullable(Type.Object({ id: Id, datum: IsoDate, toelichting: Type.String(), uitkomst: Nullable(Type.String()), uitkomstDatum: Nullable(IsoDate) })),
    thv: Nullable(Type.Object({ id: Id, opgelegdOp: IsoDate, eindigtOp: IsoDate, verlengdTotEnMet: Nullable(IsoDate) })),
    /** The acute responses given (crisis team), oldest first; `opTijd` against `deadlines.responseDueAt`. */
    acuteInzet: Type.Array(AcuteInzet),
    team: Nullable(Type.Object({ id: Id, kind: codeEnum(teamKinds), naam: Type.String(), gemeente: Nullable(Type.String()) })),
    assignedTo: Type.Array(Id),
  },
  { $id: 'Melding' },
);
export type Melding = Static<typeof Melding>;

export const MeldingListQuery = Type.Object(
  {
    status: Type.Optional(codeEnum(meldingStatussen)),
    band: Type.Optional(codeEnum(bands)),
    route: Type.Optional(codeEnum(routes)),
    gemeente: Type.Optional(GemeenteCode),
    overdue: Type.Optional(Type.Boolean()),
    page: Type.Optional(Page),
    pageSize: Type.Optional(PageSize),
  },
  { additionalProperties: false },
);

export const MeldingListItem = Type.Object({
  id: Id,
  reference: Type.String(),
  status: codeEnum(meldingStatussen),
  kanaal: codeEnum(meldingKanalen),
  receivedAt: DateTime,
  gemeente: Type.String(),
  band: Nullable(codeEnum(bands)),
  route: Nullable(codeEnum(routes)),
  beoordelingDueAt: DateTime,
  overdue: Type.Boolean(),
});

export const MeldingList = Type.Object({
  items: Type.Array(MeldingListItem),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
});

export const HistorieEvent = Type.Object({
  at: DateTime,
  type: codeEnum(eventTypes),
  actorId: Nullable(Id),
  data: Type.Record(Type.String(), Type.Unknown()),
});
export const Historie = Type.Object({ events: Type.Array(HistorieEvent) });
