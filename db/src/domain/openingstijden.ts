// The web chat's opening hours (issue #21) as the organisation writes them: `ma-vr 09:00-17:00`, several blocks
// separated by `;` (`ma-vr 09:00-17:00; za 10:00-14:00`), `ma-zo 00:00-24:00` for day and night. Read on the
// Amsterdam clock; a block's end is exclusive.
import { amsterdamClock } from './calendar.ts';

const DAGEN = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const;
export type Dag = (typeof DAGEN)[number];

/** The chat's hours when the organisation sets none (domain.md: chat mostly 09:00–17:00 on working days). */
export const STANDAARD_OPENINGSTIJDEN = 'ma-vr 09:00-17:00';

export interface OpeningsBlok {
  dagen: Dag[];
  /** Minutes after midnight: from (inclusive) and until (exclusive). */
  van: number;
  tot: number;
}

const BLOCK = /^(ma|di|wo|do|vr|za|zo)(?:-(ma|di|wo|do|vr|za|zo))?((?:,(?:ma|di|wo|do|vr|za|zo))*) ([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

/** Parses `ma-vr 09:00-17:00; za 10:00-14:00`; throws on anything else. */
export function parseOpeningstijden(text: string): OpeningsBlok[] {
  return text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const m = BLOCK.exec(part);
      if (!m) throw new Error(`Onbekende openingstijd: "${part}" (schrijf bijvoorbeeld "ma-vr 09:00-17:00").`);
      const [, from, to, extra, vh, vm, th, tm] = m;
      const start = DAGEN.indexOf(from as Dag);
      const end = to ? DAGEN.indexOf(to as Dag) : start;
      const dagen: Dag[] = [];
      for (let i = start; ; i = (i + 1) % 7) {
        dagen.push(DAGEN[i]!);
        if (i === end) break;
      }
      for (const d of (extra ?? '').split(',').filter(Boolean)) if (!dagen.includes(d as Dag)) dagen.push(d as Dag);
      const van = Number(vh) * 60 + Number(vm);
      const tot = Number(th) * 60 + Number(tm);
      if (tot <= van || tot > 24 * 60) throw new Error(`Openingstijd "${part}": het einde ligt niet na het begin.`);
      return { dagen, van, tot };
    });
}

/** The Amsterdam weekday of an instant, as the blocks name it. */
function dagVan(instant: Date): Dag {
  const { date } = amsterdamClock(instant);
  // 2024-01-01 was a Monday.
  const days = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse('2024-01-01T00:00:00Z')) / 86_400_000);
  return DAGEN[((days % 7) + 7) % 7]!;
}

/** Whether the chat is open at `instant`. */
export function isOpen(blokken: readonly OpeningsBlok[], instant: Date): boolean {
  const c = amsterdamClock(instant);
  const minute = c.hours * 60 + c.minutes;
  const dag = dagVan(instant);
  return blokken.some((b) => b.dagen.includes(dag) && minute >= b.van && minute < b.tot);
}

/** Minutes after midnight as the clock reads them: 510 → `08:30`. */
export const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
/** `08:30` → 510. */
export const minuutVan = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
/** The blocks as people read them: `ma–vr 09:00–17:00`. */
export function describeOpeningstijden(blokken: readonly OpeningsBlok[]): string[] {
  return blokken.map((b) => `${b.dagen.length > 2 && DAGEN.indexOf(b.dagen.at(-1)!) - DAGEN.indexOf(b.dagen[0]!) === b.dagen.length - 1 ? `${b.dagen[0]}–${b.dagen.at(-1)}` : b.dagen.join(', ')} ${hhmm(b.van)}–${hhmm(b.tot)}`);
}
