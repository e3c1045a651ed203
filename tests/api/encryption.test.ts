// Data at rest (issues #4 and #14): free text (toelichting, samenvatting, reasons, the free text in the case history)
// and identifying data (names, addresses, phone numbers, e-mail of melders, betrokkenen and vragers) are sealed with
// DATA_ENCRYPTION_KEYS; the radar finds the same household through keyed blind indexes (BLIND_INDEX_KEYS). A sentinel
// written through the API must come back through the API, and must appear in clear text nowhere else: not in a
// pg_dump of the database, not in Redis. The rotation command re-seals and re-indexes everything under new keys
// without changing what the API shows or what the radar finds.
import { execFileSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedKalender, createCipher, newKeySpec, parseKeys, rotateKeys, runTriage, useFieldCipher } from '@vt/db';
import { policyV1 } from '@vt/db/domain';
import { createTestApp, login, partnerHeaders, type TestContext } from '../support/app.ts';
import { TEST_DATA_KEYS, TEST_INDEX_KEYS, testCipher } from '../support/env.ts';
import { adviesBody, meldingBody } from '../support/fixtures.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  useFieldCipher(testCipher);
  await t.close();
});

const SENTINEL = 'Kraanvogel-Sentinel-7731';

/** Everything Redis holds under this test's prefixes, as text. */
async function redisText(): Promise<string> {
  const parts: string[] = [];
  for (const pattern of [`${t.prefix}*`, `bull:${t.prefix}*`]) {
    for (const key of await t.redis.keys(pattern)) {
      const type = await t.redis.type(key);
      if (type === 'string') parts.push(String(await t.redis.get(key)));
      else if (type === 'hash') parts.push(JSON.stringify(await t.redis.hgetall(key)));
      else if (type === 'list') parts.push(JSON.stringify(await t.redis.lrange(key, 0, -1)));
      else if (type === 'set') parts.push(JSON.stringify(await t.redis.smembers(key)));
      else if (type === 'zset') parts.push(JSON.stringify(await t.redis.zrange(key, 0, -1)));
      else if (type === 'stream') parts.push(JSON.stringify(await t.redis.xrange(key, '-', '+')));
    }
  }
  return parts.join('\n');
}

