// Pure helpers of the work queue, tested on their own.
export interface QueueItem {
  id: string;
  reference: string;
  band: 'P1' | 'P2' | 'P3' | 'P4' | null;
  dueAt: string;
  route: string | null;
  receivedAt?: string;
}

/** Time left to a deadline, in words staff read at a glance: "2 d 4 u", "3 u 10 min", "12 min". */
export function formatSpan(ms: number): string {
  const min = Math.floor(Math.abs(ms) / 60_000);
  const d = Math.floor(min / 1440);
  const h = Math.floor((min % 1440) / 60);
  const m = min % 60;
  if (d > 0) return `${d} d ${h} u`;
  if (h > 0) return `${h} u ${m} min`;
  return `${m} min`;
}

export function timeLeft(dueAt: string, now: number): { overdue: boolean; text: string } {
  const ms = new Date(dueAt).getTime() - now;
  return { overdue: ms < 0, text: formatSpan(ms) };
}

const rank = (b: QueueItem['band']) => (b ? Number(b.slice(1)) : 9);

/** Band first (P1 on top, untriaged last), then the earliest deadline: the same order as the server's. */
export function sortQueue<T extends QueueItem>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => rank(a.band) - rank(b.band) || a.dueAt.localeCompare(b.dueAt) || (a.receivedAt ?? '').localeCompare(b.receivedAt ?? ''));
}

/**
 * The list after a partial read: the cases asked for (`asked`) are replaced by what the server answered for them
 * (`fresh`); one asked for and not answered has left the queue (closed, moved to another team, no longer visible).
 */
export function patchQueue<T extends QueueItem>(items: readonly T[], asked: readonly string[], fresh: readonly T[]): T[] {
  const gone = new Set(asked);
  return sortQueue([...items.filter((i) => !gone.has(i.id)), ...fresh]);
}
