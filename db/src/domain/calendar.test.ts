import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, amsterdamDate, amsterdamEndOfDay, amsterdamStartOfDay, dayOfWeek, DEFAULT_EXTRA_NIET_WERKDAGEN, easterSunday, feestdagen, WerkdagKalender } from './calendar.ts';
import { berekenDeadlines, monitoringCheckpoints, onderzoekDueDate, thvEindigtOp, thvLaatsteVerlenging } from './deadlines.ts';

const kalender = new WerkdagKalender();
// eslint-disable-next-line no-restricted-syntax -- arbitrary calendar dates, not a moment's date
const dates = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('feestdagen (Algemene termijnenwet art. 3)', () => {
  it('knows Easter', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('lists the 2026 holidays', () => {
    expect(feestdagen(2026).map(({ datum, naam }) => ({ datum, naam }))).toEqual([
      { datum: '2026-01-01', naam: 'Nieuwjaarsdag' },
      { datum: '2026-04-03', naam: 'Goede Vrijdag' },
      { datum: '2026-04-06', naam: 'Tweede Paasdag' },
      { datum: '2026-04-27', naam: 'Koningsdag' },
      { datum: '2026-05-05', naam: 'Bevrijdingsdag' },
      { datum: '2026-05-14', naam: 'Hemelvaartsdag' },
      { datum: '2026-05-25', naam: 'Tweede Pinksterdag' },
      { datum: '2026-12-25', naam: 'Eerste Kerstdag' },
      { datum: '2026-12-26', naam: 'Tweede Kerstdag' },
    ]);
  });

  it('moves Koningsdag to 26 April when 27 April is a Sunday', () => {
    expect(dayOfWeek('2025-04-27')).toBe(7);
    expect(kalender.nietWerkdag('2025-04-26')).toBe('zaterdag');
    expect(feestdagen(2025).find((f) => f.naam === 'Koningsdag')?.datum).toBe('2025-04-26');
    expect(feestdagen(2031).find((f) => f.naam === 'Koningsdag')?.datum).toBe('2031-04-26');
  });

  it('counts 5 mei every year, not once in five', () => {
    expect(kalender.nietWerkdag('2026-05-05')).toBe('Bevrijdingsdag');
    expect(kalender.nietWerkdag('2027-05-05')).toBe('Bevrijdingsdag');
  });

  it('includes the days the government declared equal, and an administrator can add more', () => {
    expect(kalender.nietWerkdag('2026-01-02')).toBe('Vrijdag na Nieuwjaarsdag');
    expect(kalender.nietWerkdag('2026-05-15')).toMatch(/Hemelvaartsdag/);
    // 7 May 2027 was declared by the Besluit gelijkstelling of 2026–2028 and ships with the calendar.
    expect(kalender.isWerkdag('2027-05-07')).toBe(false);
    const extended = new WerkdagKalender([{ datum: '2029-05-11', omschrijving: 'Vrijdag na Hemelvaart' }]);
    expect(extended.isWerkdag('2029-05-11')).toBe(false);
    expect(kalender.isWerkdag('2029-05-11')).toBe(true);
  });

  it('ships every day declared under lid 3 for 2023–2028, each naming its besluit', () => {
    const declared = ['2023-04-28', '2023-05-19', '2024-05-10', '2024-12-27', '2025-05-30', '2026-01-02', '2026-05-15', '2027-05-07', '2028-04-28', '2028-05-26'];
    expect(DEFAULT_EXTRA_NIET_WERKDAGEN.map((d) => d.datum)).toEqual(declared);
    for (const d of declared) expect(kalender.isWerkdag(d)).toBe(false);
    for (const d of DEFAULT_EXTRA_NIET_WERKDAGEN) {
      expect(d.besluit).toMatch(/^Besluit gelijkstelling van /);
      expect(d.besluit).toContain(`${Number(d.datum.slice(8))} `);
    }
  });

  it('celebrates the Queen before 2014: Koninginnedag 30 April, 29 April when the 30th is a Sunday', () => {
    expect(feestdagen(2013).find((f) => f.naam === 'Koninginnedag')?.datum).toBe('2013-04-30');
    expect(feestdagen(2006).find((f) => f.naam === 'Koninginnedag')?.datum).toBe('2006-04-29');
    expect(kalender.isWerkdag('2013-04-30')).toBe(false);
    // Koningsdag's rule does not reach back: 27 April 2012 was a working Friday.
    expect(kalender.isWerkdag('2012-04-27')).toBe(true);
    expect(feestdagen(2013).some((f) => f.naam === 'Koningsdag')).toBe(false);
  });

  it('counts a melding received on Friday 30 April 2027 to Wednesday 12 May 2027', () => {
    // 5 mei (Bevrijdingsdag), Hemelvaartsdag 6 mei and the declared Friday 7 mei do not count.
    expect(kalender.addWerkdagen('2027-04-30', 5)).toBe('2027-05-12');
    expect(berekenDeadlines(new Date('2027-04-30T10:00:00+02:00'), null, kalender).beoordelingDueDate).toBe('2027-05-12');
  });
});

describe('working days', () => {
  it('gives the example of domain.md: Friday 24 April 2026 → Monday 4 May 2026', () => {
    expect(kalender.addWerkdagen('2026-04-24', 5)).toBe('2026-05-04');
    for (const t of ['2026-04-24T00:00:00+02:00', '2026-04-24T12:00:00+02:00', '2026-04-24T23:59:59+02:00']) {
      const d = berekenDeadlines(new Date(t), null, kalender);
      expect(d.beoordelingDueDate).toBe('2026-05-04');
      expect(d.beoordelingDueAt.toISOString()).toBe('2026-05-04T21:59:59.999Z');
      expect(d.responseDueAt).toBeNull();
    }
  });

  it('takes the Amsterdam date of receipt, not the UTC date', () => {
    // 23:30 UTC on Thursday 23 April is already Friday in Amsterdam.
    expect(berekenDeadlines(new Date('2026-04-23T23:30:00Z'), null, kalender).beoordelingDueDate).toBe('2026-05-04');
    expect(berekenDeadlines(new Date('2026-04-23T21:30:00Z'), null, kalender).beoordelingDueDate).toBe('2026-05-01');
  });

  it('gives acute meldingen a response deadline of 24 hours', () => {
    const r = new Date('2026-03-28T22:00:00Z');
    expect(berekenDeadlines(r, 'acuut', kalender).responseDueAt?.toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('skips Christmas and New Year', () => {
    expect(kalender.addWerkdagen('2026-12-24', 5)).toBe('2027-01-04');
    expect(kalender.werkdagenTussen('2026-12-24', '2027-01-04')).toBe(5);
  });

  it('never lands on a weekend or holiday', () => {
    fc.assert(fc.property(dates, fc.integer({ min: 0, max: 40 }), (d, n) => kalender.isWerkdag(kalender.addWerkdagen(d, n))));
  });

  it('is monotonic in n and in the start date', () => {
    // From n = 1 strictly increasing (n = 0 means "this day or the next working day", which can equal n = 1).
    fc.assert(fc.property(dates, fc.integer({ min: 1, max: 30 }), (d, n) => kalender.addWerkdagen(d, n + 1) > kalender.addWerkdagen(d, n)));
    fc.assert(fc.property(dates, (d) => kalender.addWerkdagen(d, 1) >= kalender.addWerkdagen(d, 0)));
    fc.assert(fc.property(dates, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 10 }), (d, n, k) => kalender.addWerkdagen(addDays(d, k), n) >= kalender.addWerkdagen(d, n)));
  });

  it('counts back what it added', () => {
    fc.assert(fc.property(dates, fc.integer({ min: 1, max: 30 }), (d, n) => kalender.werkdagenTussen(d, kalender.addWerkdagen(d, n)) === n));
  });

  it('puts the beoordeling deadline on a working day after the day of receipt, at its end', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (t) => {
        const d = berekenDeadlines(t, null, kalender);
        const received = amsterdamDate(t);
        return (
          kalender.isWerkdag(d.beoordelingDueDate) &&
          d.beoordelingDueDate > received &&
          kalender.werkdagenTussen(received, d.beoordelingDueDate) === 5 &&
          amsterdamDate(d.beoordelingDueAt) === d.beoordelingDueDate &&
          amsterdamDate(new Date(d.beoordelingDueAt.getTime() + 1)) === addDays(d.beoordelingDueDate, 1)
        );
      }),
    );
  });
});

