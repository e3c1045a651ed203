// The history generator (issue #7) on a small scale: two years of Twente volume, the mixes the issue names, the
// report triggers back on afterwards, and the half-year report from day counts equal to a count from the rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { halfjaar, useFieldCipher } from '@vt/db';
import { generateHistory } from '@vt/db/generate';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { testCipher } from '../support/env.ts';

let db: TestDatabase;
beforeAll(async () => {
  useFieldCipher(testCipher);
  db = await createTestDatabase();
});
afterAll(() => db.drop());

describe('generateHistory', () => {
  it('fills two years at Twente volume, leaves the report triggers on, and the reports count it right', async () => {
    const now = new Date('2026-11-15T12:00:00Z');
    const r = await generateHistory(db.handle.sql, { years: 2, scale: 'twente', now });
    expect(r.meldingen).toBe(8_400);
    expect(r.adviezen).toBe(5_800);
    const [counts] = await db.handle.sql<{ m: number; a: number; prof: number }[]>`
      select (select count(*)::int from meldingen where reference like 'G-%') as m,
             (select count(*)::int from adviezen where reference like 'G-%') as a,
             (select count(*)::int from meldingen where reference like 'G-%' and melder_type = 'professional') as prof`;
    expect(counts).toMatchObject({ m: 8_400, a: 5_800 });
    // Most meldingen come from professionals (domain.md: about 85%).
    expect(counts!.prof / counts!.m).toBeGreaterThan(0.7);
    const triggers = await db.handle.sql<{ tgname: string; tgenabled: string }[]>`select tgname, tgenabled from pg_trigger where tgname like 'rapportage_%'`;
    expect(triggers.length).toBe(15);
    expect(triggers.every((t) => t.tgenabled === 'O')).toBe(true);

    // The half-year from stored day counts equals the rows, category by category.
    const report = await halfjaar(db.handle.db, 2025, 2);
    const got = Object.fromEntries(report.rijen.filter((x) => x.categorie.startsWith('meldingen_') || x.categorie.startsWith('adviezen_')).map((x) => [`${x.categorie}:${x.code}`, x.aantal]));
    const rows = await db.handle.sql<{ k: string; n: number }[]>`
      with m as (select * from meldingen where received_at >= '2025-07-01T00:00:00+02:00' and received_at < '2026-01-01T00:00:00+01:00'),
           a as (select * from adviezen where started_at >= '2025-07-01T00:00:00+02:00' and started_at < '2026-01-01T00:00:00+01:00')
      select 'meldingen_totaal:totaal' as k, count(*)::int as n from m
      union all select 'meldingen_melder:' || melder_type::text || coalesce('_' || melder_rol::text, ''), count(*)::int from m group by 1
      union all select 'meldingen_sector:' || coalesce(melder_sector::text, 'geen'), count(*)::int from m where melder_type = 'professional' group by 1
      union all select 'meldingen_geweldsvorm:' || g::text, count(*)::int from m, unnest(geweldsvormen) g group by 1
      union all select 'adviezen_totaal:totaal', count(*)::int from a
      union all select 'adviezen_vrager:' || vrager_type::text, count(*)::int from a group by 1
      union all select 'adviezen_sector:' || coalesce(sector::text, 'geen'), count(*)::int from a where vrager_type = 'professional' group by 1`;
    expect(got).toEqual(Object.fromEntries(rows.map((x) => [x.k, x.n])));
    expect(got['meldingen_totaal:totaal']).toBeGreaterThan(1_500);
  }, 120_000);
});
