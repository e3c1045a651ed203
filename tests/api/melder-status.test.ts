// The melder's status page and the terugkoppeling as a message (issue #20): a token shown once and kept hashed, that
// opens the phase (ontvangen; veiligheidsbeoordeling gedaan: vervolg; afgesloten) and the messages the case worker
// wrote — never anything of the household (sentinels) — records them as read, stops working when replaced, revoked
// or expired, and the dashboard's two terugkoppeling percentages equal an independent count.
import { sql } from 'drizzle-orm';
import { addDays } from '@vt/db/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, partnerHeaders, type Session, type TestContext } from '../support/app.ts';
import { meldingBody } from '../support/fixtures.ts';

let t: TestContext;
let beoordelaar: Session;
let chef: Session;
let manager: Session;
let adviseur: Session;

beforeAll(async () => {
  t = await createTestApp();
  beoordelaar = await login(t.app, 'beoordelaar@demo.test');
  chef = await login(t.app, 'chef@demo.test');
  manager = await login(t.app, 'manager@demo.test');
  adviseur = await login(t.app, 'adviseur@demo.test');
});
afterAll(() => t.close());

const req = (method: 'GET' | 'POST', url: string, s: Session, payload?: object) => t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
const status = (token: string) => t.app.inject({ url: `/api/publiek/status/${token}` });

interface CaseView {
  reference: string;
  terugkoppelingen: { id: string; moment: string; doneAt: string | null; bericht: string | null; gelezenAt: string | null }[];
  statuslink: { aangemaaktOp: string; geldigTot: string; laatstBekeken: string | null } | null;
}

/** A melding with sentinel values in every household field. */
async function sentinelMelding() {
  const body = meldingBody({
    huishouden: { adres: { straat: 'Straat-SENTINEL', huisnummer: '99', postcode: '7511 ZZ', plaats: 'Plaats-SENTINEL' }, gemeente: 'GM0153' },
    betrokkenen: [{ rol: 'kind', voornaam: 'Voornaam-SENTINEL', achternaam: 'Achternaam-SENTINEL', geboortedatum: '2018-01-01' }],
    toelichting: 'Toelichting-SENTINEL: vader slaat moeder.',
  });
  const res = await t.app.inject({ method: 'POST', url: '/api/meldingen', headers: partnerHeaders, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string; reference: string });
}

async function makeLink(id: string, s: Session = beoordelaar) {
  const res = await req('POST', `/api/meldingen/${id}/statuslink`, s);
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { token: string; geldigTot: string }).token;
}

