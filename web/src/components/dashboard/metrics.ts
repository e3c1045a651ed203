// What the dashboard's parts share: a metric as the API sends it, the scope of a read, and how a value reads.
import type { paths } from '../../api/schema';

export type Metric = paths['/api/dashboard/wachtlijst']['get']['responses'][200]['content']['application/json']['metrics'][number];
/** The team and gemeente a read is narrowed to (none: the region). */
export interface Scope {
  team?: string;
  gemeente?: string;
}

export const isPct = (code: string) => code.endsWith('_pct');

const pct = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });
const count = new Intl.NumberFormat('nl-NL');

/** A count ("1.234"), or a percentage in Dutch ("85,7%"; '–' when nothing was decided in the window). */
export const metricValue = (m: { code: string; count?: number; percent?: number | null }) =>
  isPct(m.code) ? (m.percent === null || m.percent === undefined ? '–' : pct.format(m.percent / 100)) : count.format(m.count ?? 0);
