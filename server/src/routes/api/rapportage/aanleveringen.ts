// The deliveries of the half-year figures to CBS (issue #18): record one as it stands now (region and every gemeente),
// list a half-year's deliveries, see what changed since the previous one, and take each StatLine table as CSV in the
// column order CBS's table uses. Aggregates only; every delivery and export is audited.
import { aanleveringVerschillen, cbsTabellen, findAanlevering, listAanleveringen, recordAanlevering, writeAudit, type AanleveringRij } from '@vt/db';
import { sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { notFound } from '../../../errors.ts';
import { halfjaarBegonnen } from '../../../services/periode.ts';
import { DateTime, Id, Nullable, codeEnum, errors } from '../../../schemas/common.ts';
import { sendCsv } from '../../../services/csv.ts';
import type { App } from '../../../types.ts';
import { HalfjaarRij } from './halfjaar.ts';

const Half = Type.Union([Type.Literal(1), Type.Literal(2)]);
const Aanlevering = Type.Object({
  id: Id,
  jaar: Type.Integer(),
  half: Type.Integer(),
  peilmoment: DateTime,
  versie: Type.String(),
  checksum: Type.String({ description: 'SHA-256 (hex) over the rows in their order' }),
  createdAt: DateTime,
  door: Nullable(Type.String()),
});
const Verschil = Type.Intersect([HalfjaarRij, Type.Object({ regio: Nullable(Type.String()), vorige: Type.Integer() })]);
const MAX_VERSCHILLEN = 1000;

export default async function route(app: App) {
  const meta = (a: { id: string; jaar: number; half: number; peilmoment: Date; versie: string; checksum: string; createdAt: Date }, door: string | null) => ({
    id: a.id,
    jaar: a.jaar,
    half: a.half,
    peilmoment: a.peilmoment.toISOString(),
    versie: a.versie,
    checksum: a.checksum,
    createdAt: a.createdAt.toISOString(),
    door,
  });

  app.post(
    '/aanleveringen',
    {
      config: { action: 'rapportage:aanleveren' },
      schema: {
        tags: ['dashboard'],
        summary: 'Record a delivery of a half-year to CBS as it stands now (the region and every gemeente), with its checksum',
        body: Type.Object({ jaar: Type.Integer({ minimum: 2000, maximum: 2100 }), half: Half }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Id, checksum: Type.String(), peilmoment: DateTime }), ...errors(400) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const { jaar } = req.body;
      const half = req.body.half as 1 | 2;
      halfjaarBegonnen(jaar, half, 'er valt nog niets aan te leveren');
      const result = await app.db.db.transaction(async (tx) => {
        const a = await recordAanlevering(tx, { jaar, half, actorId: actor.id!, mapping: app.cbsMapping });
        await writeAudit(tx, actor, { action: 'export', subjectType: 'cbs_aanlevering', subjectId: a.id, ip: req.ip, purpose: `${jaar}-H${half}` });
        return { ...a, peilmoment: a.peilmoment.toISOString() };
      });
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/aanleveringen',
    {
      config: { action: 'dashboard:read' },
      schema: {
        tags: ['dashboard'],
        summary: "A half-year's deliveries to CBS, newest first",
        querystring: Type.Object({ jaar: Type.Integer({ minimum: 2000, maximum: 2100 }), half: Half }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Aanlevering) }) },
      },
    },
    async (req) => {
      const rows = await listAanleveringen(app.db.db, req.query.jaar, req.query.half as 1 | 2);
      return { items: rows.map((r) => meta(r, r.door)) };
    },
  );

  app.get(
    '/aanleveringen/:id',
    {
      // A delivery holds aggregates only: no case behind its id.
      config: { action: 'dashboard:read', caseAccess: false },
      schema: {
        tags: ['dashboard'],
        summary: 'A delivery, and what changed since the previous delivery of the same half-year (cells whose count differs)',
        params: Type.Object({ id: Id }),
        response: {
          200: Type.Object({ aanlevering: Aanlevering, vorige: Nullable(Aanlevering), verschillen: Type.Array(Verschil), meerVerschillen: Type.Boolean() }),
          ...errors(404),
        },
      },
    },
    async (req) => {
      const found = await findAanlevering(app.db.db, req.params.id);
      if (!found) throw notFound('Deze aanlevering bestaat niet.');
      const { aanlevering: a, vorige } = found;
      const verschillen = vorige ? aanleveringVerschillen(vorige.rijen as AanleveringRij[], a.rijen as AanleveringRij[]) : [];
      return {
        aanlevering: meta(a, null),
        vorige: vorige ? meta(vorige, null) : null,
        verschillen: verschillen.slice(0, MAX_VERSCHILLEN),
        meerVerschillen: verschillen.length > MAX_VERSCHILLEN,
      };
    },
  );

  app.get(
    '/aanleveringen/:id/tabellen/:tabel',
    {
      config: { action: 'dashboard:read', caseAccess: false },
      schema: {
        tags: ['dashboard'],
        summary: "One StatLine table of a delivery as CSV in the column order of CBS's table: the dimensions, Regio's, Perioden, then one column per unit (RFC 4180, UTF-8)",
        params: Type.Object({ id: Id, tabel: codeEnum(cbsTabellen) }),
        response: { 200: Type.String(), ...errors(404) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const found = await findAanlevering(app.db.db, req.params.id);
      if (!found) throw notFound('Deze aanlevering bestaat niet.');
      const a = found.aanlevering;
      const t = app.cbsMapping.tabellen.find((x) => x.tabel === req.params.tabel)!;
      const gemeenten = new Map((await app.db.db.execute<{ code: string; naam: string }>(sqlGemeenten)).map((g) => [g.code, g.naam]));
      const eenheden = t.eenheden.map((e) => ({ code: e, kolom: `${app.cbsMapping.eenheden[e].label} (aantal)` }));
      const periode = `${a.half}e halfjaar ${a.jaar}`;
      // One line per region and combination of categories, in the order of the delivery.
      const lines = new Map<string, Record<string, unknown>>();
      for (const r of (a.rijen as AanleveringRij[]).filter((x) => x.tabel === t.tabel)) {
        const key = `${r.regio ?? ''}|${r.categorie}`;
        const line = lines.get(key) ?? {
          ...Object.fromEntries(t.dimensies.map((d, i) => [d.label, r.label.split('; ')[i]])),
          "Regio's": r.regio ? (gemeenten.get(r.regio) ?? r.regio) : app.regioNaam,
          Perioden: periode,
        };
        line[eenheden.find((e) => e.code === r.eenheid)!.kolom] = r.aantal;
        lines.set(key, line);
      }
      await app.db.db.transaction((tx) => writeAudit(tx, actor, { action: 'export', subjectType: 'cbs_aanlevering', subjectId: a.id, ip: req.ip, purpose: `${t.tabel}:csv` }));
      const columns = [...t.dimensies.map((d) => d.label), "Regio's", 'Perioden', ...eenheden.map((e) => e.kolom)];
      return sendCsv(reply, `${t.tabel}-${a.jaar}-H${a.half}-${a.checksum.slice(0, 8)}.csv`, columns, [...lines.values()]);
    },
  );
}

const sqlGemeenten = sql`select code, naam from gemeenten`;
