// Every "today" of the web app is the Amsterdam date (issue #16), also between midnight and 01:00 (02:00 in summer),
// when the UTC date of the same instant is still yesterday.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { daysAgo, formatDate, fromAmsterdamLocal, startOfDay, toAmsterdamLocal, today } from './format';

afterEach(() => vi.useRealTimers());

describe('Amsterdam dates in the browser', () => {
  it('today() at 00:30 in winter and in summer is the Amsterdam date, not the UTC one', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-02T23:30:00Z')); // 00:30 on 3 December in Amsterdam (CET)
    expect(today()).toBe('2026-12-03');
    expect(daysAgo(30)).toBe('2026-11-03');
    vi.setSystemTime(new Date('2026-07-01T22:30:00Z')); // 00:30 on 2 July in Amsterdam (CEST)
    expect(today()).toBe('2026-07-02');
  });

  it('the start of an Amsterdam day is 23:00 or 22:00 UTC the day before, and a date is shown as it is', () => {
    expect(startOfDay('2026-12-03')).toBe('2026-12-02T23:00:00.000Z');
    expect(startOfDay('2026-07-02')).toBe('2026-07-01T22:00:00.000Z');
    expect(formatDate('2026-12-03')).toBe('3 dec 2026');
  });
});

describe('a moment on the Amsterdam clock (the acute response form)', () => {
  it('shows 00:30 in Amsterdam as that date and time, and reads it back as the same instant', () => {
    const at = new Date('2026-12-02T23:30:00Z');
    expect(toAmsterdamLocal(at)).toBe('2026-12-03T00:30');
    expect(fromAmsterdamLocal('2026-12-03T00:30')).toBe(at.toISOString());
    expect(toAmsterdamLocal(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02T00:30');
    expect(fromAmsterdamLocal('2026-07-02T00:30')).toBe('2026-07-01T22:30:00.000Z');
    expect(fromAmsterdamLocal('gisteren')).toBeNull();
  });
});
