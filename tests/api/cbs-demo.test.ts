// The CBS delivery and the factsheet over the demo region's seeded data (issue #18, acceptance 1): triaged as the
// workers would, every total ties to its parts, the region is the sum of its 14 gemeenten, and the factsheet counts
// every seeded melding and advies of the year.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runTriage, seedDemo } from '@vt/db';
import { WerkdagKalender, amsterdamDate, twenteGemeenten } from '@vt/db/domain';
import { cel, expectConsistent, expectRegionIsSumOfGemeenten, type Rij } from '../support/cbs.ts';
import { DEMO_API_KEY, DEMO_PASSWORD } from '../support/env.ts';
import { createTestApp, login, type Session, type TestContext } from '../support/app.ts';

let t: TestContext;
let manager: Session;
const today = amsterdamDate(new Date());
const jaar = Number(today.slice(0, 4));
const half = Number(today.slice(5, 7)) <= 6 ? 1 : 2;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db.handle.db, { demoPassword: DEMO_PASSWORD, demoApiKey: DEMO_API_KEY });
  const kalender = new WerkdagKalender();
  for (const { id } of await t.db.handle.sql<{ id: string }[]>`select id from meldingen order by received_at`) {
    await t.db.handle.db.transaction((tx) => runTriage(tx, id, 1, { kalender }));
  }
  manager = await login(t.app, 'manager@demo.test');
}, 120_000);
afterAll(() => t.close());

const get = async <T>(url: string) => {
  const res = await t.app.inject({ url, headers: manager.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

it('delivers the demo data consistently, per gemeente and for the region, in every half-year it spans', async () => {
  // The demo data covers the last four weeks: this half-year, and the previous one when they started less than four weeks ago.
  const halfOf = (d: string) => `${d.slice(0, 4)}-${Number(d.slice(5, 7)) <= 6 ? 1 : 2}`;
  const halves = new Set([halfOf(today), halfOf(amsterdamDate(new Date(Date.now() - 28 * 86_400_000)))]);
  for (const h of halves) {
    const [j, k] = h.split('-').map(Number) as [number, number];
    const regio = (await get<{ rijen: Rij[] }>(`/api/rapportage/halfjaar?jaar=${j}&half=${k}`)).rijen;
    expectConsistent(regio);
    const perGemeente = await Promise.all(twenteGemeenten.map(async (g) => (await get<{ rijen: Rij[] }>(`/api/rapportage/halfjaar?jaar=${j}&half=${k}&gemeente=${g.code}`)).rijen));
    expect(expectRegionIsSumOfGemeenten(regio, perGemeente)).toBeGreaterThan(300);
    for (const g of perGemeente) expectConsistent(g);
  }
  const [n] = await t.db.handle.sql<{ m: number; tri: number }[]>`
    select count(*)::int as m, count(*) filter (where eerdere_betrokkenheid is not null)::int as tri from meldingen
     where received_at >= (${`${jaar}-${half === 1 ? '01' : '07'}-01`}::date)::timestamp at time zone 'Europe/Amsterdam'`;
  const regio = (await get<{ rijen: Rij[] }>(`/api/rapportage/halfjaar?jaar=${jaar}&half=${half}`)).rijen;
  expect(cel(regio, '84849NED', 'totaal')).toBe(n!.m);
  // Every seeded melding was triaged, so none is "niet ingedeeld" for earlier involvement.
  expect(n!.tri).toBe(n!.m);
  expect(cel(regio, '85361NED', 'niet_ingedeeld')).toBe(0);
});

it('counts every seeded melding and advies of the year in the factsheet, and the region is the sum of its gemeenten', async () => {
  const [n] = await t.db.handle.sql<{ m: number; a: number }[]>`
    select (select count(*)::int from meldingen where received_at >= (${`${jaar}-01-01`}::date)::timestamp at time zone 'Europe/Amsterdam') as m,
           (select count(*)::int from adviezen where started_at >= (${`${jaar}-01-01`}::date)::timestamp at time zone 'Europe/Amsterdam') as a`;
  type F = { meldingen: { totaal: number; professional: number; nietProfessional: number }; adviezen: { totaal: number } };
  const f = await get<F>(`/api/rapportage/jaar?jaar=${jaar}`);
  expect(f.meldingen.totaal).toBe(n!.m);
  expect(f.adviezen.totaal).toBe(n!.a);
  expect(f.meldingen.professional + f.meldingen.nietProfessional).toBe(f.meldingen.totaal);
  const per = await Promise.all(twenteGemeenten.map((g) => get<F>(`/api/rapportage/jaar?jaar=${jaar}&gemeente=${g.code}`)));
  expect(per.reduce((s, g) => s + g.meldingen.totaal, 0)).toBe(f.meldingen.totaal);
});
