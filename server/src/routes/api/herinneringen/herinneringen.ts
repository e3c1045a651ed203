// Reminders: handovers not accepted in time, huisverboden about to end, checkpoints and V&V reviews passed unrecorded, feedback late.
import { herinneringen, writeAudit } from '@vt/db';
import { herinneringSoorten } from '@vt/db/domain';
import { Type } from 'typebox';
import { Id, IsoDate, codeEnum } from '../../../schemas/common.ts';
import type { App, RouteOptions } from '../../../types.ts';

export default async function route(app: App, opts: RouteOptions) {
  app.get(
    '',
    {
      config: { action: 'herinneringen:read' },
      schema: {
        tags: ['levensloop'],
        summary: 'Reminders: handovers not accepted in time, huisverboden about to end, checkpoints and V&V reviews passed unrecorded, feedback late',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ soort: codeEnum(herinneringSoorten), meldingId: Id, reference: Type.String(), datum: IsoDate, dagen: Type.Integer() }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const kalender = await app.kalender();
      return app.db.db.transaction(async (tx) => {
        const items = await herinneringen(tx, new Date(), kalender, { overdrachtWerkdagen: opts.overdrachtWerkdagen, readableBy: actor });
        await writeAudit(tx, actor, { action: 'search', subjectType: 'herinneringen', ip: req.ip });
        return { items };
      });
    },
  );
}
