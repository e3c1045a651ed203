// The CBS delivery (issue #18, acceptance 1 and 2): a hand-made set of known answers through the real intake,
// triage and beoordeling — a vervolgmelding, a hermelding with two persons known, a melding not yet triaged, one
// waiting for its MDO, onderzoeken with outcomes per group — checked cell by cell in the six tables; every total tied
// to its parts; the region the sum of its 14 gemeenten; CSV and the audit; a clear 400 for an unknown gemeente.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTriage, standaardCbsMapping } from '@vt/db';
import { WerkdagKalender, amsterdamDate, geweldsvormen, twenteGemeenten } from '@vt/db/domain';
import { cel, expectConsistent, expectRegionIsSumOfGemeenten, type Rij } from '../support/cbs.ts';
import { createTestApp, login, partnerHeaders, type Session, type TestContext } from '../support/app.ts';
import { adviesBody, meldingBody } from '../support/fixtures.ts';

let t: TestContext;
let beoordelaar: Session;
let manager: Session;
let adviseur: Session;
const kalender = new WerkdagKalender();
const today = amsterdamDate(new Date());
const jaar = Number(today.slice(0, 4));
const half = Number(today.slice(5, 7)) <= 6 ? 1 : 2;
const ids: Record<string, string> = {};
const standaardKenmerken = standaardCbsMapping.tabellen.find((x) => x.tabel === '84849NED')!.dimensies[0]!.categorieen.length;

const huishouden = (n: number, gemeente: string) => ({ adres: { straat: 'Cbsstraat', huisnummer: String(n), postcode: '7513 CB', plaats: 'Twente' }, gemeente });
const personen = (n: number) => [
  { rol: 'slachtoffer', voornaam: `Cbs${n}`, achternaam: 'Moeder', geboortedatum: `1980-01-0${n}` },
  { rol: 'kind', voornaam: `Cbs${n}`, achternaam: 'Kind', geboortedatum: `2018-02-0${n}` },
];

async function melding(name: string, body: Record<string, unknown>, o: { triage?: boolean } = {}) {
  const res = await t.app.inject({ method: 'POST', url: '/api/meldingen', headers: partnerHeaders, payload: meldingBody({ veiligheid: {}, ...body }) });
  expect(res.statusCode, res.body).toBe(201);
  ids[name] = (res.json() as { id: string }).id;
  if (o.triage !== false) await t.db.handle.db.transaction((tx) => runTriage(tx, ids[name]!, 1, { kalender }));
  return ids[name]!;
}
async function beoordeel(name: string, route: string) {
  const res = await t.app.inject({ method: 'POST', url: `/api/meldingen/${ids[name]}/beoordeling`, headers: beoordelaar.headers, payload: { route, band: 'P3', reason: 'Zo beoordeeld in de test.' } });
  expect(res.statusCode, res.body).toBe(200);
}
async function rijen(query = '') {
  const res = await t.app.inject({ url: `/api/rapportage/halfjaar?jaar=${jaar}&half=${half}${query}`, headers: manager.headers });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { rijen: Rij[] }).rijen;
}

