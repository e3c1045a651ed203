import { describe, expect, it } from 'vitest';
import { formatSpan, patchQueue, sortQueue, timeLeft } from './werkvoorraad';

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

  it('patches the list with the cases a live event named: replaced, added, or gone', () => {
    const item = (id: string, band: 'P1' | 'P2' | 'P3' | null, dueAt: string) => ({ id, reference: id.toUpperCase(), band, dueAt, route: null });
    const list = [item('a', 'P2', '2026-05-01T10:00:00Z'), item('b', null, '2026-05-01T09:00:00Z'), item('c', 'P3', '2026-05-01T08:00:00Z')];
    // b was triaged P1, c left the queue, d is new; a was not named and stays as it was.
    const patched = patchQueue(list, ['b', 'c', 'd'], [item('b', 'P1', '2026-05-01T09:00:00Z'), item('d', 'P3', '2026-05-02T08:00:00Z')]);
    expect(patched.map((i) => `${i.id}:${i.band}`)).toEqual(['b:P1', 'a:P2', 'd:P3']);
    expect(patchQueue(list, [], [])).toEqual(sortQueue(list));
  });
});
