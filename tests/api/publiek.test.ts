// The online melding for professionals (issue #20, acceptance 2): received and triaged like any other with kanaal
// web, the meldcode's answers on the case, the melder confirmed by the mailed link (until then "niet bevestigd"),
// and the abuse protections: a burst from one address throttled, too many from one e-mail address refused, the
// honeypot creating nothing, a form sent at once or with a forged token refused, an oversized body a 413. The
// confirmation mail names the reference and the link, nothing of the household.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, partnerHeaders, type Session, type TestContext } from '../support/app.ts';
import { meldingBody } from '../support/fixtures.ts';

type Mail = { to: string; subject: string; text: string };

let t: TestContext;
let beoordelaar: Session;
const MIN_SECONDS = 1;
const mails = () => (t.app.mailer as unknown as { sent: Mail[] }).sent;

beforeAll(async () => {
  t = await createTestApp({ publiek: { perUur: 6, minSeconden: MIN_SECONDS } });
  beoordelaar = await login(t.app, 'beoordelaar@demo.test');
});
afterAll(() => t.close());

let ip = 0;
/** Each test its own address, unless it is about one address. */
const nextIp = () => `10.20.0.${++ip}`;

async function formToken(remoteAddress: string) {
  const res = await t.app.inject({ url: '/api/publiek/formulier', remoteAddress });
  expect(res.statusCode).toBe(200);
  return (res.json() as { formulier: string }).formulier;
}

/** A token from a form opened long enough ago. */
async function openedForm(remoteAddress: string) {
  const token = await formToken(remoteAddress);
  await new Promise((r) => setTimeout(r, MIN_SECONDS * 1000 + 50));
  return token;
}

const body = (formulier: string, overrides: Record<string, unknown> = {}) => ({
  gezien: 'Sanne (groep 5) vertelt dat papa mama slaat; blauwe plekken op haar arm, zegt dat ze niet naar huis wil.',
  huishouden: { adres: { straat: 'Wilgenlaan-SENTINEL', huisnummer: '14', postcode: '7511 AB', plaats: 'Enschede' }, gemeente: 'GM0153' },
  betrokkenen: [{ rol: 'kind', voornaam: 'Sanne-SENTINEL', achternaam: 'Jansen', geboortedatum: '2017-03-02' }],
  geweldsvormen: ['getuige_partnergeweld'],
  afweging: { onveiligheid: true, zelfHulp: false },
  melder: { naam: 'Juf Mirjam', organisatie: 'Basisschool De Esch', sector: 'onderwijs', telefoon: '053 123 45 67', email: 'mirjam@school.example', anoniemNaarHuishouden: false },
  gezinWeet: 'nee',
  waaromNiet: 'Moeder vraagt het niet te zeggen; bang voor vader.',
  veiligheid: { herhaaldGeweld: true },
  formulier,
  ...overrides,
});