beforeAll(async () => {
  t = await createTestApp();
  [beoordelaar, manager, adviseur] = (await Promise.all(['beoordelaar@demo.test', 'manager@demo.test', 'adviseur@demo.test'].map((e) => login(t.app, e)))) as [Session, Session, Session];
  const politie = { type: 'professional', sector: 'politie', naam: 'Agent', organisatie: 'Politie', anoniemNaarHuishouden: false };
  // A: a nurse's melding handed to the wijkteam; a neighbour's melding about the same household while that runs.
  await melding('A1', {
    melder: { type: 'professional', sector: 'zorg', beroep: 'verpleegkundige', duurGeweld: 'maand_tot_half_jaar', naam: 'Zuster', anoniemNaarHuishouden: false },
    huishouden: huishouden(1, 'GM0153'), betrokkenen: personen(1), geweldsvormen: ['partnergeweld', 'getuige_partnergeweld'],
  });
  await beoordeel('A1', 'wijkteam');
  await melding('A2', { melder: { type: 'niet_professional', rol: 'omstander', naam: 'Buur', anoniemNaarHuishouden: true }, huishouden: huishouden(1, 'GM0153'), betrokkenen: personen(1).slice(0, 1), geweldsvormen: ['partnergeweld'] });
  // B: a police melding closed at the beoordeling, then a new one about the same two persons.
  await melding('B1', { melder: { ...politie, beroep: 'politieagent' }, huishouden: huishouden(2, 'GM0164'), betrokkenen: personen(2), geweldsvormen: ['kindermishandeling_lichamelijk', 'verwaarlozing'] });
  await beoordeel('B1', 'afsluiten');
  await melding('B2', { melder: politie, huishouden: huishouden(2, 'GM0164'), betrokkenen: personen(2), geweldsvormen: ['kindermishandeling_psychisch'] });
  // C: family's worry about an elderly parent, not triaged yet. D: a teacher's melding of labour trafficking, at the MDO.
  await melding('C1', { melder: { type: 'niet_professional', rol: 'familie', naam: 'Dochter', anoniemNaarHuishouden: false }, huishouden: huishouden(3, 'GM0141'), betrokkenen: personen(3).slice(0, 1), geweldsvormen: ['ouderenmishandeling'] }, { triage: false });
  await melding('D1', { melder: { type: 'professional', sector: 'onderwijs', naam: 'Juf', anoniemNaarHuishouden: false }, huishouden: huishouden(4, 'GM0153'), betrokkenen: personen(4).slice(0, 1), geweldsvormen: ['mensenhandel_arbeid'] });
  await beoordeel('D1', 'mdo');
  // Two onderzoeken finished today on D1's case: one with conclusions, one closed early without.
  await t.db.handle.db.execute(sql`
    insert into onderzoeken (melding_id, besluit_at, started_at, due_date, afgerond_at, uitkomsten) values
      (${ids.D1}::uuid, now() - interval '1 hour', ${today}::date, ${today}::date + 70, now(),
       '[{"geweldsvorm":"mensenhandel_arbeid","conclusie":"bevestigd"},{"geweldsvorm":"kindermishandeling_psychisch","conclusie":"weerlegd"},{"geweldsvorm":"verwaarlozing","conclusie":"niet_bevestigd"}]'::jsonb),
      (${ids.D1}::uuid, now() - interval '1 hour', ${today}::date, ${today}::date + 70, now(), '[]'::jsonb)`);
  // Two adviezen: a childminder in Hengelo, and an anonymous victim who names no gemeente.
  for (const body of [
    adviesBody({ vragerType: 'professional', sector: 'kinderopvang', beroep: 'kinderopvang', duurGeweld: 'tot_een_week', gemeente: 'GM0164', geweldsvormen: ['verwaarlozing'] }),
    adviesBody({ vragerType: 'slachtoffer', geweldsvormen: ['partnergeweld'] }),
  ]) {
    const res = await t.app.inject({ method: 'POST', url: '/api/adviezen', headers: adviseur.headers, payload: body });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => t.close());

describe('the half-year delivery to CBS', () => {
  it('counts the hand-made set into the categories CBS asks, with Dutch labels', async () => {
    const r = await rijen();
    const m = (tabel: string, c: string, e = 'meldingen') => cel(r, tabel, c, e);
    // 84849NED: melder, organisation group, occupation, duration.
    expect([m('84849NED', 'totaal'), m('84849NED', 'beroepsmatig'), m('84849NED', 'niet_beroepsmatig')]).toEqual([6, 4, 2]);
    expect([m('84849NED', 'org_jenv'), m('84849NED', 'org_jenv_politie'), m('84849NED', 'org_gezondheidszorg'), m('84849NED', 'org_onderwijs'), m('84849NED', 'org_niet_van_toepassing')]).toEqual([2, 2, 1, 1, 2]);
    expect([m('84849NED', 'beroep_medisch'), m('84849NED', 'beroep_medisch_verpleegkundige'), m('84849NED', 'beroep_justitie_politieagent'), m('84849NED', 'rol_onbekend')]).toEqual([1, 1, 1, 2]);
    expect([m('84849NED', 'duur_maand_tot_half_jaar'), m('84849NED', 'duur_onbekend')]).toEqual([1, 5]);
    expect([m('84849NED', 'totaal', 'adviezen'), m('84849NED', 'org_kinderopvang', 'adviezen'), m('84849NED', 'beroep_kinderopvang', 'adviezen'), m('84849NED', 'duur_tot_een_week', 'adviezen')]).toEqual([2, 1, 1, 1]);
    expect(r.find((x) => x.tabel === '84849NED' && x.categorie === 'org_jenv_politie')!.label).toBe('J en V: politie: totaal');
    // 84850NED: aard van het geweld per unit; mensenhandel as aanvullende informatie; A's two meldingen one casus.
    expect([m('84850NED', 'totaal/totaal'), m('84850NED', 'partnergeweld/totaal'), m('84850NED', 'kindermishandeling/totaal'), m('84850NED', 'kind_getuige/totaal')]).toEqual([6, 2, 3, 1]);
    expect([m('84850NED', 'ouderenmishandeling/totaal'), m('84850NED', 'andere_problematiek/totaal'), m('84850NED', 'totaal/mensenhandel'), m('84850NED', 'andere_problematiek/mensenhandel')]).toEqual([1, 1, 1, 1]);
    expect([m('84850NED', 'totaal/totaal', 'casussen'), m('84850NED', 'partnergeweld/totaal', 'casussen'), m('84850NED', 'kindermishandeling/totaal', 'casussen')]).toEqual([5, 1, 3]);
    expect([m('84850NED', 'totaal/totaal', 'adviezen'), m('84850NED', 'kind_verwaarlozing/totaal', 'adviezen')]).toEqual([2, 1]);
    expect(r.find((x) => x.tabel === '84850NED' && x.categorie === 'partnergeweld/mensenhandel')!.label).toBe('(Ex-)Partnergeweld; Mensenhandel');
    // 84852NED: the outcome of the veiligheidsbeoordeling now.
    expect([m('84852NED', 'totaal/totaal'), m('84852NED', 'totaal/overdracht_lokaal_team'), m('84852NED', 'totaal/overdracht'), m('84852NED', 'totaal/geen_vervolgstappen')]).toEqual([6, 1, 1, 1]);
    expect([m('84852NED', 'totaal/niet_ingedeeld'), m('84852NED', 'totaal/nog_niet_beoordeeld'), m('84852NED', 'acuut/totaal')]).toEqual([1, 3, 0]);
    // 84853NED: two onderzoeken, one closed early; per group the strongest conclusion.
    const o = (c: string) => m('84853NED', c, 'afgeronde_onderzoeken');
    expect([o('totaal'), o('niet_voortijdig'), o('kindermishandeling_niet_bevestigd'), o('kindermishandeling_weerlegd'), o('huiselijk_geweld_overig_bevestigd')]).toEqual([2, 1, 1, 0, 1]);
    // 85361NED: eerdere betrokkenheid.
    const e = (c: string) => m('85361NED', c);
    expect([e('totaal'), e('eerste_melding'), e('hermelding'), e('hermelding_meerdere'), e('vervolgmelding'), e('vervolg_na_beoordeling'), e('niet_ingedeeld')]).toEqual([6, 3, 1, 1, 1, 1, 1]);
    expectConsistent(r);
  });

  it('counts a casus by the bit of each form of violence, in the order of the enum (which codes.ts must keep)', async () => {
    const [r] = await t.db.handle.db.execute<{ vormen: string[] }>(sql`select enum_range(null::geweldsvorm)::text[] as vormen`);
    expect(r!.vormen).toEqual([...geweldsvormen]);
  });

  it('lists every category of every table, zero where nothing was counted', async () => {
    const r = await rijen();
    expect(new Set(r.map((x) => x.tabel))).toEqual(new Set(['84848NED', '84849NED', '84850NED', '84852NED', '84853NED', '85361NED']));
    // 84852NED is the full grid of 3 taxaties × 12 outcomes; 85361NED its 10 categories.
    expect(r.filter((x) => x.tabel === '84852NED')).toHaveLength(36);
    expect(r.filter((x) => x.tabel === '85361NED')).toHaveLength(10);
    expect(cel(r, '84849NED', 'org_leerplicht')).toBe(0);
    expect(r.every((x) => x.label.length > 0 && !x.label.includes('_'))).toBe(true);
  });

  it('gives each gemeente its own figures, and the region is their sum', async () => {
    const perGemeente = await Promise.all(twenteGemeenten.map((g) => rijen(`&gemeente=${g.code}`)));
    expect(expectRegionIsSumOfGemeenten(await rijen(), perGemeente)).toBeGreaterThan(300);
    const enschede = perGemeente[twenteGemeenten.findIndex((g) => g.code === 'GM0153')]!;
    expect([cel(enschede, '84849NED', 'totaal'), cel(enschede, '84849NED', 'totaal', 'adviezen'), cel(enschede, '84850NED', 'totaal/totaal', 'casussen')]).toEqual([3, 0, 2]);
    expect(cel(perGemeente[twenteGemeenten.findIndex((g) => g.code === 'GM0164')]!, '84849NED', 'totaal', 'adviezen')).toBe(1);
    for (const g of perGemeente) expectConsistent(g);
    // An unknown gemeente is a clear 400 everywhere, never a row of zeros.
    for (const url of [`/api/rapportage/halfjaar?jaar=${jaar}&half=${half}`, `/api/rapportage/jaar?jaar=${jaar}`, '/api/dashboard/wachtlijst?', '/api/dashboard/trend?metric=wachtlijst_onderzoek', '/api/dashboard/forecast?']) {
      const unknown = await t.app.inject({ url: `${url}&gemeente=GM9999`, headers: manager.headers });
      expect(unknown.statusCode, url).toBe(400);
      expect(unknown.json()).toMatchObject({ message: 'Onbekende gemeente.', details: [{ path: '/gemeente' }] });
    }
  });

  it('answers as CSV (RFC 4180) with the same rows, and audits every export', async () => {
    const before = await t.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'export' and subject_type = 'rapportage_halfjaar'`);
    const csv = await t.app.inject({ url: `/api/rapportage/halfjaar?jaar=${jaar}&half=${half}&gemeente=GM0153`, headers: { ...manager.headers, accept: 'text/csv' } });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('tabel,dimensie,categorie,label,eenheid,aantal');
    expect(lines).toContain('84849NED,kenmerken,totaal,Totaal,meldingen,3');
    // A label with a comma or a quote is quoted as RFC 4180 says.
    expect(lines).toContain('84849NED,kenmerken,duur_jaar_tot_vijf_jaar,"Duur geweld: > 1 jaar,< 5 jaar",meldingen,0');
    const after = await t.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'export' and subject_type = 'rapportage_halfjaar'`);
    expect(after[0]!.n).toBe(before[0]!.n + 1);
  });
});

describe('the gemeenten side by side', () => {
  it("shows each gemeente's own dashboard figures, and the region as their sum", async () => {
    const res = await t.app.inject({ url: '/api/dashboard/gemeenten', headers: manager.headers });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as { at: string; gemeenten: { gemeente: string; naam: string; metrics: { code: string; count?: number; percent?: number | null; over?: number }[] }[]; regio: { code: string; count?: number; percent?: number | null }[] };
    expect(v.gemeenten.map((g) => g.gemeente).sort()).toEqual(twenteGemeenten.map((g) => g.code).sort());
    const dashboard = async (q: string) =>
      ((await t.app.inject({ url: `/api/dashboard/wachtlijst?at=${encodeURIComponent(v.at)}${q}`, headers: manager.headers })).json() as { metrics: { code: string; count?: number; percent?: number | null }[] }).metrics;
    const pick = (ms: { code: string; count?: number; percent?: number | null }[]) => Object.fromEntries(ms.filter((m) => v.regio.some((r) => r.code === m.code)).map((m) => [m.code, m.count ?? m.percent]));
    expect(pick(v.regio)).toEqual(pick(await dashboard('')));
    for (const g of v.gemeenten) expect(pick(g.metrics), g.naam).toEqual(pick(await dashboard(`&gemeente=${g.gemeente}`)));
    // The overdracht of A1 waits in Enschede: counted there and in the region, nowhere else.
    const pending = (ms: { code: string; count?: number }[]) => ms.find((m) => m.code === 'overdracht_pending')!.count;
    expect(pending(v.gemeenten.find((g) => g.gemeente === 'GM0153')!.metrics)).toBe(1);
    expect(pending(v.regio)).toBe(v.gemeenten.reduce((s, g) => s + pending(g.metrics)!, 0));
    expect((await t.app.inject({ url: '/api/dashboard/gemeenten', headers: beoordelaar.headers })).statusCode).toBe(403);
  });

  it('says plainly that a moment or a half-year in the future has no figures yet', async () => {
    const future = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const res = await t.app.inject({ url: `/api/dashboard/gemeenten?at=${encodeURIComponent(future)}`, headers: manager.headers });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { message: string }).message).toMatch(/^Dit moment ligt in de toekomst/);
    const later = await t.app.inject({ url: `/api/rapportage/halfjaar?jaar=${jaar + 1}&half=2`, headers: manager.headers });
    expect(later.statusCode).toBe(400);
    expect((later.json() as { message: string }).message).toBe(`Het tweede halfjaar van ${jaar + 1} is nog niet begonnen: er zijn nog geen cijfers.`);
    const jaarLater = await t.app.inject({ url: `/api/rapportage/jaar?jaar=${jaar + 1}`, headers: manager.headers });
    expect(jaarLater.statusCode).toBe(400);
  });
});

