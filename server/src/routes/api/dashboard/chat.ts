// The web chat's figures on the manager's dashboard (issue #21), beside the waiting lists.
import { chatCijfers } from '@vt/db';
import { addDays, amsterdamDate } from '@vt/db/domain';
import { Type } from 'typebox';
import { badRequest } from '../../../errors.ts';
import { IsoDate, errors } from '../../../schemas/common.ts';
import { readLagging } from '../../../services/read.ts';
import type { App } from '../../../types.ts';

const Cijfer = {
  aangeboden: Type.Integer(),
  beantwoord: Type.Integer(),
  afgebroken: Type.Integer({ description: 'The visitor left while waiting' }),
  mediaanWachtSec: Type.Union([Type.Integer(), Type.Null()]),
  p90WachtSec: Type.Union([Type.Integer(), Type.Null()]),
};

export default async function route(app: App) {
  app.get(
    '/chat',
    {
      config: { action: 'dashboard:read' },
      schema: {
        tags: ['dashboard'],
        summary: 'Web chats offered, answered and abandoned while waiting, with the median and 90th-percentile wait, per hour of the day and per week',
        querystring: Type.Object({ van: Type.Optional(IsoDate), tot: Type.Optional(IsoDate) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            van: IsoDate,
            tot: IsoDate,
            totaal: Type.Object(Cijfer),
            perUur: Type.Array(Type.Object({ uur: Type.Integer({ minimum: 0, maximum: 23 }), ...Cijfer })),
            perWeek: Type.Array(Type.Object({ start: IsoDate, ...Cijfer })),
          }),
          ...errors(400),
        },
      },
    },
    async (req) => {
      const today = amsterdamDate(new Date());
      // The last twelve weeks by default.
      const tot = req.query.tot ?? today;
      const van = req.query.van ?? addDays(tot, -83);
      if (van > tot) throw badRequest('De periode klopt niet.', [{ path: '/van', message: 'Het begin ligt na het einde.' }]);
      if (addDays(van, 366) < tot) throw badRequest('De periode klopt niet.', [{ path: '/van', message: 'Kies hoogstens een jaar.' }]);
      return readLagging(app, req.actor!, { action: 'search', subjectType: 'dashboard', ip: req.ip, purpose: 'chat' }, (tx) => chatCijfers(tx, van, tot));
    },
  );
}