const dump = () => execFileSync('pg_dump', ['--data-only', '--no-owner', t.db.url], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

describe('free text at rest', () => {
  let meldingId = '';

  it('seals every free-text field and still shows it to those who may read it', async () => {
    const adviseur = await login(t.app, 'adviseur@demo.test');
    const beoordelaar = await login(t.app, 'beoordelaar@demo.test');
    const advies = await t.app.inject({ method: 'POST', url: '/api/adviezen', headers: adviseur.headers, payload: adviesBody({ samenvatting: `${SENTINEL} samenvatting`, adviesGegeven: `${SENTINEL} advies` }) });
    expect(advies.statusCode).toBe(201);
    const m = await t.app.inject({ method: 'POST', url: '/api/meldingen', headers: partnerHeaders, payload: meldingBody({ toelichting: `${SENTINEL} toelichting` }) });
    expect(m.statusCode).toBe(201);
    meldingId = (m.json() as { id: string }).id;
    const aanvulling = await t.app.inject({ method: 'POST', url: `/api/meldingen/${meldingId}/aanvulling`, headers: beoordelaar.headers, payload: { toelichting: `${SENTINEL} aanvulling` } });
    expect(aanvulling.statusCode).toBeLessThan(300);
    const decision = await t.app.inject({
      method: 'POST',
      url: `/api/meldingen/${meldingId}/beoordeling`,
      headers: beoordelaar.headers,
      payload: { route: 'wijkteam', band: 'P3', reason: `${SENTINEL} reden van afwijken` },
    });
    expect(decision.statusCode).toBe(200);

    // The API shows the text as it was written.
    const read = (await t.app.inject({ url: `/api/meldingen/${meldingId}`, headers: beoordelaar.headers })).json() as { toelichting: string };
    expect(read.toelichting).toContain(`${SENTINEL} toelichting`);
    expect(read.toelichting).toContain(`${SENTINEL} aanvulling`);
    const historie = JSON.stringify((await t.app.inject({ url: `/api/meldingen/${meldingId}/historie`, headers: beoordelaar.headers })).json());
    expect(historie).toContain(`${SENTINEL} reden van afwijken`);

    // At rest it is nowhere in clear text.
    const [raw] = await t.db.handle.db.execute<{ toelichting: string }>(sql`select toelichting::text as toelichting from meldingen where id = ${meldingId}`);
    expect(raw!.toelichting.startsWith('enc1:test:')).toBe(true);
    const text = dump();
    expect(text).toContain('enc1:test:');
    expect(text).not.toContain(SENTINEL);
    expect(await redisText()).not.toContain(SENTINEL);
  });

});

describe('identifying data at rest, and the radar on blind indexes', () => {
  const melder = { naam: 'Grutto-Melder-Sentinel', telefoon: '06 1111 2222', email: 'grutto.sentinel@voorbeeld.nl', organisatie: 'Sentinel Kinderopvang' };
  const adres = { straat: 'Sentinelstraat', huisnummer: '77b', postcode: '7514 QX', plaats: 'Sentinelveen' };
  const persoon = { rol: 'slachtoffer', voornaam: 'Scholekster-Sentinel', achternaam: 'Sentinelberg', geboortedatum: '1988-03-14' };
  const vrager = { naam: 'Ijsvogel-Vrager-Sentinel', telefoon: '06 9876 5432', email: 'ijsvogel.sentinel@voorbeeld.nl', organisatie: 'Sentinel Huisartsenpraktijk' };
  const clear = [melder.naam, melder.telefoon, melder.email, melder.organisatie, adres.straat, adres.postcode, '7514QX', adres.plaats, persoon.voornaam, persoon.achternaam, vrager.naam, vrager.telefoon, vrager.email, vrager.organisatie, 'Tureluur-Sentinel'];
  let first = '';
  const ids: string[] = [];

  const triaged = async (id: string) => {
    const kalender = await cachedKalender(t.db.handle.db)();
    const outcome = await t.db.handle.db.transaction((tx) => runTriage(tx, id, 1, { policy: policyV1, kalender }));
    return outcome.kind === 'stored' ? outcome.eerdereMeldingen : -1;
  };
  const post = async (body: Record<string, unknown>) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/meldingen', headers: partnerHeaders, payload: meldingBody(body) });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  };

  it('seals names, addresses, phone numbers and e-mail of melder, betrokkenen and vrager, and shows them to those who may read them', async () => {
    const adviseur = await login(t.app, 'adviseur@demo.test');
    const beoordelaar = await login(t.app, 'beoordelaar@demo.test');
    const advies = await t.app.inject({ method: 'POST', url: '/api/adviezen', headers: adviseur.headers, payload: adviesBody({ anoniem: false, vragerType: 'professional', sector: 'zorg', vrager }) });
    expect(advies.statusCode, advies.body).toBe(201);
    first = await post({ melder: { type: 'professional', sector: 'kinderopvang', anoniemNaarHuishouden: false, ...melder }, huishouden: { adres, gemeente: 'GM0153' }, betrokkenen: [persoon] });
    ids.push(first);
    const added = await t.app.inject({ method: 'POST', url: `/api/meldingen/${first}/aanvulling`, headers: beoordelaar.headers, payload: { betrokkenen: [{ rol: 'kind', voornaam: 'Tureluur-Sentinel', achternaam: 'Sentinelberg', geboortedatum: '2019-05-02' }] } });
    expect(added.statusCode, added.body).toBe(200);

    const read = (await t.app.inject({ url: `/api/meldingen/${first}`, headers: beoordelaar.headers })).json() as { melder: object; huishouden: { adres: object }; betrokkenen: { voornaam: string }[] };
    expect(read.melder).toMatchObject(melder);
    expect(read.huishouden.adres).toEqual(adres);
    expect(read.betrokkenen.map((b) => b.voornaam)).toEqual([persoon.voornaam, 'Tureluur-Sentinel']);
    const a = (await t.app.inject({ url: `/api/adviezen/${(advies.json() as { id: string }).id}`, headers: adviseur.headers })).json() as { vrager: object };
    expect(a.vrager).toMatchObject(vrager);

    const text = dump();
    for (const value of clear) expect(text, value).not.toContain(value);
    // Nor anything the suite's fixtures or the demo seed wrote through the intake (the template this database is a copy of).
    for (const value of ['Agent Testpersoon', 'Teststraat', 'Demo-Jansen', 'Demo-Oude Egberink', 'Deurningerstraat', 'Lasondersingel', '7514 BC']) expect(text, value).not.toContain(value);
    expect(await redisText()).not.toMatch(/Sentinel/);
  });

  it('finds the same household by address or by person on the blind indexes, as the radar did on clear text', async () => {
    // The same address written differently, and the same person at another address; a neighbour does not count.
    const sameAddress = await post({ huishouden: { adres: { ...adres, postcode: '7514qx', huisnummer: '77 B' }, gemeente: 'GM0153' }, betrokkenen: [{ rol: 'overig', voornaam: 'Iemand', achternaam: 'Anders' }] });
    const samePerson = await post({ huishouden: { adres: { straat: 'Andere straat', huisnummer: '3', postcode: '7511 AB', plaats: 'Enschede' }, gemeente: 'GM0153' }, betrokkenen: [{ ...persoon, voornaam: ' scholekster-sentinel', achternaam: 'SENTINELBERG' }] });
    const neighbour = await post({ huishouden: { adres: { ...adres, huisnummer: '79' }, gemeente: 'GM0153' }, betrokkenen: [{ rol: 'overig', voornaam: 'Buur', achternaam: 'Man', geboortedatum: '1970-01-01' }] });
    ids.push(sameAddress, samePerson, neighbour);
    expect(await triaged(sameAddress)).toBe(1);
    expect(await triaged(samePerson)).toBe(1);
    expect(await triaged(neighbour)).toBe(0);
  });

  it('re-seals and re-indexes everything under new keys with the rotation command; the API and the radar see the same', async () => {
    const next = createCipher(parseKeys(`${newKeySpec('next')},${TEST_DATA_KEYS}`), parseKeys(`${newKeySpec('nextix')},${TEST_INDEX_KEYS}`, 'BLIND_INDEX_KEYS'));
    const report = await rotateKeys(t.db.handle.db, next, { batchSize: 2 });
    expect(report.resealed).toBeGreaterThanOrEqual(20);
    expect(report.reindexedByTable.meldingen).toBeGreaterThanOrEqual(ids.length);
    expect(report.reindexedByTable.betrokkenen).toBeGreaterThanOrEqual(3);
    const text = dump();
    expect(text).not.toContain('enc1:test:');
    expect(text).not.toMatch(/\btestix:/);
    expect(text).toContain('enc1:next:');
    expect(text).toContain('nextix:');
    expect(text).not.toContain(SENTINEL);
    for (const value of clear) expect(text, value).not.toContain(value);
    // A second run finds nothing left to do.
    const again = await rotateKeys(t.db.handle.db, next, { batchSize: 2 });
    expect([again.resealed, again.reindexed]).toEqual([0, 0]);
    // The app, now on the new key lists, reads what it wrote before, and the radar finds the household.
    useFieldCipher(next);
    const beoordelaar = await login(t.app, 'beoordelaar@demo.test');
    const read = (await t.app.inject({ url: `/api/meldingen/${first}`, headers: beoordelaar.headers })).json() as { melder: { naam: string }; toelichting: string };
    expect(read.melder.naam).toBe(melder.naam);
    const later = await post({ huishouden: { adres, gemeente: 'GM0153' }, betrokkenen: [persoon] });
    expect(await triaged(later)).toBe(3);
  });
});
