// Row-level security as the second line for the wijkteam boundary (issue #4, acceptance 2): even with the
// application's own checks out of the way (repositories called directly), Postgres shows an Enschede wijkteam
// nothing of a Hengelo case; and the API paths that run under it still work for the wijkteam.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterWijkteamScope, findMeldingDetail, listHistorie, listOverdrachten } from '@vt/db';
import { createTestApp, login, partnerHeaders, type Session, type TestContext } from '../support/app.ts';
import { meldingBody } from '../support/fixtures.ts';

let t: TestContext;
let beoordelaar: Session;
let enschedeCase = '';
let hengeloCase = '';

async function handedOverTo(gemeente: string, plaats: string) {
  const body = meldingBody({ huishouden: { adres: { straat: 'Grensweg', huisnummer: '1', postcode: '7550 AA', plaats }, gemeente } });
  const { id } = (await t.app.inject({ method: 'POST', url: '/api/meldingen', payload: body, headers: partnerHeaders })).json() as { id: string };
  const res = await t.app.inject({ method: 'POST', url: `/api/meldingen/${id}/beoordeling`, headers: beoordelaar.headers, payload: { route: 'wijkteam', band: 'P3', reason: 'Gezin werkt mee.' } });
  expect(res.statusCode).toBe(200);
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  beoordelaar = await login(t.app, 'beoordelaar@demo.test');
  enschedeCase = await handedOverTo('GM0153', 'Enschede');
  hengeloCase = await handedOverTo('GM0164', 'Hengelo');
});
afterAll(() => t.close());

/** Runs `fn` in a transaction under the wijkteam scope of `gemeente`, then rolls back. */
async function asWijkteam<T>(gemeente: string, fn: (tx: Parameters<Parameters<typeof t.db.handle.db.transaction>[0]>[0]) => Promise<T>): Promise<T> {
  let out: T;
  await t.db.handle.db
    .transaction(async (tx) => {
      await enterWijkteamScope(tx, gemeente);
      out = await fn(tx);
      throw new Error('rollback');
    })
    .catch((e: Error) => {
      if (e.message !== 'rollback') throw e;
    });
  return out!;
}

describe('row-level security for the wijkteam', () => {
  it('hides another gemeente’s case from the repositories themselves', async () => {
    expect(await asWijkteam('GM0153', (tx) => findMeldingDetail(tx, hengeloCase))).toBeUndefined();
    expect(await asWijkteam('GM0153', (tx) => listHistorie(tx, hengeloCase))).toEqual([]);
    const detail = await asWijkteam('GM0153', (tx) => findMeldingDetail(tx, enschedeCase));
    expect(detail?.melding.id).toBe(enschedeCase);
    // listOverdrachten without its gemeente filter, for a reader who may see every case, still returns Enschede's only.
    const all = await asWijkteam('GM0153', (tx) => listOverdrachten(tx, { gemeente: null, readableBy: { type: 'user', id: '00000000-0000-4000-8000-000000000000', roles: ['chef_van_de_dag'], teamId: null, gemeente: null } }));
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((o) => o.gemeente === 'GM0153')).toBe(true);
    // Raw SQL over every table the policy covers: nothing of Hengelo.
    const counts = await asWijkteam('GM0153', async (tx) => {
      const [row] = await tx.execute<Record<string, number>>(sql`
        select (select count(*)::int from meldingen where id = ${hengeloCase}) as meldingen,
               (select count(*)::int from betrokkenen where melding_id = ${hengeloCase}) as betrokkenen,
               (select count(*)::int from melding_events where melding_id = ${hengeloCase}) as events,
               (select count(*)::int from beoordelingen where melding_id = ${hengeloCase}) as beoordelingen,
               (select count(*)::int from overdrachten where melding_id = ${hengeloCase}) as overdrachten`);
      return row!;
    });
    expect(counts).toEqual({ meldingen: 0, betrokkenen: 0, events: 0, beoordelingen: 0, overdrachten: 0 });
  });

  it('cannot write case data under the wijkteam scope, nor read the users table', async () => {
    await expect(asWijkteam('GM0153', (tx) => tx.execute(sql`update meldingen set toelichting = '' where id = ${enschedeCase}`))).rejects.toThrow();
    await expect(asWijkteam('GM0153', (tx) => tx.execute(sql`select password_hash from users limit 1`))).rejects.toThrow();
  });

  it('sees nothing without a gemeente', async () => {
    expect(await asWijkteam('', (tx) => findMeldingDetail(tx, enschedeCase))).toBeUndefined();
  });

  it('keeps the wijkteam’s API paths working under it (case read, history, inbox), each read audited', async () => {
    const enschede = await login(t.app, 'wijkteam.enschede@demo.test');
    expect((await t.app.inject({ url: `/api/meldingen/${enschedeCase}`, headers: enschede.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/meldingen/${enschedeCase}/historie`, headers: enschede.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/meldingen/${hengeloCase}`, headers: enschede.headers })).statusCode).toBe(404);
    const inbox = (await t.app.inject({ url: '/api/overdrachten', headers: enschede.headers })).json() as { items: { meldingId: string }[] };
    expect(inbox.items.map((i) => i.meldingId)).toEqual([enschedeCase]);
    const [audit] = await t.db.handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where actor_id = ${enschede.userId} and subject_id = ${enschedeCase} and action = 'read' and subject_type = 'melding'`,
    );
    expect(audit!.n).toBe(1);
  });

  it('sends the Enschede wijkteam live events about its own handovers only, and no gemeente in them', async () => {
    const enschede = await login(t.app, 'wijkteam.enschede@demo.test');
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    const res = await fetch(`${address}/api/events`, { headers: { cookie: enschede.cookie }, signal: controller.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let text = '';
    const pump = (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        text += new TextDecoder().decode(value);
      }
    })();
    const hengelo = await handedOverTo('GM0164', 'Hengelo');
    const own = await handedOverTo('GM0153', 'Enschede');
    const deadline = Date.now() + 5000;
    while (!text.includes(own) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    await pump;
    expect(text).toContain(own);
    expect(text).not.toContain(hengelo);
    expect(text).not.toContain('GM0153');
  });
});
