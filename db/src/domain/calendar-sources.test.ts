// The Atw calendar against an independent source: the date-holidays package's Dutch public and school days, which
// list the days of Algemene termijnenwet art. 3 lid 1 (Koninginnedag/Koningsdag included) and lid 2 (Goede Vrijdag,
// a "school" day there, as is Bevrijdingsdag). Over 1990–2100 the two agree on every weekday except the days the
// government declared under lid 3, which only this calendar knows (DEFAULT_EXTRA_NIET_WERKDAGEN).
import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXTRA_NIET_WERKDAGEN, dayOfWeek, WerkdagKalender } from './calendar.ts';

const kalender = new WerkdagKalender();
const nl = new Holidays('NL');

function independent(year: number): Set<string> {
  return new Set(
    nl
      .getHolidays(year)
      .filter((h) => h.type === 'public' || h.type === 'school')
      .map((h) => h.date.slice(0, 10))
      .filter((d) => dayOfWeek(d) < 6),
  );
}

describe('the Atw calendar, 1990–2100, against date-holidays (NL public + school days)', () => {
  it('agrees on every weekday holiday; the only differences are the declared days of lid 3', () => {
    const onlyOurs: string[] = [];
    const onlyTheirs: string[] = [];
    for (let year = 1990; year <= 2100; year++) {
      const theirs = independent(year);
      const ours = new Set(kalender.weekdagFeestdagen(year, year));
      for (const d of ours) if (!theirs.has(d)) onlyOurs.push(d);
      for (const d of theirs) if (!ours.has(d)) onlyTheirs.push(d);
    }
    expect(onlyTheirs).toEqual([]);
    expect(onlyOurs).toEqual(DEFAULT_EXTRA_NIET_WERKDAGEN.map((d) => d.datum));
  });

  it('counts the weekday holidays of every year the same way (a check that the comparison sees something)', () => {
    let total = 0;
    for (let year = 1990; year <= 2100; year++) total += independent(year).size;
    // Ten Atw days a year, minus those on a weekend: on average about 7.9 weekday holidays a year.
    expect(total).toBeGreaterThan(111 * 7);
  });
});
