// Checks on a CBS delivery that hold whatever the data (issue #18, "consistent totals"): each total tied to the rows
// it is made of, so a delivery whose parts do not add up fails, on a hand-made set, the demo data and a generated year.
import { expect } from 'vitest';

export interface Rij {
  tabel: string;
  dimensie: string;
  categorie: string;
  label: string;
  eenheid: string;
  aantal: number;
}

/** The count of one cell, by table, category (joined by '/') and unit. */
export const cel = (rijen: readonly Rij[], tabel: string, categorie: string, eenheid = 'meldingen') => {
  const r = rijen.find((x) => x.tabel === tabel && x.categorie === categorie && x.eenheid === eenheid);
  if (!r) throw new Error(`no row ${tabel} ${categorie} ${eenheid}`);
  return r.aantal;
};
const som = (rijen: readonly Rij[], tabel: string, categorieen: string[], eenheid = 'meldingen') => categorieen.reduce((s, c) => s + cel(rijen, tabel, c, eenheid), 0);

/** The organisation groups of 84848NED/84849NED that together make every melder exactly once. */
const ORGANISATIES = [
  'org_gezondheidszorg', 'org_ggz', 'org_kinderopvang', 'org_onderwijs', 'org_leerplicht', 'org_jeugdzorg', 'org_jenv', 'org_vt_andere_regio', 'org_vt_regionaal_maatwerk',
  'org_anders', 'org_niet_van_toepassing', 'org_onbekend',
];
const DUUR = ['duur_tot_een_week', 'duur_week_tot_maand', 'duur_maand_tot_half_jaar', 'duur_half_jaar_tot_jaar', 'duur_jaar_tot_vijf_jaar', 'duur_langer_dan_vijf_jaar', 'duur_onbekend'];
const BEOORDELING = ['vervolg_onderzoek', 'vervolg_vv', 'overdracht_lokaal_team', 'overdracht_hulpverlening', 'overdracht_multidisciplinair', 'geen_vervolgstappen', 'regionaal_maatwerk', 'nog_niet_beoordeeld', 'niet_ingedeeld'];

