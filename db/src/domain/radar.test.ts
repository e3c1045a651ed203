import { describe, expect, it } from 'vitest';
import { isDutchPostcode, normaliseHuisnummer, normaliseNaam, normalisePostcode, radarWindow } from './radar.ts';

describe('address normalisation', () => {
  it('normalises postcode and huisnummer as domain.md says', () => {
    expect(normalisePostcode(' 7511 ab ')).toBe('7511AB');
    expect(normalisePostcode('7511AB')).toBe('7511AB');
    expect(normaliseHuisnummer('12 A')).toBe('12a');
    expect(normaliseHuisnummer(' 12-bis ')).toBe('12-bis');
    expect(normaliseNaam('  Van Dijk ')).toBe('van dijk');
  });

  it('recognises Dutch postcodes', () => {
    expect(isDutchPostcode('7511 AB')).toBe(true);
    expect(isDutchPostcode('7511ab')).toBe(true);
    expect(isDutchPostcode('0511 AB')).toBe(false);
    expect(isDutchPostcode('7511 SS')).toBe(false);
    expect(isDutchPostcode('75111 AB')).toBe(false);
  });
});

describe('radar window', () => {
  it('runs from the same moment 24 months earlier up to the receipt', () => {
    const r = new Date('2026-06-15T10:00:00+02:00');
    expect(radarWindow(r)).toEqual({ from: new Date('2024-06-15T10:00:00+02:00'), to: r });
  });

  it('keeps the Amsterdam wall-clock time across daylight saving time', () => {
    // 29 March 2026 12:00 is summer time; 29 March 2024 12:00 was still winter time.
    expect(radarWindow(new Date('2026-03-29T12:00:00+02:00')).from.toISOString()).toBe('2024-03-29T11:00:00.000Z');
  });

  it('falls back from 29 February to 28 February', () => {
    expect(radarWindow(new Date('2028-02-29T09:00:00+01:00')).from.toISOString()).toBe('2026-02-28T08:00:00.000Z');
  });
});
