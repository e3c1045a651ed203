// Compare before you switch (issue #17): two policy versions over the stored meldingen received in a period, as
// matrices of route and band with no personal data; the chef van de dag opens the cases behind a cell.
import { triageInputsReceived, writeAudit } from '@vt/db';
import { POLICIES, bands, inCel, routes, vergelijk, type VergelijkingCel } from '@vt/db/domain';
import { Type } from 'typebox';
import { badRequest } from '../../../errors.ts';
import { DateTime, Id, errors } from '../../../schemas/common.ts';
import { CelQuery, VergelijkingQuery, VergelijkingResult } from '../../../schemas/triage.ts';
import { periode as datumPeriode } from '../../../services/periode.ts';
import type { App } from '../../../types.ts';

/** The period [from, to] in Amsterdam dates, at most two years; both versions known. */
function periode(q: { van: string; naar: string; from: string; to: string }) {
  const van = POLICIES[q.van];
  const naar = POLICIES[q.naar];
  if (!van || !naar) throw badRequest('Onbekende versie van het triagebeleid.', [{ path: van ? '/naar' : '/van', message: `Kies uit ${Object.keys(POLICIES).join(', ')}.` }]);
  return { van, naar, ...datumPeriode(q.from, q.to) };
}

export default async function route(app: App) {
  app.get(
    '/vergelijking',
    {
      config: { action: 'triage:vergelijken' },
      schema: {
        tags: ['triage'],
        summary: 'Run two policy versions over the meldingen received in a period: how many change route, band or urgency, as matrices (no personal data)',
        querystring: VergelijkingQuery,
        response: { 200: VergelijkingResult, ...errors(400) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const p = periode(req.query);
      const rows = await triageInputsReceived(app.db.db, p.start, p.end);
      const result = vergelijk(
        rows.map((r) => r.input),
        p.van,
        p.naar,
      );
      await writeAudit(app.db.db, actor, { action: 'search', subjectType: 'triage_vergelijking', ip: req.ip, purpose: JSON.stringify(req.query) });
      return { van: req.query.van, naar: req.query.naar, from: req.query.from, to: req.query.to, ...result };
    },
  );

  app.get(
    '/vergelijking/zaken',
    {
      config: { action: 'triage:vergelijking_zaken' },
      schema: {
        tags: ['triage'],
        summary: 'The cases behind one cell of a comparison (references and dates only), for the chef van de dag',
        querystring: CelQuery,
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ meldingId: Id, reference: Type.String(), receivedAt: DateTime })) }), ...errors(400) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const p = periode(req.query);
      const { dimensie, vanWaarde, naarWaarde } = req.query;
      const codes: readonly string[] = dimensie === 'route' ? routes : bands;
      if (!codes.includes(vanWaarde) || !codes.includes(naarWaarde)) {
        throw badRequest('Onbekende waarde voor deze cel.', [{ path: codes.includes(vanWaarde) ? '/naarWaarde' : '/vanWaarde', message: `Kies uit ${codes.join(', ')}.` }]);
      }
      const cel = { dimensie, van: vanWaarde, naar: naarWaarde } as VergelijkingCel;
      const rows = await triageInputsReceived(app.db.db, p.start, p.end, { readableBy: actor });
      const items = rows
        .filter((r) => inCel(r.input, p.van, p.naar, cel))
        .slice(0, 500)
        .map((r) => ({ meldingId: r.id, reference: r.reference, receivedAt: r.receivedAt.toISOString() }));
      await writeAudit(app.db.db, actor, { action: 'search', subjectType: 'triage_vergelijking', ip: req.ip, purpose: JSON.stringify(req.query) });
      return { items };
    },
  );
}
