// The yearly factsheet.
import { FACTSHEET_GROEPEN, jaarcijfers } from '@vt/db';
import { amsterdamDate } from '@vt/db/domain';
import { Type } from 'typebox';
import { badRequest } from '../../../errors.ts';
import { GemeenteCode, Nullable, codeEnum } from '../../../schemas/common.ts';
import { gemeenteOf } from '../../../services/dashboard.ts';
import { readLagging } from '../../../services/read.ts';
import type { App } from '../../../types.ts';

/** A share in percent, or null when there is nothing to divide. */
const Pct = Nullable(Type.Number());

export default async function route(app: App) {
  app.get(
    '/jaar',
    {
      config: { action: 'dashboard:read' },
      schema: {
        tags: ['dashboard'],
        summary: 'The yearly factsheet (like figure 3 of the regiovisie Twente): adviezen, meldingen by melder and form of violence, huisverboden, Code Rood',
        querystring: Type.Object({ jaar: Type.Integer({ minimum: 2000, maximum: 2100 }), gemeente: Type.Optional(GemeenteCode) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            jaar: Type.Integer(),
            gemeente: Nullable(Type.String()),
            adviezen: Type.Object({ totaal: Type.Integer(), telefoon: Type.Integer(), chat: Type.Integer(), mail: Type.Integer(), telefoonPct: Pct, chatPct: Pct }),
            meldingen: Type.Object({
              totaal: Type.Integer(),
              professional: Type.Integer(),
              politie: Type.Integer(),
              nietProfessional: Type.Integer(),
              professionalPct: Pct,
              nietProfessionalPct: Pct,
            }),
            geweldsvormen: Type.Array(Type.Object({ groep: codeEnum(Object.keys(FACTSHEET_GROEPEN) as [keyof typeof FACTSHEET_GROEPEN]), meldingen: Type.Integer() })),
            mensenhandel: Type.Object({ seksueel: Type.Integer(), crimineel: Type.Integer(), arbeid: Type.Integer(), overig: Type.Integer() }),
            seksueelGeweld: Type.Object({ acuut: Type.Integer(), nietAcuut: Type.Integer() }),
            huisverboden: Type.Object({ opgelegd: Type.Integer(), verlengd: Type.Integer() }),
            codeRood: Type.Integer(),
          }),
        },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const { jaar, gemeente } = req.query;
      await gemeenteOf(app, gemeente);
      if (jaar > Number(amsterdamDate(new Date()).slice(0, 4))) throw badRequest(`${jaar} is nog niet begonnen: er zijn nog geen jaarcijfers.`, [{ path: '/jaar', message: 'Kies dit jaar of een eerder jaar.' }]);
      return readLagging(app, actor, { action: 'export', subjectType: 'rapportage_jaar', ip: req.ip, purpose: `${jaar}${gemeente ? `:${gemeente}` : ''}` }, (tx) => jaarcijfers(tx, jaar, { gemeente: gemeente ?? null }));
    },
  );
}
