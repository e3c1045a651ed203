// The working-day calendar as an administrator extends it: a declared day moves the legal deadlines.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, login, partnerHeaders, type TestContext } from '../support/app.ts';
import { meldingBody } from '../support/fixtures.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const dueDate = async (receivedAt: string) => {
  const created = await t.app.inject({ method: 'POST', url: '/api/meldingen', payload: meldingBody({ receivedAt }), headers: partnerHeaders });
  const beoordelaar = await login(t.app, 'beoordelaar@demo.test');
  const m = await t.app.inject({ url: `/api/meldingen/${(created.json() as { id: string }).id}`, headers: beoordelaar.headers });
  return (m.json() as { deadlines: { beoordelingDueDate: string } }).deadlines.beoordelingDueDate;
};

it('lists the holidays and declared days of a year', async () => {
  const s = await login(t.app, 'chef@demo.test');
  const res = await t.app.inject({ url: '/api/kalender/niet-werkdagen?jaar=2026', headers: s.headers });
  const items = (res.json() as { items: { datum: string; omschrijving: string; soort: string; bron: string | null }[] }).items;
  expect(items).toContainEqual({
    datum: '2026-04-27',
    omschrijving: 'Koningsdag',
    soort: 'feestdag',
    bron: 'Algemene termijnenwet art. 3 lid 1; Besluit van 30 januari 2013, Stcrt. 2013, 4075',
  });
  expect(items.find((d) => d.datum === '2026-04-03')?.bron).toBe('Algemene termijnenwet art. 3 lid 2');
  expect(items.find((d) => d.datum === '2026-05-15')).toMatchObject({
    soort: 'gelijkgesteld',
    bron: 'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028',
  });
  expect(items).toHaveLength(11);
});

it('lets a beheerder declare a day, which moves the beoordeling deadline at once', async () => {
  expect(await dueDate('2026-11-23T10:00:00+01:00')).toBe('2026-11-30');
  const chef = await login(t.app, 'chef@demo.test');
  const body = { datum: '2026-11-27', omschrijving: 'Gelijkgesteld bij besluit (test)' };
  expect((await t.app.inject({ method: 'POST', url: '/api/kalender/niet-werkdagen', payload: body, headers: chef.headers })).statusCode).toBe(403);
  const beheer = await login(t.app, 'beheer@demo.test');
  expect((await t.app.inject({ method: 'POST', url: '/api/kalender/niet-werkdagen', payload: body, headers: beheer.headers })).statusCode).toBe(201);
  expect((await t.app.inject({ method: 'POST', url: '/api/kalender/niet-werkdagen', payload: body, headers: beheer.headers })).statusCode).toBe(409);
  expect(await dueDate('2026-11-23T10:00:00+01:00')).toBe('2026-12-01');
});