describe('deliveries to CBS', () => {
  it('records a delivery with its checksum, shows what changed since the last one, and gives each table as CBS lays it out', async () => {
    const lever = async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/rapportage/aanleveringen', headers: manager.headers, payload: { jaar, half } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; checksum: string; peilmoment: string };
    };
    const eerste = await lever();
    expect(eerste.checksum).toMatch(/^[0-9a-f]{64}$/);
    // Nothing changed: the same checksum, and no differences.
    const tweede = await lever();
    expect(tweede.checksum).toBe(eerste.checksum);
    // A melding arrives in Hengelo: the next delivery differs in exactly the cells it counts in.
    await melding('E1', { huishouden: huishouden(5, 'GM0164'), betrokkenen: personen(5).slice(0, 1), geweldsvormen: ['stalking'] }, { triage: false });
    const derde = await lever();
    expect(derde.checksum).not.toBe(eerste.checksum);
    const list = (await t.app.inject({ url: `/api/rapportage/aanleveringen?jaar=${jaar}&half=${half}`, headers: manager.headers })).json() as { items: { id: string; door: string | null }[] };
    expect(list.items.map((i) => i.id)).toEqual([derde.id, tweede.id, eerste.id]);
    expect(list.items[0]!.door).toBeTruthy();
    const diff = (await t.app.inject({ url: `/api/rapportage/aanleveringen/${derde.id}`, headers: manager.headers })).json() as {
      vorige: { id: string } | null;
      verschillen: { regio: string | null; tabel: string; categorie: string; eenheid: string; vorige: number; aantal: number }[];
    };
    expect(diff.vorige?.id).toBe(tweede.id);
    const changed = (regio: string | null, tabel: string, categorie: string) => diff.verschillen.find((v) => v.regio === regio && v.tabel === tabel && v.categorie === categorie && v.eenheid === 'meldingen');
    expect(changed(null, '84849NED', 'totaal')).toMatchObject({ vorige: 6, aantal: 7 });
    expect(changed('GM0164', '84849NED', 'totaal')).toMatchObject({ vorige: 2, aantal: 3 });
    expect(changed('GM0153', '84849NED', 'totaal')).toBeUndefined();
    expect(changed(null, '84850NED', 'huiselijk_geweld_overig/totaal')).toMatchObject({ vorige: 0, aantal: 1 });
    // 84849NED as CSV: its dimension, Regio's, Perioden, then Gestarte adviezen and Ontvangen meldingen.
    const csv = await t.app.inject({ url: `/api/rapportage/aanleveringen/${derde.id}/tabellen/84849NED`, headers: manager.headers });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe("Kenmerken adviezen/meldingen,Regio's,Perioden,Gestarte adviezen (aantal),Ontvangen meldingen (aantal)");
    expect(lines).toContain(`Totaal,Twente (VT),${half}e halfjaar ${jaar},2,7`);
    expect(lines).toContain(`Totaal,Hengelo,${half}e halfjaar ${jaar},1,3`);
    expect(lines).toHaveLength(1 + 15 * standaardKenmerken);
    const table852 = (await t.app.inject({ url: `/api/rapportage/aanleveringen/${derde.id}/tabellen/84852NED`, headers: manager.headers })).body.split('\r\n');
    expect(table852[0]).toBe("Veiligheidstaxatie,Veiligheidsbeoordeling,Regio's,Perioden,Ontvangen meldingen (aantal)");
    const [audit] = await t.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where subject_type = 'cbs_aanlevering' and action = 'export'`);
    expect(audit!.n).toBe(3 + 2);
    expect((await t.app.inject({ method: 'POST', url: '/api/rapportage/aanleveringen', headers: beoordelaar.headers, payload: { jaar, half } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/rapportage/aanleveringen/00000000-0000-4000-8000-000000000000', headers: manager.headers })).statusCode).toBe(404);
  });
});

describe('the MDO decides what a veiligheidsbeoordeling led to', () => {
  it("counts a case at the MDO by the MDO's besluit once it is taken, and its V&V as finished when it ends", async () => {
    const before = await rijen();
    expect(cel(before, '84852NED', 'totaal/niet_ingedeeld')).toBe(1);
    const gw = await login(t.app, 'gw@demo.test');
    const mdo = await t.app.inject({ method: 'POST', url: '/api/mdo', headers: gw.headers, payload: { datum: today, deelnemers: [gw.userId] } });
    expect(mdo.statusCode, mdo.body).toBe(201);
    const mdoId = (mdo.json() as { id: string }).id;
    expect((await t.app.inject({ method: 'POST', url: `/api/mdo/${mdoId}/agenda`, headers: gw.headers, payload: { meldingId: ids.D1 } })).statusCode).toBe(201);
    const besluit = await t.app.inject({ method: 'POST', url: `/api/mdo/${mdoId}/besluiten`, headers: gw.headers, payload: { meldingId: ids.D1, besluit: 'vv', toelichting: 'Voorwaarden met de school afgesproken.' } });
    expect(besluit.statusCode, besluit.body).toBe(200);
    const after = await rijen();
    expect([cel(after, '84852NED', 'totaal/niet_ingedeeld'), cel(after, '84852NED', 'totaal/vervolg_vv'), cel(after, '84852NED', 'totaal/vervolg_vt')]).toEqual([0, 1, 1]);
    expect(cel(after, '84850NED', 'totaal/totaal', 'afgeronde_vv')).toBe(0);
    const close = await t.app.inject({ method: 'POST', url: `/api/meldingen/${ids.D1}/afsluiten`, headers: beoordelaar.headers, payload: { reden: 'Voorwaarden nagekomen; V&V afgerond.' } });
    expect(close.statusCode, close.body).toBe(200);
    const closed = await rijen();
    expect([cel(closed, '84850NED', 'totaal/totaal', 'afgeronde_vv'), cel(closed, '84850NED', 'andere_problematiek/mensenhandel', 'afgeronde_vv')]).toEqual([1, 1]);
    // The outcome stays what the MDO decided: closing later does not make it "geen vervolgstappen".
    expect(cel(closed, '84852NED', 'totaal/vervolg_vv')).toBe(1);
    expectConsistent(closed);
  });
});
