// Shapes of the kalender routes, shared by their files (folder = URL prefix, server/src/routes/api).
import { Type } from 'typebox';
import { IsoDate } from './common.ts';

export const Dag = Type.Object({
  datum: IsoDate,
  omschrijving: Type.String(),
  soort: Type.Union([Type.Literal('feestdag'), Type.Literal('gelijkgesteld')]),
  /** The provision or besluit it comes from; null for a day the beheerder added (its omschrijving names the besluit). */
  bron: Type.Union([Type.String(), Type.Null()]),
});
