// The CBS mapping file and its evaluation (issue #18): the shipped file passes its own checks, a wrong copy stops with
// a line that says what is wrong, and the grid counts profiles as the categories say — overlaps, the strongest
// conclusion of an onderzoek, a category that counts nothing, two dimensions.
import { describe, expect, it } from 'vitest';
import { CbsMappingError, cbsRijen, parseCbsMapping, standaardCbsMapping, telt, type CbsProfielen } from './cbs.ts';
import { beroepen, duurGeweld, geweldsvormen, sectoren } from './codes.ts';

const copy = () => structuredClone(standaardCbsMapping) as unknown as { tabellen: { tabel: string; dimensies: { categorieen: { code: string; label: string; waar: Record<string, unknown> }[] }[] }[] };
const leeg: CbsProfielen = { adviezen: [], meldingen: [], casussen: [], afgeronde_onderzoeken: [], afgeronde_vv: [], veiligheidsbeoordeling: [] };

describe('the CBS mapping file', () => {
  it('ships complete: six tables, every code of ours counted, every label set', () => {
    expect(standaardCbsMapping.tabellen.map((t) => t.tabel)).toEqual(['84848NED', '84849NED', '84850NED', '84852NED', '84853NED', '85361NED']);
    const kenmerken = standaardCbsMapping.tabellen.find((t) => t.tabel === '84849NED')!.dimensies[0]!.categorieen;
    for (const s of sectoren) expect(kenmerken.some((c) => c.code.startsWith('org_') && (c.waar.sector as readonly unknown[] | undefined)?.includes(s)), s).toBe(true);
    for (const b of beroepen) expect(kenmerken.some((c) => (c.waar.beroep as readonly unknown[] | undefined)?.includes(b)), b).toBe(true);
    for (const d of duurGeweld) expect(kenmerken.some((c) => (c.waar.duurGeweld as readonly unknown[] | undefined)?.includes(d)), d).toBe(true);
    const aard = standaardCbsMapping.tabellen.find((t) => t.tabel === '84850NED')!.dimensies[0]!.categorieen;
    for (const g of geweldsvormen) expect(aard.some((c) => (c.waar.geweldsvorm as readonly unknown[] | undefined)?.includes(g)), g).toBe(true);
    expect(standaardCbsMapping.tabellen.every((t) => t.bron.startsWith('https://www.cbs.nl/nl-nl/cijfers/detail/'))).toBe(true);
  });

  it('refuses a copy with a wrong shape, a duplicate category or a code that counts nowhere', () => {
    const typo = copy();
    typo.tabellen[1]!.dimensies[0]!.categorieen[0]!.waar = { sectr: ['politie'] };
    expect(() => parseCbsMapping(typo, 'eigen.json')).toThrow(CbsMappingError);
    expect(() => parseCbsMapping(typo, 'eigen.json')).toThrow(/^eigen\.json: \/tabellen\/1\/dimensies\/0\/categorieen\/0\/waar/);
    const dup = copy();
    const cats = dup.tabellen[5]!.dimensies[0]!.categorieen;
    cats.push({ ...cats[0]! });
    expect(() => parseCbsMapping(dup)).toThrow(/85361NED\/eerdere_betrokkenheid: categorie totaal staat er twee keer in/);
    const lost = copy();
    for (const t of lost.tabellen) for (const d of t.dimensies) for (const c of d.categorieen) if (Array.isArray(c.waar.sector)) c.waar.sector = (c.waar.sector as string[]).filter((s) => s !== 'bureau_leerplicht');
    expect(() => parseCbsMapping(lost)).toThrow(/sector bureau_leerplicht telt in geen enkele categorie/);
    // A combination that no single count holds (occupation × form of violence) is refused at start-up.
    const cross = copy();
    cross.tabellen[1]!.dimensies[0]!.categorieen[3]!.waar = { beroep: ['onderwijs'], geweldsvorm: ['partnergeweld'] };
    expect(() => parseCbsMapping(cross)).toThrow(/84849NED beroep_onderwijs \(adviezen\): deze combinatie van voorwaarden valt niet uit één telling te halen/);
    const missing = copy();
    missing.tabellen.pop();
    expect(() => parseCbsMapping(missing)).toThrow(/tabel 85361NED moet precies één keer voorkomen/);
  });
});

