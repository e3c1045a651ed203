// Several Veilig Thuis regions on one deployment (issue #19, db/docs/multi-region.md). Every query of the API runs as
// the role vt_app with `vt.regio` set to the caller's region, and the restrictive policies of
// db/src/schema/row-security.ts then show and accept only that region's cases, whatever the query asks.
//
// Each region has its own small pool whose connections carry `role=vt_app` and `vt.regio=<code>` from the start, so
// no query can run in a region without them, and the request's region picks the pool (an AsyncLocalStorage store,
// set once the caller is known). Outside any region (a session lookup, the sign-in) the queries go to a pool of
// vt_app without a region: it sees accounts and sessions, and no case at all. A forgotten path fails closed.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createDb, type Db, type DbHandle, type DbOptions } from './client.ts';

/** The national list's code of a region: the number of the veiligheidsregio the organisation serves (01–25). */
export const REGIO_PATTERN = /^(0[1-9]|1\d|2[0-5])$/;

/** The region of one piece of work (a request, a job), set once it is known. */
export class RegioScope {
  constructor(public regio: string | null = null) {}
  /** Runs `fn`, and everything it starts, in this scope. */
  run<T>(fn: () => T): T {
    return storage.run(this, fn);
  }
}

const storage = new AsyncLocalStorage<RegioScope>();

/** The region of the work in progress: null outside a region (or on a deployment of one region). */
export function currentRegio(): string | null {
  return storage.getStore()?.regio ?? null;
}

/** Runs `fn` in `regio` (null: outside any region). */
export function runInRegio<T>(regio: string | null, fn: () => T): T {
  return new RegioScope(regio).run(fn);
}

export interface RegionalDbHandle extends DbHandle {
  readonly regios: readonly string[];
}

/**
 * One database handle for several regions: `db` sends each query to the pool of the current region
 * (currentRegio()); `sql` (LISTEN, health) is the pool without a region. `options.max` is per region.
 */
export function createRegionalDb(url: string, regios: readonly string[], options: DbOptions = {}): RegionalDbHandle {
  for (const r of regios) if (!REGIO_PATTERN.test(r)) throw new Error(`Unknown region code: ${r}`);
  const base = createDb(url, { ...options, parameters: { ...options.parameters, role: 'vt_app' } });
  const pools = new Map(regios.map((r) => [r, createDb(url, { ...options, parameters: { ...options.parameters, role: 'vt_app', 'vt.regio': r } })]));
  const current = (): Db => {
    const r = currentRegio();
    return (r !== null && pools.get(r)?.db) || base.db;
  };
  const db = new Proxy(base.db, {
    get(_target, prop) {
      const target = current();
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    db,
    sql: base.sql,
    regios,
    close: async () => {
      await Promise.all([base.close(), ...[...pools.values()].map((p) => p.close())]);
    },
  };
}
