// Free text at rest (issue #4): toelichting, samenvatting, reasons and the free text in the case history are sealed
// with DATA_ENCRYPTION_KEYS. A sentinel written through the API must come back through the API, and must appear in
// clear text nowhere else: not in a pg_dump of the database, not in Redis. The rotation command re-seals everything
// under a new key without changing what the API shows.
import { execFileSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCipher, newKeySpec, parseKeys, rotateKeys, useFieldCipher } from '@vt/db';
import { createTestApp, login, partnerHeaders, type TestContext } from '../support/app.ts';
import { TEST_DATA_KEYS, testCipher } from '../support/env.ts';
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

  it('re-seals everything under a new key with the rotation command, and the API shows the same text', async () => {
    const next = createCipher(parseKeys(`${newKeySpec('next')},${TEST_DATA_KEYS}`));
    const report = await rotateKeys(t.db.handle.db, next, { batchSize: 2 });
    expect(report.resealed).toBeGreaterThanOrEqual(6);
    const text = dump();
    expect(text).not.toContain('enc1:test:');
    expect(text).toContain('enc1:next:');
    expect(text).not.toContain(SENTINEL);
    // A second run finds nothing left to do.
    expect((await rotateKeys(t.db.handle.db, next, { batchSize: 2 })).resealed).toBe(0);
    // The app, now on the new key list, reads what it wrote before.
    useFieldCipher(next);
    const beoordelaar = await login(t.app, 'beoordelaar@demo.test');
    const read = (await t.app.inject({ url: `/api/meldingen/${meldingId}`, headers: beoordelaar.headers })).json() as { toelichting: string };
    expect(read.toelichting).toContain(`${SENTINEL} toelichting`);
  });
});
