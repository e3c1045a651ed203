import { adviesKanalen, adviesUitkomsten, beroepen, duurGeweld, sectoren, vragerTypes } from '@vt/db/domain';
import { Type, type Static } from 'typebox';
import { codeEnum, DateTime, Email, GemeenteCode, Id, IsoDate, Name, Nullable, Page, PageSize, Phone, Text } from './common.ts';

export { GeweldsvormenList } from '@vt/db/domain/contract';
import { GeweldsvormenList } from '@vt/db/domain/contract';

export const Vrager = Type.Object(
  {
    naam: Type.Optional(Name),
    telefoon: Type.Optional(Phone),
    email: Type.Optional(Email),
    organisatie: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
);

export const AdviesBody = Type.Object(
  {
    kanaal: codeEnum(adviesKanalen),
    startedAt: DateTime,
    endedAt: Type.Optional(DateTime),
    vragerType: codeEnum(vragerTypes),
    sector: Type.Optional(codeEnum(sectoren)),
    beroep: Type.Optional(codeEnum(beroepen)),
    duurGeweld: Type.Optional(codeEnum(duurGeweld)),
    gemeente: Type.Optional({ ...GemeenteCode, description: 'The gemeente of the situation: it identifies no one (CBS counts adviezen per gemeente)' }),
    anoniem: Type.Boolean(),
    vrager: Type.Optional(Vrager),
    geweldsvormen: GeweldsvormenList,
    samenvatting: Text(4000, { minLength: 1 }),
    adviesGegeven: Text(4000, { minLength: 1 }),
    uitkomst: codeEnum(adviesUitkomsten),
  },
  { additionalProperties: false, $id: 'AdviesBody' },
);
export type AdviesBody = Static<typeof AdviesBody>;

export const AdviesCreated = Type.Object({ id: Id, reference: Type.String() });

export const Advies = Type.Object(
  {
    id: Id,
    reference: Type.String(),
    kanaal: codeEnum(adviesKanalen),
    startedAt: DateTime,
    endedAt: Nullable(DateTime),
    duurSeconden: Nullable(Type.Integer()),
    vragerType: codeEnum(vragerTypes),
    sector: Nullable(codeEnum(sectoren)),
    beroep: Nullable(codeEnum(beroepen)),
    duurGeweld: Nullable(codeEnum(duurGeweld)),
    gemeente: Nullable(Type.String()),
    anoniem: Type.Boolean(),
    vrager: Nullable(Vrager),
    geweldsvormen: GeweldsvormenList,
    samenvatting: Type.String(),
    adviesGegeven: Type.String(),
    uitkomst: codeEnum(adviesUitkomsten),
    meldingId: Nullable(Id),
    createdAt: DateTime,
  },
  { $id: 'Advies' },
);
export type Advies = Static<typeof Advies>;

export const AdviesListQuery = Type.Object(
  {
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    kanaal: Type.Optional(codeEnum(adviesKanalen)),
    eigen: Type.Optional(Type.Boolean({ description: 'Only the adviezen the caller logged itself (the adviseur\'s recent work)' })),
    page: Type.Optional(Page),
    pageSize: Type.Optional(PageSize),
  },
  { additionalProperties: false },
);

export const AdviesListItem = Type.Object({
  id: Id,
  reference: Type.String(),
  kanaal: codeEnum(adviesKanalen),
  startedAt: DateTime,
  vragerType: codeEnum(vragerTypes),
  anoniem: Type.Boolean(),
  geweldsvormen: GeweldsvormenList,
  uitkomst: codeEnum(adviesUitkomsten),
  meldingId: Nullable(Id),
  meldingReference: Nullable(Type.String()),
  conceptMelding: Type.Boolean({ description: 'The caller has an unfinished melding that continues this advies (a draft)' }),
});

export const AdviesList = Type.Object({
  items: Type.Array(AdviesListItem),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
});