/** Every total of the delivery equals the sum of the categories it is made of. */
export function expectConsistent(rijen: readonly Rij[]) {
  for (const tabel of ['84848NED', '84849NED']) {
    for (const e of ['adviezen', 'meldingen']) {
      const totaal = cel(rijen, tabel, 'totaal', e);
      expect(cel(rijen, tabel, 'beroepsmatig', e) + cel(rijen, tabel, 'niet_beroepsmatig', e), `${tabel} ${e}: beroepsmatig or not`).toBe(totaal);
      expect(som(rijen, tabel, ORGANISATIES, e), `${tabel} ${e}: organisation groups`).toBe(totaal);
      expect(som(rijen, tabel, DUUR, e), `${tabel} ${e}: duration`).toBe(totaal);
      expect(som(rijen, tabel, ['org_jenv_politie', 'org_jenv_om', 'org_jenv_reclassering', 'org_jenv_anders'], e)).toBe(cel(rijen, tabel, 'org_jenv', e));
      expect(som(rijen, tabel, ['beroep_justitie_politieagent', 'beroep_justitie_ovj', 'beroep_justitie_anders'], e)).toBe(cel(rijen, tabel, 'beroep_justitie', e));
    }
  }
  expect(rijen.filter((r) => r.tabel === '84848NED').map((r) => r.aantal)).toEqual(rijen.filter((r) => r.tabel === '84849NED').map((r) => r.aantal));
  for (const e of ['adviezen', 'meldingen', 'casussen', 'afgeronde_onderzoeken', 'afgeronde_vv']) {
    const totaal = cel(rijen, '84850NED', 'totaal/totaal', e);
    // A melding may concern several kinds of violence: each group counts it at most once, together at least once.
    const groepen = ['kindermishandeling', 'geweld_tegen_ouders', 'partnergeweld', 'ouderenmishandeling', 'huiselijk_geweld_overig', 'andere_problematiek', 'geen_khg', 'onbekend'].map((g) => cel(rijen, '84850NED', `${g}/totaal`, e));
    for (const g of groepen) expect(g).toBeLessThanOrEqual(totaal);
    expect(groepen.reduce((a, b) => a + b, 0), `84850NED ${e}: every one in a group`).toBeGreaterThanOrEqual(totaal);
    expect(cel(rijen, '84850NED', 'totaal/mensenhandel', e)).toBeLessThanOrEqual(totaal);
  }
  expect(cel(rijen, '84850NED', 'totaal/totaal', 'meldingen')).toBe(cel(rijen, '84849NED', 'totaal'));
  expect(cel(rijen, '84850NED', 'totaal/totaal', 'adviezen')).toBe(cel(rijen, '84849NED', 'totaal', 'adviezen'));
  expect(cel(rijen, '84850NED', 'totaal/totaal', 'casussen')).toBeLessThanOrEqual(cel(rijen, '84849NED', 'totaal'));
  for (const t of ['totaal', 'acuut', 'niet_acuut']) {
    expect(som(rijen, '84852NED', BEOORDELING.map((b) => `${t}/${b}`)), `84852NED ${t}: outcomes`).toBe(cel(rijen, '84852NED', `${t}/totaal`));
    expect(som(rijen, '84852NED', ['vervolg_onderzoek', 'vervolg_vv'].map((b) => `${t}/${b}`))).toBe(cel(rijen, '84852NED', `${t}/vervolg_vt`));
  }
  expect(cel(rijen, '84852NED', 'acuut/totaal') + cel(rijen, '84852NED', 'niet_acuut/totaal')).toBe(cel(rijen, '84852NED', 'totaal/totaal'));
  expect(cel(rijen, '84852NED', 'totaal/totaal')).toBe(cel(rijen, '84849NED', 'totaal'));
  const o = (c: string) => cel(rijen, '84853NED', c, 'afgeronde_onderzoeken');
  expect(o('niet_voortijdig')).toBeLessThanOrEqual(o('totaal'));
  for (const g of ['kindermishandeling', 'geweld_tegen_ouders', 'partnergeweld', 'ouderenmishandeling', 'huiselijk_geweld_overig']) {
    expect(o(`${g}_bevestigd`) + o(`${g}_niet_bevestigd`) + o(`${g}_weerlegd`)).toBeLessThanOrEqual(o('niet_voortijdig'));
  }
  expect(o('totaal')).toBe(cel(rijen, '84850NED', 'totaal/totaal', 'afgeronde_onderzoeken'));
  const e = (c: string) => cel(rijen, '85361NED', c);
  expect(e('hermelding_meerdere') + e('hermelding_een')).toBe(e('hermelding'));
  expect(e('vervolg_tijdens_beoordeling') + e('vervolg_na_beoordeling') + e('vervolg_tijdens_monitoring')).toBe(e('vervolgmelding'));
  expect(e('eerste_melding') + e('hermelding') + e('vervolgmelding') + e('niet_ingedeeld')).toBe(e('totaal'));
  expect(e('totaal')).toBe(cel(rijen, '84849NED', 'totaal'));
}

/** The region's count of meldingen and afgeronde onderzoeken in every cell is the sum over its gemeenten. */
export function expectRegionIsSumOfGemeenten(regio: readonly Rij[], perGemeente: readonly (readonly Rij[])[]) {
  const key = (r: Rij) => `${r.tabel} ${r.categorie} ${r.eenheid}`;
  const sums = new Map<string, number>();
  for (const g of perGemeente) for (const r of g) sums.set(key(r), (sums.get(key(r)) ?? 0) + r.aantal);
  let checked = 0;
  for (const r of regio) {
    if (r.eenheid !== 'meldingen' && r.eenheid !== 'afgeronde_onderzoeken' && r.eenheid !== 'afgeronde_vv') continue;
    expect(sums.get(key(r)), key(r)).toBe(r.aantal);
    checked++;
  }
  return checked;
}