describe('cbsRijen', () => {
  it('counts a melding once in each group it belongs to, and in the total once', () => {
    const rows = cbsRijen(standaardCbsMapping, {
      ...leeg,
      // One partition with every field: any category can be counted from it.
      meldingen: [
        {
          velden: ['melder', 'sector', 'beroep', 'duurGeweld', 'vormen', 'eerdereBetrokkenheid'],
          profielen: [
            { aantal: 2, melder: 'professional', sector: 'politie', beroep: 'politieagent', vormen: ['partnergeweld', 'getuige_partnergeweld', 'mensenhandel_seksueel'] },
            { aantal: 1, melder: 'niet_professional', vormen: ['mensenhandel_arbeid'] },
            { aantal: 1, melder: 'professional', vormen: [] },
          ],
        },
      ],
    });
    const get = (tabel: string, categorie: string) => rows.find((r) => r.tabel === tabel && r.categorie === categorie && r.eenheid === 'meldingen')!.aantal;
    expect(get('84849NED', 'totaal')).toBe(4);
    expect(get('84849NED', 'org_jenv')).toBe(2);
    expect(get('84849NED', 'org_onbekend')).toBe(1);
    expect(get('84849NED', 'rol_onbekend')).toBe(1);
    expect(get('84850NED', 'partnergeweld/totaal')).toBe(2);
    expect(get('84850NED', 'kindermishandeling/totaal')).toBe(2);
    // Trafficking alone is "andere problematiek"; with partner violence it is that, with mensenhandel as extra information.
    expect(get('84850NED', 'andere_problematiek/totaal')).toBe(1);
    expect(get('84850NED', 'totaal/mensenhandel')).toBe(3);
    expect(get('84850NED', 'partnergeweld/mensenhandel')).toBe(2);
    expect(get('84850NED', 'onbekend/totaal')).toBe(1);
    expect(get('84850NED', 'geen_khg/totaal')).toBe(0);
  });

  it('takes the strongest conclusion of an onderzoek within a group', () => {
    const w = standaardCbsMapping.tabellen.find((t) => t.tabel === '84853NED')!.dimensies[0]!.categorieen;
    const waar = (code: string) => w.find((c) => c.code === code)!.waar;
    const p = { aantal: 1, uitkomsten: [{ geweldsvorm: 'verwaarlozing', conclusie: 'weerlegd' }, { geweldsvorm: 'kindermishandeling_lichamelijk', conclusie: 'bevestigd' }] };
    expect(telt(waar('kindermishandeling_bevestigd'), p)).toBe(true);
    expect(telt(waar('kindermishandeling_weerlegd'), p)).toBe(false);
    expect(telt(waar('partnergeweld_bevestigd'), p)).toBe(false);
    expect(telt(waar('niet_voortijdig'), { aantal: 1, uitkomsten: [] })).toBe(false);
  });

  it('lists the whole grid even with nothing to count', () => {
    const rows = cbsRijen(standaardCbsMapping, leeg);
    const n = (tabel: string) => rows.filter((r) => r.tabel === tabel).length;
    const t = (tabel: string) => standaardCbsMapping.tabellen.find((x) => x.tabel === tabel)!;
    for (const tabel of ['84848NED', '84849NED', '84850NED', '84852NED', '84853NED', '85361NED']) {
      expect(n(tabel)).toBe(t(tabel).eenheden.length * t(tabel).dimensies.reduce((k, d) => k * d.categorieen.length, 1));
    }
    expect(rows.every((r) => r.aantal === 0)).toBe(true);
  });
});
