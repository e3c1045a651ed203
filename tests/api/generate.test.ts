// The history generator (issue #7) on a small scale: two years of Twente volume, the mixes the issue names, the
// report triggers back on afterwards, and the CBS delivery from day counts equal to a count from the rows, its totals
// tied together and the region the sum of its gemeenten (issue #18).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { halfjaar, useFieldCipher } from '@vt/db';
import { generateHistory } from '@vt/db/generate';
import { twenteGemeenten } from '@vt/db/domain';
import { cel, expectConsistent, expectRegionIsSumOfGemeenten } from '../support/cbs.ts';
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

    // The half-year from stored day counts equals the rows, cell by cell, and its totals tie together.
    const report = await halfjaar(db.handle.db, 2025, 2, { now });
    expectConsistent(report.rijen);
    const cell = (tabel: string, categorie: string, eenheid = 'meldingen') => cel(report.rijen, tabel, categorie, eenheid);
    const [raw] = await db.handle.sql<Record<string, number>[]>`
      with m as (select * from meldingen where received_at >= '2025-07-01T00:00:00+02:00' and received_at < '2026-01-01T00:00:00+01:00'),
           a as (select * from adviezen where started_at >= '2025-07-01T00:00:00+02:00' and started_at < '2026-01-01T00:00:00+01:00')
      select (select count(*)::int from m) as meldingen, (select count(*)::int from m where melder_type = 'professional') as beroepsmatig,
             (select count(*)::int from m where melder_sector = 'politie') as politie, (select count(*)::int from m where melder_duur_geweld is null) as duur_onbekend,
             (select count(*)::int from m where geweldsvormen && '{partnergeweld,ex_partnergeweld}') as partner,
             (select count(*)::int from m where eerdere_betrokkenheid::text like 'hermelding%') as hermelding,
             (select count(*)::int from a) as adviezen, (select count(*)::int from a where vrager_type = 'professional') as advies_beroepsmatig`;
    expect({
      meldingen: cell('84849NED', 'totaal'), beroepsmatig: cell('84849NED', 'beroepsmatig'), politie: cell('84849NED', 'org_jenv_politie'),
      duur_onbekend: cell('84849NED', 'duur_onbekend'), partner: cell('84850NED', 'partnergeweld/totaal'), hermelding: cell('85361NED', 'hermelding'),
      adviezen: cell('84849NED', 'totaal', 'adviezen'), advies_beroepsmatig: cell('84849NED', 'beroepsmatig', 'adviezen'),
    }).toEqual(raw);
    expect(cell('84849NED', 'totaal')).toBeGreaterThan(1_500);
    // The region is the sum of its gemeenten.
    const perGemeente = await Promise.all(twenteGemeenten.map((g) => halfjaar(db.handle.db, 2025, 2, { now, gemeente: g.code })));
    expect(expectRegionIsSumOfGemeenten(report.rijen, perGemeente.map((p) => p.rijen))).toBeGreaterThan(300);
  }, 120_000);
});
