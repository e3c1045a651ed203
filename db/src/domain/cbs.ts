// The CBS delivery (Beleidsinformatie Veilig Thuis, issue #18) as data and one pure evaluation. The mapping file
// (cbs-beleidsinformatie.json, or the organisation's own copy named by CBS_MAPPING_FILE) lists per StatLine table its
// dimensions, their categories with the CBS label, and which registrations each category counts (`waar`). The
// repository counts "profiles" — how many adviezen, meldingen, casussen, afgeronde onderzoeken and V&V trajectories
// share the same codes — and `cbsRijen` turns them into the complete grid: every category of every table, zero where
// nothing was counted. A label or grouping is corrected in the file, without a release; the file is checked at
// start-up (`parseCbsMapping`, read by repositories/rapportage.ts loadCbsMapping), so a typo stops the process with a clear line instead of a wrong delivery.
// Sources: the table titles and labels marked `geverifieerd` were read on the tables' pages at cbs.nl (`bron`); the
// others were not found there and follow CBS's wording as closely as we could.
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { beroepen, conclusies, duurGeweld, eerdereBetrokkenheden, geweldsvormen, melderTypes, sectoren, urgencies, vbUitkomsten, type Conclusie } from './codes.ts';
import standaard from './cbs-beleidsinformatie.json' with { type: 'json' };

export { cbsEenheden, cbsTabellen, type CbsEenheid } from './codes.ts';
import { cbsEenheden, cbsTabellen, type CbsEenheid } from './codes.ts';
/** The outcome of the veiligheidsbeoordeling at the end of the period, as 84852NED counts it. */
export const vbUitkomstenOpPeildatum = [...vbUitkomsten, 'nog_niet_beoordeeld', 'niet_ingedeeld'] as const;

/** One of these codes, typed as such. */
const oneOf = <T extends readonly string[]>(values: T) => Type.Enum([...values] as T[number][]);
const codes = <T extends readonly string[]>(values: T) => Type.Array(oneOf(values));
const codesOfNull = <T extends readonly string[]>(values: T) => Type.Array(Type.Union([oneOf(values), Type.Null()]));

/** Which registrations a category counts: every condition given must hold (`null` in a list: not recorded). */
const Waar = Type.Object(
  {
    melder: Type.Optional(codes(melderTypes)),
    sector: Type.Optional(codesOfNull(sectoren)),
    beroep: Type.Optional(codesOfNull(beroepen)),
    duurGeweld: Type.Optional(codesOfNull(duurGeweld)),
    /** At least one of these forms of violence. */
    geweldsvorm: Type.Optional(codes(geweldsvormen)),
    /** None of these forms of violence. */
    nietGeweldsvorm: Type.Optional(codes(geweldsvormen)),
    /** No form of violence recorded. */
    zonderGeweldsvorm: Type.Optional(Type.Literal(true)),
    eerdereBetrokkenheid: Type.Optional(codesOfNull(eerdereBetrokkenheden)),
    taxatie: Type.Optional(codes(urgencies)),
    uitkomst: Type.Optional(codes(vbUitkomstenOpPeildatum)),
    /** An onderzoek whose strongest conclusion over these forms is this one (bevestigd above niet bevestigd above weerlegd). */
    onderzoek: Type.Optional(Type.Object({ geweldsvorm: codes(geweldsvormen), conclusie: oneOf(conclusies) }, { additionalProperties: false })),
    /** An onderzoek finished with conclusions (not closed early). */
    nietVoortijdig: Type.Optional(Type.Literal(true)),
  },
  { additionalProperties: false },
);
const Code = Type.String({ pattern: '^[a-z0-9_]+$' });
const Categorie = Type.Object({ code: Code, label: Type.String({ minLength: 1 }), geverifieerd: Type.Boolean(), waar: Waar }, { additionalProperties: false });
const Dimensie = Type.Object({ code: Code, label: Type.String({ minLength: 1 }), categorieen: Type.Array(Categorie, { minItems: 1 }) }, { additionalProperties: false });
const Tabel = Type.Object(
  {
    tabel: oneOf(cbsTabellen),
    titel: Type.String({ minLength: 1 }),
    bron: Type.String({ format: 'uri' }),
    eenheden: Type.Array(oneOf(cbsEenheden), { minItems: 1 }),
    /** The profiles the table counts when they are not those of its unit (84852NED: the outcome at the end of the period). */
    profielen: Type.Optional(Type.Literal('veiligheidsbeoordeling')),
    dimensies: Type.Array(Dimensie, { minItems: 1, maxItems: 2 }),
  },
  { additionalProperties: false },
);
const EenheidLabel = Type.Object({ label: Type.String({ minLength: 1 }), geverifieerd: Type.Boolean() }, { additionalProperties: false });
export const CbsMappingSchema = Type.Object(
  {
    toelichting: Type.String(),
    versie: Type.String({ minLength: 1 }),
    eenheden: Type.Object(
      {
        adviezen: EenheidLabel,
        meldingen: EenheidLabel,
        casussen: EenheidLabel,
        afgeronde_onderzoeken: EenheidLabel,
        afgeronde_vv: EenheidLabel,
      },
      { additionalProperties: false },
    ),
    tabellen: Type.Array(Tabel),
  },
  { additionalProperties: false },
);
export type CbsMapping = Static<typeof CbsMappingSchema>;
export type CbsWaar = Static<typeof Waar>;

