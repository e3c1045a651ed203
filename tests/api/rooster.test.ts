// The roster (issue #22, first part): the chef van de dag sets a day's shifts in one request — hours, team,
// specialisms — and reads them back with each person's caseload; what cannot be a roster is refused with details.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, partnerHeaders, type Session, type TestContext } from '../support/app.ts';
import { meldingBody } from '../support/fixtures.ts';

let t: TestContext;
let chef: Session;
let manager: Session;
let beoordelaar: Session;
let ids: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  chef = await login(t.app, 'chef@demo.test');
  manager = await login(t.app, 'manager@demo.test');
  beoordelaar = await login(t.app, 'beoordelaar@demo.test');
  const rows = await t.db.handle.db.execute<{ email: string; id: string }>(sql`select email, id::text from users`);
  ids = Object.fromEntries(rows.map((r) => [r.email, r.id]));
});
afterAll(() => t.close());

const DAY = '2026-12-14';
const set = (s: Session, body: object) => t.app.inject({ method: 'POST', url: '/api/rooster', headers: s.headers, payload: body });
const get = (s: Session, datum = DAY) => t.app.inject({ url: `/api/rooster?datum=${datum}`, headers: s.headers });

describe('the roster', () => {
  it('is set for a whole day and read back with hours, team, specialisms and caseload', async () => {
    const [{ id: crisisteam }] = (await t.db.handle.db.execute<{ id: string }>(sql`select id::text from teams where kind = 'crisisteam'`)) as unknown as [{ id: string }];
    // One case assigned to the medewerker: its caseload.
    const m = (await t.app.inject({ method: 'POST', url: '/api/meldingen', headers: partnerHeaders, payload: meldingBody() })).json() as { id: string };
    await t.db.handle.db.execute(sql`update meldingen set assigned_to = array[${ids['medewerker@demo.test']}::uuid] where id = ${m.id}::uuid`);
    const body = {
      datum: DAY,
      diensten: [
        { userId: ids['medewerker@demo.test'], van: '08:30', tot: '17:00', specialismen: ['jeugd', 'eergerelateerd_geweld'] },
        { userId: ids['beoordelaar@demo.test'], van: '09:00', tot: '13:00' },
        { userId: ids['beoordelaar@demo.test'], van: '14:00', tot: '18:00', specialismen: ['ouderen'], team: crisisteam },
      ],
    };
    const res = await set(chef, body);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as { uren: number; diensten: { naam: string; van: string; tot: string; uren: number; specialismen: string[]; caseload: number; team: { kind: string } | null; gekozenTeam: string | null }[] };
    expect(r.uren).toBe(8.5 + 4 + 4);
    expect(r.diensten.map((d) => [d.van, d.tot, d.uren])).toEqual([
      ['08:30', '17:00', 8.5],
      ['09:00', '13:00', 4],
      ['14:00', '18:00', 4],
    ]);
    expect(r.diensten[0]).toMatchObject({ specialismen: ['jeugd', 'eergerelateerd_geweld'], caseload: 1, team: expect.objectContaining({ kind: 'onderzoek' }), gekozenTeam: null });
    // A shift in another team than the person's own says both: where it is worked, and that it was chosen.
    expect(r.diensten[2]).toMatchObject({ team: { kind: 'crisisteam' }, gekozenTeam: crisisteam });
    // The manager reads it; a second set replaces the day; another day is untouched.
    expect((await get(manager)).json()).toMatchObject({ uren: 16.5 });
    await set(chef, { datum: '2026-12-15', diensten: [{ userId: ids['chef@demo.test'], van: '07:00', tot: '15:00' }] });
    await set(chef, { datum: DAY, diensten: [body.diensten[0]] });
    expect((await get(manager)).json()).toMatchObject({ uren: 8.5 });
    expect((await get(manager, '2026-12-15')).json()).toMatchObject({ uren: 8 });
    const [audit] = await t.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where subject_type = 'rooster' and purpose = ${DAY}`);
    expect(audit!.n).toBe(2);
  });

  it('refuses what cannot be a roster, with a detail per shift, and who may not set it', async () => {
    const res = await set(chef, {
      datum: DAY,
      diensten: [
        { userId: ids['medewerker@demo.test'], van: '12:00', tot: '09:00' },
        { userId: ids['beoordelaar@demo.test'], van: '09:00', tot: '13:00' },
        { userId: ids['beoordelaar@demo.test'], van: '12:00', tot: '16:00' },
        { userId: ids['wijkteam.enschede@demo.test'], van: '09:00', tot: '17:00' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { details: { path: string }[] }).details.map((d) => d.path)).toEqual(['/diensten/0/tot', '/diensten/2/van', '/diensten/3/userId']);
    expect((await set(chef, { datum: DAY, diensten: [{ userId: ids['medewerker@demo.test'], van: '9:00', tot: '17:00' }] })).statusCode).toBe(400);
    expect((await set(beoordelaar, { datum: DAY, diensten: [] })).statusCode).toBe(403);
    expect((await set(manager, { datum: DAY, diensten: [] })).statusCode).toBe(403);
    expect((await get(beoordelaar)).statusCode).toBe(403);
    // Nothing of the refused roster was kept.
    expect((await get(chef)).json()).toMatchObject({ uren: 8.5 });
  });
});