describe('Amsterdam days across daylight saving time', () => {
  it('has 23 hours on the spring change and 25 on the autumn change', () => {
    expect(amsterdamEndOfDay('2026-03-29').getTime() + 1 - amsterdamStartOfDay('2026-03-29').getTime()).toBe(23 * 3600_000);
    expect(amsterdamEndOfDay('2026-10-25').getTime() + 1 - amsterdamStartOfDay('2026-10-25').getTime()).toBe(25 * 3600_000);
    expect(amsterdamStartOfDay('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(amsterdamStartOfDay('2026-01-01').toISOString()).toBe('2025-12-31T23:00:00.000Z');
  });

  it('maps every instant of a day back to that day', () => {
    fc.assert(fc.property(dates, fc.integer({ min: 0, max: 86_399_999 }), (d, ms) => {
      const start = amsterdamStartOfDay(d).getTime();
      const end = amsterdamEndOfDay(d).getTime();
      const t = Math.min(start + ms, end);
      return amsterdamDate(new Date(t)) === d;
    }));
  });
});

describe('other clocks', () => {
  it('gives an onderzoek 10 weeks, including over DST changes', () => {
    expect(onderzoekDueDate('2026-03-02')).toBe('2026-05-11');
    expect(onderzoekDueDate('2026-09-01')).toBe('2026-11-10');
  });

  it('gives the THV its 10 days and at most 28', () => {
    expect(thvEindigtOp('2026-06-01')).toBe('2026-06-11');
    expect(thvLaatsteVerlenging('2026-06-01')).toBe('2026-06-29');
  });

  it('plans monitoring at +3, +6 and +12 months, clamping to the month end', () => {
    expect(monitoringCheckpoints('2026-11-30')).toEqual(['2027-02-28', '2027-05-30', '2027-11-30']);
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(monitoringCheckpoints('2026-01-15', [1])).toEqual(['2026-02-15']);
  });
});
