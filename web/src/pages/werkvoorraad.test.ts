import { describe, expect, it } from 'vitest';
import { formatSpan, sortQueue, timeLeft } from './werkvoorraad';

describe('werkvoorraad helpers', () => {
  it('sorts by band (P1 first, untriaged last), then by the earliest deadline', () => {
    const items = [
      { id: 'a', reference: 'A', band: 'P3' as const, dueAt: '2026-05-01T10:00:00Z', route: 'wijkteam' },
      { id: 'b', reference: 'B', band: null, dueAt: '2026-04-01T10:00:00Z', route: null },
      { id: 'c', reference: 'C', band: 'P1' as const, dueAt: '2026-05-02T10:00:00Z', route: 'crisisteam' },
      { id: 'd', reference: 'D', band: 'P3' as const, dueAt: '2026-04-20T10:00:00Z', route: 'mdo' },
    ];
    expect(sortQueue(items).map((i) => i.id)).toEqual(['c', 'd', 'a', 'b']);
  });

  it('marks overdue deadlines and says by how much', () => {
    const now = Date.parse('2026-05-04T12:00:00Z');
    expect(timeLeft('2026-05-04T10:30:00Z', now)).toEqual({ overdue: true, text: '1 u 30 min' });
    expect(timeLeft('2026-05-06T14:00:00Z', now)).toEqual({ overdue: false, text: '2 d 2 u' });
    expect(formatSpan(12 * 60_000)).toBe('12 min');
  });
});
