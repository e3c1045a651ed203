// Shapes of the triage policy routes (issue #17): versions, activations, the register entry and the comparison.
import { bands, routes } from '@vt/db/domain';
import { Type } from 'typebox';
import { DateTime, Id, IsoDate, codeEnum } from './common.ts';

export const Versie = Type.String({ pattern: '^v[0-9]+$', maxLength: 10 });

export const Activatie = Type.Object({ id: Id, versie: Type.String(), ingang: DateTime, reden: Type.String(), door: Type.Union([Id, Type.Null()]), createdAt: DateTime });

export const BeleidOverzicht = Type.Object({
  actief: Type.String(),
  versies: Type.Array(Type.String()),
  activaties: Type.Array(Activatie),
});

export const RegisterEntry = Type.Object({
  versie: Type.String(),
  actief: Type.Boolean(),
  naam: Type.String(),
  doel: Type.String(),
  werking: Type.Object({
    tekst: Type.String(),
    gewichten: Type.Array(Type.Object({ factor: Type.String(), gewicht: Type.Integer() })),
    banden: Type.Array(Type.String()),
    routeRegels: Type.Array(Type.String()),
  }),
  menselijkeTussenkomst: Type.String(),
  gegevens: Type.Array(Type.String()),
  risicosEnMaatregelen: Type.Array(Type.Object({ risico: Type.String(), maatregel: Type.String() })),
});

export const Periode = {
  from: IsoDate,
  to: IsoDate,
};

export const VergelijkingQuery = Type.Object({ van: Versie, naar: Versie, ...Periode }, { additionalProperties: false });

export const VergelijkingResult = Type.Object({
  van: Type.String(),
  naar: Type.String(),
  from: IsoDate,
  to: IsoDate,
  totaal: Type.Integer(),
  gewijzigd: Type.Object({ route: Type.Integer(), band: Type.Integer(), urgency: Type.Integer(), enig: Type.Integer() }),
  routes: Type.Array(Type.Object({ van: codeEnum(routes), naar: codeEnum(routes), aantal: Type.Integer() })),
  banden: Type.Array(Type.Object({ van: codeEnum(bands), naar: codeEnum(bands), aantal: Type.Integer() })),
});

export const CelQuery = Type.Object(
  {
    van: Versie,
    naar: Versie,
    ...Periode,
    dimensie: Type.Union([Type.Literal('route'), Type.Literal('band')]),
    vanWaarde: Type.String({ maxLength: 20 }),
    naarWaarde: Type.String({ maxLength: 20 }),
  },
  { additionalProperties: false },
);
