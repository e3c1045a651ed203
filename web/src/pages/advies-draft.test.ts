import { describe, expect, it } from 'vitest';
import { emptyAdvies, formatDuration, toAdviesBody } from './advies-draft';

describe('advies draft', () => {
  it('starts anonymous', () => {
    expect(emptyAdvies().anoniem).toBe(true);
  });

  it('sends nothing about the vrager when anonymous, and only filled fields otherwise', () => {
    const d = { ...emptyAdvies(), samenvatting: ' vraag ', adviesGegeven: 'advies', vrager: { naam: 'Jan', telefoon: '', email: '', organisatie: '' } };
    expect(toAdviesBody(d, new Date())).not.toHaveProperty('vrager');
    expect(toAdviesBody({ ...d, anoniem: false }, new Date()).vrager).toEqual({ naam: 'Jan' });
    expect(toAdviesBody(d, new Date()).samenvatting).toBe('vraag');
  });

  it('keeps the sector only for professionals', () => {
    const d = { ...emptyAdvies(), sector: 'onderwijs' as const, samenvatting: 'x', adviesGegeven: 'y' };
    expect(toAdviesBody(d, new Date())).not.toHaveProperty('sector');
    expect(toAdviesBody({ ...d, vragerType: 'professional' }, new Date()).sector).toBe('onderwijs');
  });

  it('formats the call timer', () => {
    expect(formatDuration(65_000)).toBe('01:05');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
  });
});
