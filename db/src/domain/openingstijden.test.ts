import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amsterdamTime } from './calendar.ts';
import { describeOpeningstijden, isOpen, parseOpeningstijden } from './openingstijden.ts';

describe('the chat opening hours', () => {
  it('reads ranges, lists and several blocks', () => {
    expect(parseOpeningstijden('ma-vr 09:00-17:00; za,zo 10:00-14:00')).toEqual([
      { dagen: ['ma', 'di', 'wo', 'do', 'vr'], van: 540, tot: 1020 },
      { dagen: ['za', 'zo'], van: 600, tot: 840 },
    ]);
    expect(parseOpeningstijden('vr-ma 20:00-24:00')[0]!.dagen).toEqual(['vr', 'za', 'zo', 'ma']);
    expect(describeOpeningstijden(parseOpeningstijden('ma-vr 09:00-17:00'))).toEqual(['ma–vr 09:00–17:00']);
    expect(() => parseOpeningstijden('maandag 9-17')).toThrow(/Onbekende openingstijd/);
    expect(() => parseOpeningstijden('ma 17:00-09:00')).toThrow(/einde/);
  });

  it('is open on the Amsterdam clock, the end exclusive, in winter and in summer', () => {
    const b = parseOpeningstijden('ma-vr 09:00-17:00');
    // Monday 7 December 2026 (winter) and Monday 6 July 2026 (summer).
    for (const day of ['2026-12-07', '2026-07-06']) {
      expect(isOpen(b, amsterdamTime(day, 8, 59))).toBe(false);
      expect(isOpen(b, amsterdamTime(day, 9, 0))).toBe(true);
      expect(isOpen(b, amsterdamTime(day, 16, 59))).toBe(true);
      expect(isOpen(b, amsterdamTime(day, 17, 0))).toBe(false);
    }
    // Saturday 12 December 2026 is closed; 00:30 on a Tuesday too.
    expect(isOpen(b, amsterdamTime('2026-12-12', 12, 0))).toBe(false);
    expect(isOpen(b, amsterdamTime('2026-12-08', 0, 30))).toBe(false);
    const always = parseOpeningstijden('ma-zo 00:00-24:00');
    fc.assert(fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (d) => isOpen(always, d)));
  });
});
