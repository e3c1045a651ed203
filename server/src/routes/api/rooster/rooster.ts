// The roster (issue #22): who works on a day and when, in which team, with which specialisms, and each person's
// caseload. The chef van de dag sets a whole day in one request; the manager reads it for the capacity.
import { activeStaffAmong, roosterVan, schema, writeAudit, zetRooster } from '@vt/db';
import { amsterdamDate, hhmm as tijd, minuutVan as minuut, specialismen } from '@vt/db/domain';
import { inArray } from 'drizzle-orm';
import { Type } from 'typebox';
import { badRequest, type ErrorDetail } from '../../../errors.ts';
import { codeEnum, Id, IsoDate, errors } from '../../../schemas/common.ts';
import type { App } from '../../../types.ts';

const Tijd = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$', description: 'HH:MM on the Amsterdam clock' });

const Regel = Type.Object({
  id: Id,
  userId: Id,
  naam: Type.String(),
  team: Type.Union([Type.Object({ id: Id, kind: Type.String(), naam: Type.String() }), Type.Null()], { description: 'The team the shift is worked in: the one named, else the person’s own' }),
  gekozenTeam: Type.Union([Id, Type.Null()], { description: 'The team the shift names (null: the person’s own)' }),
  van: Tijd,
  tot: Tijd,
  uren: Type.Number(),
  specialismen: Type.Array(codeEnum(specialismen)),
  caseload: Type.Integer({ description: 'Open meldingen assigned to the person now' }),
});
const Rooster = Type.Object({ datum: IsoDate, uren: Type.Number({ description: 'Hours rostered on the day, in total' }), diensten: Type.Array(Regel) });

export default async function route(app: App) {
  const read = async (datum: string) => {
    const rows = await roosterVan(app.db.db, datum);
    const diensten = rows.map((r) => ({ id: r.id, userId: r.userId, naam: r.naam, team: r.team, gekozenTeam: r.teamId, van: tijd(r.vanMinuut), tot: tijd(r.totMinuut), uren: (r.totMinuut - r.vanMinuut) / 60, specialismen: [...r.specialismen], caseload: r.caseload }));
    return { datum, uren: diensten.reduce((n, d) => n + d.uren, 0), diensten };
  };

  app.get(
    '',
    {
      config: { action: 'rooster:lezen' },
      schema: { tags: ['rooster'], summary: 'The roster of a day (today by default): shifts with hours, team, specialisms and caseload', querystring: Type.Object({ datum: Type.Optional(IsoDate) }, { additionalProperties: false }), response: { 200: Rooster } },
    },
    async (req) => read(req.query.datum ?? amsterdamDate(new Date())),
  );

  app.post(
    '',
    {
      config: { action: 'rooster:beheren' },
      schema: {
        tags: ['rooster'],
        summary: 'Set the whole roster of a day (the shifts given replace the day’s)',
        body: Type.Object(
          {
            datum: IsoDate,
            diensten: Type.Array(
              Type.Object({ userId: Id, van: Tijd, tot: Tijd, team: Type.Optional(Id), specialismen: Type.Optional(Type.Array(codeEnum(specialismen), { uniqueItems: true })) }, { additionalProperties: false }),
              { maxItems: 300 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Rooster, ...errors(400) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const { datum, diensten } = req.body;
      const details: ErrorDetail[] = [];
      diensten.forEach((d, i) => {
        if (minuut(d.van) >= minuut(d.tot)) details.push({ path: `/diensten/${i}/tot`, message: 'Het einde ligt na het begin.' });
      });
      // One person's shifts on a day do not overlap.
      diensten.forEach((d, i) => {
        const clash = diensten.findIndex((e, j) => j < i && e.userId === d.userId && minuut(e.van) < minuut(d.tot) && minuut(d.van) < minuut(e.tot));
        if (clash >= 0) details.push({ path: `/diensten/${i}/van`, message: 'Deze dienst overlapt een andere dienst van dezelfde persoon.' });
      });
      const ids = [...new Set(diensten.map((d) => d.userId))];
      const staff = new Set((await activeStaffAmong(app.db.db, ids)).map((u) => u.id));
      diensten.forEach((d, i) => {
        if (!staff.has(d.userId)) details.push({ path: `/diensten/${i}/userId`, message: 'Onbekende of niet-actieve medewerker van Veilig Thuis.' });
      });
      const teamIds = [...new Set(diensten.flatMap((d) => (d.team ? [d.team] : [])))];
      const known = teamIds.length ? new Set((await app.db.db.select({ id: schema.teams.id, kind: schema.teams.kind }).from(schema.teams).where(inArray(schema.teams.id, teamIds))).filter((t) => t.kind !== 'wijkteam').map((t) => t.id)) : new Set<string>();
      diensten.forEach((d, i) => {
        if (d.team && !known.has(d.team)) details.push({ path: `/diensten/${i}/team`, message: 'Onbekend team van Veilig Thuis.' });
      });
      if (details.length) throw badRequest('Het rooster klopt niet.', details);
      await app.db.db.transaction(async (tx) => {
        await zetRooster(tx, datum, diensten.map((d) => ({ userId: d.userId, vanMinuut: minuut(d.van), totMinuut: minuut(d.tot), teamId: d.team ?? null, specialismen: d.specialismen ?? [] })), actor.id);
        await writeAudit(tx, actor, { action: 'update', subjectType: 'rooster', subjectId: null, purpose: datum, ip: req.ip });
      });
      return read(datum);
    },
  );
}