const send = (payload: unknown, remoteAddress: string) => t.app.inject({ method: 'POST', url: '/api/publiek/meldingen', payload: payload as object, remoteAddress });
const count = async () => (await t.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from meldingen where kanaal = 'web'`))[0]!.n;

describe('POST /api/publiek/meldingen', () => {
  it('receives a melding with kanaal web, its clock from submission, its meldcode answers, and asks the melder to confirm', async () => {
    const addr = nextIp();
    const before = Date.now();
    const res = await send(body(await openedForm(addr)), addr);
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json() as { reference: string; ontvangenOp: string; bevestigen: string };
    expect(r.reference).toMatch(/^M-\d{4}-\d{6}$/);
    expect(r.bevestigen).toBe('m•••@school.example');
    const [m] = await t.db.handle.db.execute<{ id: string; kanaal: string; received_at: Date; melder_type: string }>(sql`select id, kanaal, received_at, melder_type from meldingen where reference = ${r.reference}`);
    expect(m!.kanaal).toBe('web');
    expect(m!.melder_type).toBe('professional');
    expect(new Date(m!.received_at).getTime()).toBeGreaterThanOrEqual(before);
    // Announced to the triage like any other melding.
    const [o] = await t.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from outbox where topic = 'melding.received' and aggregate_id = ${m!.id}`);
    expect(o!.n).toBe(1);

    // The beoordelaar sees the meldcode's answers and that the melder is not confirmed yet.
    const view = (await t.app.inject({ url: `/api/meldingen/${m!.id}`, headers: beoordelaar.headers })).json() as { kanaal: string; melder: { bevestigd?: boolean; email: string }; meldcode: unknown };
    expect(view.kanaal).toBe('web');
    expect(view.melder.bevestigd).toBe(false);
    expect(view.meldcode).toEqual({ onveiligheid: true, zelfHulp: false, gezinWeet: 'nee', waaromNiet: 'Moeder vraagt het niet te zeggen; bang voor vader.' });
    // The free text of the meldcode is sealed at rest like the rest.
    const [raw] = await t.db.handle.db.execute<{ meldcode: string }>(sql`select meldcode::text from meldingen where id = ${m!.id}`);
    expect(raw!.meldcode).not.toContain('bang voor vader');

    // The mail: the reference and the link, nothing of the household.
    const mail = mails().find((x) => x.subject.includes(r.reference))!;
    expect(mail.to).toBe('mirjam@school.example');
    expect(mail.text).not.toMatch(/SENTINEL|Jansen|Wilgenlaan|blauwe plekken/);
    const token = /\/melden\/bevestigen#([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    // The status link is on the receipt only, not in the mail (a mailbox is read by others too); it opens the phase.
    const statusToken = (res.json() as { status: { token: string } }).status.token;
    expect(mail.text).not.toContain(statusToken);
    const st = await t.app.inject({ url: `/api/publiek/status/${statusToken}` });
    expect(st.json()).toMatchObject({ reference: r.reference, fase: 'ontvangen', berichten: [] });

    const confirmed = await t.app.inject({ method: 'POST', url: '/api/publiek/bevestigen', payload: { token }, remoteAddress: addr });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ reference: r.reference });
    const again = await t.app.inject({ method: 'POST', url: '/api/publiek/bevestigen', payload: { token }, remoteAddress: addr });
    expect(again.json()).toMatchObject({ bevestigdOp: (confirmed.json() as { bevestigdOp: string }).bevestigdOp });
    const after = (await t.app.inject({ url: `/api/meldingen/${m!.id}`, headers: beoordelaar.headers })).json() as { melder: { bevestigd?: boolean } };
    expect(after.melder.bevestigd).toBe(true);
    expect((await t.app.inject({ method: 'POST', url: '/api/publiek/bevestigen', payload: { token: 'x'.repeat(43) }, remoteAddress: addr })).statusCode).toBe(404);
    // A melding of another kanaal has no confirmation to show.
    const other = (await t.app.inject({ method: 'POST', url: '/api/meldingen', payload: meldingBody(), headers: partnerHeaders })).json() as { id: string };
    const plain = (await t.app.inject({ url: `/api/meldingen/${other.id}`, headers: beoordelaar.headers })).json() as { melder: { bevestigd?: boolean } | null; meldcode: unknown };
    expect(plain.melder?.bevestigd).toBeUndefined();
    expect(plain.meldcode).toBeNull();
  });

  it('leaves an unconfirmed melding marked as such, and expired links do nothing', async () => {
    const addr = nextIp();
    const r = (await send(body(await openedForm(addr), { melder: { naam: 'Meester Bas', organisatie: 'Kinderopvang Zon', sector: 'kinderopvang', telefoon: '0612345678', email: 'bas@opvang.example', anoniemNaarHuishouden: false } }), addr)).json() as { reference: string };
    const [m] = await t.db.handle.db.execute<{ id: string }>(sql`select id from meldingen where reference = ${r.reference}`);
    await t.db.handle.db.execute(sql`update melder_bevestigingen set expires_at = now() - interval '1 second' where melding_id = ${m!.id}`);
    const token = /#([A-Za-z0-9_-]+)/.exec(mails().find((x) => x.subject.includes(r.reference))!.text)![1]!;
    expect((await t.app.inject({ method: 'POST', url: '/api/publiek/bevestigen', payload: { token }, remoteAddress: addr })).statusCode).toBe(404);
    const view = (await t.app.inject({ url: `/api/meldingen/${m!.id}`, headers: beoordelaar.headers })).json() as { melder: { bevestigd?: boolean } };
    expect(view.melder.bevestigd).toBe(false);
  });

  it('creates nothing for a filled-in honeypot, yet answers as if it did', async () => {
    const addr = nextIp();
    const before = await count();
    const sent = mails().length;
    const res = await send(body(await openedForm(addr), { website: 'http://spam.example' }), addr);
    expect(res.statusCode).toBe(201);
    const r = res.json() as { reference: string; status: { token: string } };
    expect(r.reference).toMatch(/^M-\d{4}-\d{6}$/);
    expect(r.status.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await count()).toBe(before);
    expect(mails().length).toBe(sent);
    // Its status link looks like one and opens nothing.
    expect((await t.app.inject({ url: `/api/publiek/status/${r.status.token}` })).statusCode).toBe(404);
  });

  it('refuses a form sent at once, a forged or stale form token, and a missing reason why the family does not know', async () => {
    const addr = nextIp();
    const quick = await send(body(await formToken(addr)), addr);
    expect(quick.statusCode).toBe(400);
    expect(quick.json()).toMatchObject({ code: 'VALIDATION', details: [{ path: '/formulier' }] });
    const forged = await send(body(`${Date.now() - 60_000}.deadbeefdeadbeef`), addr);
    expect(forged.statusCode).toBe(400);
    const noReason = await send(body(await openedForm(addr), { waaromNiet: undefined }), addr);
    expect(noReason.statusCode).toBe(400);
    expect((noReason.json() as { details: { path: string }[] }).details.map((d) => d.path)).toEqual(['/waaromNiet']);
  });

  it('answers an oversized body with 413 before reading it', async () => {
    const addr = nextIp();
    const res = await send(body('x'.repeat(20), { gezien: 'a'.repeat(70 * 1024) }), addr);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('throttles a burst from one address (its hour’s allowance), and many meldingen from one e-mail address', async () => {
    const addr = nextIp();
    const token = await openedForm(addr);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await send(body(token, { melder: { naam: 'Burst', organisatie: 'Burst BV', sector: 'overig', telefoon: '0612345678', email: `burst${i}@example.org`, anoniemNaarHuishouden: false } }), addr)).statusCode);
    expect(statuses.slice(0, 6)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(statuses.slice(6)).toEqual([429, 429]);
    // Five a day from one e-mail address, whatever the address they come from.
    const email = { melder: { naam: 'Zelfde', organisatie: 'Zelfde school', sector: 'onderwijs', telefoon: '0612345678', email: 'zelfde@school.example', anoniemNaarHuishouden: false } };
    const fromEmail: number[] = [];
    for (let i = 0; i < 6; i++) {
      const a = nextIp();
      fromEmail.push((await send(body(token, email), a)).statusCode);
    }
    expect(fromEmail).toEqual([201, 201, 201, 201, 201, 429]);
    // Redis holds a keyed hash of the address, never the address itself.
    const keys = await t.redis.keys(`${t.prefix}:melden:adres:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toContain('zelfde');
  });
});