describe('the status page', () => {
  it('shows the phase and the messages written to the melder, nothing of the household, and records them read', async () => {
    const { id, reference } = await sentinelMelding();
    const token = await makeLink(id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the hash is kept: the token is nowhere in the database.
    const [stored] = await t.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from melder_statuslinks where token_hash = ${token}`);
    expect(stored!.n).toBe(0);

    const before = await status(token);
    expect(before.statusCode, before.body).toBe(200);
    expect(before.headers['cache-control']).toBe('no-store');
    expect(before.headers['referrer-policy']).toBe('no-referrer');
    expect(before.json()).toMatchObject({ reference, fase: 'ontvangen', berichten: [] });

    await req('POST', `/api/meldingen/${id}/beoordeling`, beoordelaar, { route: 'mdo', band: 'P3', reason: 'Reden-SENTINEL: naar het MDO.' });
    const view = (await req('GET', `/api/meldingen/${id}`, chef)).json() as CaseView;
    const task = view.terugkoppelingen.find((k) => k.moment === 'na_beoordeling')!;
    // A message of a few letters says nothing to a melder.
    expect((await req('POST', `/api/terugkoppelingen/${task.id}/gedaan`, beoordelaar, { bericht: '  ok  ' })).statusCode).toBe(400);
    const bericht = 'Veilig Thuis heeft de veiligheid beoordeeld en bespreekt uw melding in een multidisciplinair overleg.';
    const done = await req('POST', `/api/terugkoppelingen/${task.id}/gedaan`, beoordelaar, { bericht, notitie: 'Notitie-SENTINEL: melder gebeld.' });
    expect(done.statusCode, done.body).toBe(200);

    const after = await status(token);
    expect(after.json()).toMatchObject({ reference, fase: 'vervolg', berichten: [{ moment: 'na_beoordeling', tekst: bericht }] });
    // Nothing of the household, the decision's reasons or the file's note, by any name.
    expect(after.body).not.toMatch(/SENTINEL|7511|GM0153|Enschede|P3|mdo/);
    expect(after.body).not.toContain(id);

    // Read: on the case, in its history once, however often the melder looks.
    const read = (await req('GET', `/api/meldingen/${id}`, chef)).json() as CaseView;
    expect(read.terugkoppelingen.find((k) => k.id === task.id)).toMatchObject({ bericht, gelezenAt: expect.any(String) });
    expect(read.statuslink).toMatchObject({ laatstBekeken: expect.any(String) });
    await status(token);
    const historie = (await req('GET', `/api/meldingen/${id}/historie`, chef)).json() as { events: { type: string }[] };
    expect(historie.events.filter((e) => e.type === 'terugkoppeling_gelezen')).toHaveLength(1);
    expect(historie.events.filter((e) => e.type === 'statuslink_gemaakt')).toHaveLength(1);
    // Every look is in the access log, by the link, without an address.
    const looks = await t.db.handle.db.execute<{ n: number; ips: number }>(sql`select count(*)::int as n, count(ip)::int as ips from audit_log where subject_id = ${id} and purpose = 'statuspagina' and on_behalf_of = 'melder (statuslink)'`);
    expect(looks[0]).toEqual({ n: 3, ips: 0 });

    // Closed: the melder sees it closed.
    expect((await req('POST', `/api/meldingen/${id}/afsluiten`, chef, { reden: 'Afgesloten na het MDO: hulp loopt.' })).statusCode).toBe(200);
    expect((await status(token)).json()).toMatchObject({ fase: 'afgesloten' });
  });

  it('stops working when replaced, revoked or expired, with one answer for all of them', async () => {
    const { id } = await sentinelMelding();
    const first = await makeLink(id);
    const second = await makeLink(id, chef);
    const gone = await status(first);
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((await status(second)).statusCode).toBe(200);

    expect((await req('POST', `/api/meldingen/${id}/statuslink/intrekken`, beoordelaar)).statusCode).toBe(204);
    expect((await status(second)).statusCode).toBe(404);
    expect((await req('POST', `/api/meldingen/${id}/statuslink/intrekken`, beoordelaar)).statusCode).toBe(409);
    expect(((await req('GET', `/api/meldingen/${id}`, chef)).json() as CaseView).statuslink).toBeNull();

    const third = await makeLink(id);
    await t.db.handle.db.execute(sql`update melder_statuslinks set expires_at = now() - interval '1 second' where melding_id = ${id}::uuid and revoked_at is null`);
    const expired = await status(third);
    expect(expired.statusCode).toBe(404);
    expect(expired.body).toBe(gone.body);
    // A token that is no token is refused before any lookup; one never made is unknown.
    expect((await status('kort')).statusCode).toBe(400);
    expect((await status('A'.repeat(43))).statusCode).toBe(404);
  });

  it('is made only by who gives the feedback, under the record rule', async () => {
    const { id } = await sentinelMelding();
    expect((await req('POST', `/api/meldingen/${id}/statuslink`, adviseur)).statusCode).toBe(403);
    expect((await req('POST', `/api/meldingen/${id}/statuslink`, manager)).statusCode).toBe(403);
    const [audit] = await t.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where subject_id = ${id} and purpose = 'statuslink'`);
    expect(audit!.n).toBe(0);
    await makeLink(id);
    const [after] = await t.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where subject_id = ${id} and purpose = 'statuslink'`);
    expect(after!.n).toBe(1);
  });
});

describe('the dashboard', () => {
  /** The two percentages from the rows themselves, as the metric defines them (db/src/repositories/dashboard.ts). */
  async function independent() {
    const rows = await t.db.handle.db.execute<{ due: string; done: string | null; bericht: boolean; gelezen: string | null; link: boolean; today: string }>(sql`
      select k.due_date::text as due, (k.done_at at time zone 'Europe/Amsterdam')::date::text as done, k.bericht is not null as bericht,
             k.gelezen_at::text as gelezen, exists (select 1 from melder_statuslinks s where s.melding_id = k.melding_id) as link,
             (now() at time zone 'Europe/Amsterdam')::date::text as today,
             k.done_at > now() - interval '90 days' as recent
        from terugkoppelingen k`);
    const today = rows[0]?.today ?? '';
    const since = addDays(today, -90);
    const due = rows.filter((r) => r.due > since && r.due <= today && (r.due < today || r.done !== null));
    const written = rows.filter((r) => r.bericht && r.done !== null && (r as unknown as { recent: boolean }).recent && r.link);
    const pct = (a: number, b: number) => (b ? Math.round((1000 * a) / b) / 10 : null);
    return {
      onTime: pct(due.filter((r) => r.done !== null && r.done <= r.due).length, due.length),
      gelezen: pct(written.filter((r) => r.gelezen !== null).length, written.length),
    };
  }
  const metric = async (code: string) => {
    const res = await req('GET', '/api/dashboard/wachtlijst', manager);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { metrics: { code: string; percent?: number | null }[] }).metrics.find((m) => m.code === code)!.percent;
  };

  it('shows the terugkoppeling on time and read, equal to an independent count at several moments', async () => {
    const check = async () => {
      const want = await independent();
      expect(await metric('terugkoppeling_on_time_pct')).toBe(want.onTime);
      expect(await metric('terugkoppeling_gelezen_pct')).toBe(want.gelezen);
      return want;
    };
    await check();
    // A feedback given on time to a melder with a link, then read; and one past its date, not given.
    const { id } = await sentinelMelding();
    const token = await makeLink(id);
    await req('POST', `/api/meldingen/${id}/beoordeling`, beoordelaar, { route: 'mdo', band: 'P3', reason: 'Naar het MDO.' });
    const task = ((await req('GET', `/api/meldingen/${id}`, chef)).json() as CaseView).terugkoppelingen[0]!;
    await req('POST', `/api/terugkoppelingen/${task.id}/gedaan`, beoordelaar, { bericht: 'Veilig Thuis bespreekt uw melding in een overleg.' });
    const unread = await check();
    expect(unread.gelezen).not.toBeNull();
    await status(token);
    const read = await check();
    expect(read.gelezen!).toBeGreaterThan(unread.gelezen!);
    const late = await sentinelMelding();
    await req('POST', `/api/meldingen/${late.id}/beoordeling`, beoordelaar, { route: 'mdo', band: 'P3', reason: 'Naar het MDO.' });
    await t.db.handle.db.execute(sql`update terugkoppelingen set due_date = (now() at time zone 'Europe/Amsterdam')::date - 3 where melding_id = ${late.id}::uuid`);
    const after = await check();
    expect(after.onTime!).toBeLessThan(read.onTime ?? 101);
  });
});
