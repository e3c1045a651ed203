// Shapes of the mdo routes, shared by their files (folder = URL prefix, server/src/routes/api).
import { bands, geweldsvormen, mdoBesluiten } from '@vt/db/domain';
import { Type } from 'typebox';
import { DateTime, Id, IsoDate, Nullable, codeEnum } from './common.ts';

export const Besluit = codeEnum(mdoBesluiten);

export const ExterneDeelnemer = Type.Object(
  { naam: Type.String({ minLength: 2, maxLength: 200 }), organisatie: Type.String({ minLength: 2, maxLength: 200 }) },
  { additionalProperties: false },
);

export const Agendapunt = Type.Object({
  meldingId: Id,
  reference: Type.String(),
  band: Nullable(codeEnum(bands)),
  gemeente: Type.String(),
  routeRule: Nullable(Type.String()),
  /** The case in a line for the meeting: its forms of violence, the heaviest factors of its triage (codes), its receipt. */
  geweldsvormen: Type.Optional(Type.Array(codeEnum(geweldsvormen))),
  factoren: Type.Optional(Type.Array(Type.String())),
  receivedAt: Type.Optional(DateTime),
  besluit: Nullable(Besluit),
  toelichting: Nullable(Type.String()),
  eigenaar: Nullable(Id),
  besluitAt: Nullable(DateTime),
});

export const Mdo = Type.Object({
  id: Id,
  datum: IsoDate,
  deelnemers: Type.Array(Type.Object({ id: Id, naam: Type.String(), roles: Type.Array(Type.String()) })),
  agenda: Type.Array(Agendapunt),
  /** Participants from outside Veilig Thuis (police, wijkteam, school …), by name and organisation. */
  externen: Type.Optional(Type.Array(ExterneDeelnemer)),
});
