import { describe, expect, it } from 'vitest';
import { WerkdagKalender } from './calendar.ts';
import { DEFAULT_KLOK_INSTELLINGEN, klokVan, stapTermijn } from './deadlines.ts';

const k = new WerkdagKalender();

describe('the clock of each step', () => {
  it('counts a step from the Amsterdam day it was entered, also at 00:30 (23:30 UTC the day before)', () => {
    // Thursday 3 December 2026, 00:30 in Amsterdam: 5 working days on is Thursday 10 December, end of day.
    const entered = new Date('2026-12-02T23:30:00Z');
    expect(stapTermijn('mdo', entered, k)?.toISOString()).toBe('2026-12-10T22:59:59.999Z');
    expect(stapTermijn('overdracht_acceptatie', entered, k)?.toISOString()).toBe('2026-12-10T22:59:59.999Z');
    // 10 working days skip two weekends; Christmas is not in reach yet.
    expect(stapTermijn('start_onderzoek', entered, k)?.toISOString()).toBe('2026-12-17T22:59:59.999Z');
  });

  it('skips the holidays of the Algemene termijnenwet and follows the regional setting', () => {
    // Wednesday 23 December 2026: Christmas (25th), Boxing Day (26th) and the weekend do not count.
    const entered = new Date('2026-12-23T10:00:00Z');
    expect(stapTermijn('mdo', entered, k)?.toISOString()).toBe('2026-12-31T22:59:59.999Z');
    expect(stapTermijn('mdo', entered, k, { ...DEFAULT_KLOK_INSTELLINGEN, mdoWerkdagen: 2 })?.toISOString()).toBe('2026-12-28T22:59:59.999Z');
  });

  it('gives the acute response 24 hours and leaves the clocks with their own rows to them', () => {
    const entered = new Date('2026-12-02T12:00:00Z');
    expect(stapTermijn('acute_reactie', entered, k)?.toISOString()).toBe('2026-12-03T12:00:00.000Z');
    expect(stapTermijn('onderzoek', entered, k)).toBeNull();
    expect(stapTermijn('controle', entered, k)).toBeNull();
  });

  it('names one clock per status', () => {
    expect(klokVan('triage_voorgesteld', { acuut: true, onderzoekGestart: false })).toBe('acute_reactie');
    expect(klokVan('ontvangen', { acuut: false, onderzoekGestart: false })).toBe('beoordeling');
    expect(klokVan('onderzoek', { acuut: false, onderzoekGestart: false })).toBe('start_onderzoek');
    expect(klokVan('onderzoek', { acuut: false, onderzoekGestart: true })).toBe('onderzoek');
    expect(klokVan('afgesloten', { acuut: false, onderzoekGestart: false })).toBeNull();
  });
});