export class CbsMappingError extends Error {}

/**
 * Checks a mapping beyond its shape: each table once and all six present, category codes unique per dimension, and
 * every code of ours counted somewhere — each sector by an organisation group, each occupation by a beroep row, each
 * duration and each form of violence — so a code added later cannot silently fall out of the delivery.
 */
export function parseCbsMapping(raw: unknown, bron = 'cbs-beleidsinformatie.json'): CbsMapping {
  if (!Value.Check(CbsMappingSchema, raw)) {
    const first = [...Value.Errors(CbsMappingSchema, raw)][0];
    throw new CbsMappingError(`${bron}: ${first?.instancePath || '/'} ${first?.message ?? 'ongeldig'}`);
  }
  const m = raw as CbsMapping;
  const problems: string[] = [];
  const seen = m.tabellen.map((t) => t.tabel);
  for (const t of cbsTabellen) if (seen.filter((s) => s === t).length !== 1) problems.push(`tabel ${t} moet precies één keer voorkomen`);
  const used: Record<string, Set<unknown>> = { sector: new Set(), beroep: new Set(), duurGeweld: new Set(), geweldsvorm: new Set() };
  for (const t of m.tabellen) {
    for (const d of t.dimensies) {
      const dup = d.categorieen.map((c) => c.code).filter((c, i, all) => all.indexOf(c) !== i);
      if (dup.length) problems.push(`${t.tabel}/${d.code}: categorie ${dup[0]} staat er twee keer in`);
      for (const c of d.categorieen) {
        for (const k of ['sector', 'beroep', 'duurGeweld', 'geweldsvorm'] as const) for (const v of c.waar[k] ?? []) used[k]!.add(v);
      }
    }
  }
  // Every combination of categories must be countable from one partition the repository keeps (CBS_OVERZICHTEN).
  for (const t of m.tabellen) {
    for (const eenheid of t.eenheden) {
      const overzichten = CBS_OVERZICHTEN[t.profielen ?? eenheid].map((velden) => ({ velden }));
      const combinaties = t.dimensies.reduce<{ code: string[]; waar: CbsWaar[] }[]>((acc, d) => acc.flatMap((a) => d.categorieen.map((c) => ({ code: [...a.code, c.code], waar: [...a.waar, c.waar] }))), [{ code: [], waar: [] }]);
      const bad = combinaties.find((c) => !overzichtVoor(overzichten, c.waar));
      if (bad) problems.push(`${t.tabel} ${bad.code.join('/')} (${eenheid}): deze combinatie van voorwaarden valt niet uit één telling te halen`);
    }
  }
  const missing = (k: string, all: readonly string[]) => all.filter((v) => !used[k]!.has(v));
  for (const [k, all] of [['sector', sectoren], ['beroep', beroepen], ['duurGeweld', duurGeweld], ['geweldsvorm', geweldsvormen]] as const) {
    const gone = missing(k, all);
    if (gone.length) problems.push(`${k} ${gone.join(', ')} telt in geen enkele categorie`);
  }
  if (problems.length) throw new CbsMappingError(`${bron}: ${problems.join('; ')}`);
  return m;
}


/** A group of equal registrations and how many there are. Absent fields are not recorded (null). */
export interface CbsProfiel {
  aantal: number;
  melder?: string;
  sector?: string | null;
  beroep?: string | null;
  duurGeweld?: string | null;
  vormen?: readonly string[];
  eerdereBetrokkenheid?: string | null;
  taxatie?: string | null;
  uitkomst?: string | null;
  uitkomsten?: readonly { geweldsvorm: string; conclusie: string }[];
}
export type CbsProfielVeld = Exclude<keyof CbsProfiel, 'aantal'>;
/**
 * One partition of a unit's registrations by a few fields: every registration in exactly one profile. A unit has
 * several (one per dimension it is asked by), so each stays small: a count over melder and sector needs no
 * occupation, duration or forms of violence, and a profile of all at once would be as many as the registrations.
 */
export interface CbsOverzicht {
  velden: readonly CbsProfielVeld[];
  profielen: readonly CbsProfiel[];
}
export type CbsProfielenSet = CbsEenheid | 'veiligheidsbeoordeling';
export type CbsProfielen = Record<CbsProfielenSet, readonly CbsOverzicht[]>;

/** The partitions the repository counts, per unit: a category (or combination) is counted from one that holds all it asks. */
export const CBS_OVERZICHTEN: Record<CbsProfielenSet, readonly (readonly CbsProfielVeld[])[]> = {
  adviezen: [['melder', 'sector'], ['melder', 'beroep'], ['duurGeweld'], ['vormen']],
  meldingen: [['melder', 'sector'], ['melder', 'beroep'], ['duurGeweld'], ['vormen'], ['eerdereBetrokkenheid']],
  casussen: [['vormen']],
  // 84853NED by their conclusions, 84850NED by the melding's forms of violence.
  afgeronde_onderzoeken: [['uitkomsten'], ['vormen']],
  afgeronde_vv: [['vormen']],
  veiligheidsbeoordeling: [['taxatie', 'uitkomst']],
};

