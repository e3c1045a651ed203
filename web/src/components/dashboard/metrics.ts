// What the dashboard's parts share: a metric as the API sends it, the scope of a read, and how a value reads.
import type { paths } from '../../api/schema';

export type Metric = paths['/api/dashboard/wachtlijst']['get']['responses'][200]['content']['application/json']['metrics'][number];
/** The team and gemeente a read is narrowed to (none: the region). */
export interface Scope {
  team?: string;
  gemeente?: string;
}

export const isPct = (code: string) => code.endsWith('_pct');

/** A count, or a percentage ('–' when nothing was decided in the window). */
export const metricValue = (m: { code: string; count?: number; percent?: number | null }) =>
  isPct(m.code) ? (m.percent === null || m.percent === undefined ? '–' : `${m.percent}%`) : String(m.count ?? 0);
