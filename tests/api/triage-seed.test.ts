// Compare before you switch, on the demo region's seeded meldingen (issue #17): v1 against v2 accounts for
// every melding received in the period, its matrices add up, and a version compared with itself changes nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '@vt/db';
import { addDays, amsterdamDate } from '@vt/db/domain';
import { DEMO_API_KEY, DEMO_PASSWORD } from '../support/env.ts';
import { createTestApp, login, type Session, type TestContext } from '../support/app.ts';

let t: TestContext;
let manager: Session;
beforeAll(async () => {
  t = await createTestApp();
  const seeded = await seedDemo(t.db.handle.db, { demoPassword: DEMO_PASSWORD, demoApiKey: DEMO_API_KEY });
  expect(seeded.meldingen).toBeGreaterThanOrEqual(20);
  manager = await login(t.app, 'manager@demo.test');
}, 120_000);
afterAll(() => t.close());

interface Result {
  totaal: number;
  gewijzigd: { route: number; band: number; urgency: number; enig: number };
  routes: { van: string; naar: string; aantal: number }[];
  banden: { van: string; naar: string; aantal: number }[];
}
const compare = async (van: string, naar: string, from: string, to: string) => {
  const r = await t.app.inject({ url: `/api/triage/vergelijking?van=${van}&naar=${naar}&from=${from}&to=${to}`, headers: manager.headers });
  expect(r.statusCode).toBe(200);
  return r.json() as Result;
};

it('accounts for every seeded melding of the period, with matrices that add up, and nothing changes against itself', async () => {
  const to = amsterdamDate(new Date());
  const from = addDays(to, -365);
  const [row] = await t.db.handle.sql<{ n: number }[]>`
    select count(*)::int as n from meldingen
     where received_at >= (${from}::date)::timestamp at time zone 'Europe/Amsterdam'
       and received_at < (${addDays(to, 1)}::date)::timestamp at time zone 'Europe/Amsterdam' and anonymised_at is null`;
  const v = await compare('v1', 'v2', from, to);
  expect(v.totaal).toBe(row!.n);
  const sum = (cells: { aantal: number }[]) => cells.reduce((s, c) => s + c.aantal, 0);
  expect(sum(v.routes)).toBe(v.totaal);
  expect(sum(v.banden)).toBe(v.totaal);
  const offDiagonal = (cells: { van: string; naar: string; aantal: number }[]) => sum(cells.filter((c) => c.van !== c.naar));
  expect(offDiagonal(v.routes)).toBe(v.gewijzigd.route);
  expect(offDiagonal(v.banden)).toBe(v.gewijzigd.band);
  // v1 knew no hulpverlening route: only v2 can propose it.
  expect(v.routes.filter((c) => c.van === 'hulpverlening').every((c) => c.aantal === 0)).toBe(true);
  // v2 adds no acute indicator: urgency never changes between the two.
  expect(v.gewijzigd.urgency).toBe(0);
  for (const same of [await compare('v1', 'v1', from, to), await compare('v2', 'v2', from, to)]) {
    expect(same.totaal).toBe(v.totaal);
    expect(same.gewijzigd).toEqual({ route: 0, band: 0, urgency: 0, enig: 0 });
  }
});