/** The profile fields a category's conditions read. */
function veldenVan(w: CbsWaar): CbsProfielVeld[] {
  const out = new Set<CbsProfielVeld>();
  for (const k of Object.keys(w) as (keyof CbsWaar)[]) {
    if (k === 'geweldsvorm' || k === 'nietGeweldsvorm' || k === 'zonderGeweldsvorm') out.add('vormen');
    else if (k === 'onderzoek' || k === 'nietVoortijdig') out.add('uitkomsten');
    else out.add(k);
  }
  return [...out];
}

/** The first partition that holds every field the conditions read (the first when they read none). */
function overzichtVoor<T extends { velden: readonly CbsProfielVeld[] }>(overzichten: readonly T[], waar: readonly CbsWaar[]): T | undefined {
  const nodig = [...new Set(waar.flatMap(veldenVan))];
  return overzichten.find((o) => nodig.every((v) => o.velden.includes(v)));
}

const sterkte: Record<Conclusie, number> = { bevestigd: 3, niet_bevestigd: 2, weerlegd: 1 };

/** Whether a profile is one that a category counts. */
export function telt(w: CbsWaar, p: CbsProfiel): boolean {
  const inList = (list: readonly (string | null)[] | undefined, v: string | null | undefined) => list === undefined || list.includes(v ?? null);
  if (w.melder && !w.melder.includes((p.melder ?? '') as never)) return false;
  if (!inList(w.sector, p.sector) || !inList(w.beroep, p.beroep) || !inList(w.duurGeweld, p.duurGeweld)) return false;
  if (!inList(w.eerdereBetrokkenheid, p.eerdereBetrokkenheid)) return false;
  if (w.taxatie && !w.taxatie.includes((p.taxatie ?? '') as never)) return false;
  if (w.uitkomst && !w.uitkomst.includes((p.uitkomst ?? '') as never)) return false;
  const vormen = p.vormen ?? [];
  if (w.geweldsvorm && !vormen.some((v) => (w.geweldsvorm as readonly string[]).includes(v))) return false;
  if (w.nietGeweldsvorm && vormen.some((v) => (w.nietGeweldsvorm as readonly string[]).includes(v))) return false;
  if (w.zonderGeweldsvorm && vormen.length) return false;
  const uitkomsten = p.uitkomsten ?? [];
  if (w.nietVoortijdig && !uitkomsten.length) return false;
  if (w.onderzoek) {
    const inGroep = uitkomsten.filter((u) => (w.onderzoek!.geweldsvorm as readonly string[]).includes(u.geweldsvorm));
    if (!inGroep.length) return false;
    const sterkste = inGroep.reduce((a, u) => (sterkte[u.conclusie as Conclusie] > sterkte[a.conclusie as Conclusie] ? u : a));
    if (sterkste.conclusie !== w.onderzoek.conclusie) return false;
  }
  return true;
}

export interface CbsRij {
  [veld: string]: unknown;
  tabel: (typeof cbsTabellen)[number];
  dimensie: string;
  categorie: string;
  label: string;
  eenheid: CbsEenheid;
  aantal: number;
}

/**
 * The complete grid of the delivery: for each table, each unit and each combination of its dimensions' categories a
 * row with the count of the profiles that every category of the combination counts (zero when none). A table of two
 * dimensions names both, joined by '/' in `dimensie` and `categorie` and by '; ' in `label`.
 */
export function cbsRijen(mapping: CbsMapping, profielen: CbsProfielen): CbsRij[] {
  const rows: CbsRij[] = [];
  for (const t of mapping.tabellen) {
    const cells = t.dimensies.reduce<{ code: string[]; label: string[]; waar: CbsWaar[] }[]>(
      (acc, d) => acc.flatMap((a) => d.categorieen.map((c) => ({ code: [...a.code, c.code], label: [...a.label, c.label], waar: [...a.waar, c.waar] }))),
      [{ code: [], label: [], waar: [] }],
    );
    const dimensie = t.dimensies.map((d) => d.code).join('/');
    for (const eenheid of t.eenheden) {
      const overzichten = profielen[t.profielen ?? eenheid];
      for (const cell of cells) {
        const overzicht = overzichtVoor(overzichten, cell.waar);
        // Nothing counted for this unit at all: zero.
        if (!overzicht && overzichten.length) throw new CbsMappingError(`${t.tabel} ${cell.code.join('/')}: geen telling met ${veldenVan(Object.assign({}, ...cell.waar)).join(', ')} samen`);
        let aantal = 0;
        for (const p of overzicht?.profielen ?? []) if (cell.waar.every((w) => telt(w, p))) aantal += p.aantal;
        rows.push({ tabel: t.tabel, dimensie, categorie: cell.code.join('/'), label: cell.label.join('; '), eenheid, aantal });
      }
    }
  }
  return rows;
}

/** The mapping shipped with the product. */
export const standaardCbsMapping: CbsMapping = parseCbsMapping(standaard);
