// The typed API client: openapi-fetch over the types generated from the server's OpenAPI document
// (`npm run gen:api -w web`). Sends the CSRF token on every state change and turns error bodies into ApiError.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

export interface ErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** With 412 PRECONDITION_FAILED: the case as it now is (someone else changed it since it was read). */
    readonly current?: unknown,
  ) {
    super(message);
  }

  /** The message for one field, by the contract's JSON pointer (e.g. `/melder/naam`). */
  fieldError(path: string): string | undefined {
    return this.details.find((d) => d.path === path)?.message;
  }
}

let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

const csrf: Middleware = {
  onRequest({ request }) {
    if (csrfToken && request.method !== 'GET' && request.method !== 'HEAD') request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
};

/**
 * Two people never silently overwrite each other (issue #16): the case page's read of a case keeps its ETag, and
 * every step on that case is sent with it as If-Match; the server answers 412 when the case changed in between.
 * Steps on a case's own routes (/api/meldingen/:id/…) carry the version of that case; steps on its parts (a
 * huisverbod, a condition, a checkpoint, a Code Rood, a terugkoppeling) are taken from the case page and carry
 * the version of the case open there.
 */
const caseVersions = new Map<string, string>();
let openCase: string | null = null;
export const setOpenCase = (id: string | null) => {
  openCase = id;
};
export const caseVersionOf = (id: string) => caseVersions.get(id);
const CASE_READ = /^\/api\/meldingen\/([0-9a-f-]{36})$/;
const CASE_STEP = /^\/api\/meldingen\/([0-9a-f-]{36})\/(?!break-glass)/;
const CASE_PART_STEP = /^\/api\/(thv|voorwaarden|monitoring|terugkoppelingen|code-rood)\//;
const caseVersioning: Middleware = {
  onRequest({ request }) {
    if (request.method === 'GET' || request.method === 'HEAD' || request.headers.has('if-match')) return request;
    const path = new URL(request.url, 'http://x').pathname;
    const id = CASE_STEP.exec(path)?.[1] ?? (CASE_PART_STEP.test(path) ? openCase : null);
    const version = id ? caseVersions.get(id) : undefined;
    if (version) request.headers.set('if-match', version);
    return request;
  },
  onResponse({ request, response }) {
    const path = new URL(request.url, 'http://x').pathname;
    // A read of the case, or a step on it that answers with the case's new version.
    const id = request.method === 'GET' ? CASE_READ.exec(path)?.[1] : (CASE_STEP.exec(path)?.[1] ?? (CASE_PART_STEP.test(path) ? openCase : undefined));
    const etag = response.headers.get('etag');
    if (id && etag && response.ok) caseVersions.set(id, etag);
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrf);
api.use(caseVersioning);

/** Forget every case version (sign-out). */
export const forgetCaseVersions = () => {
  caseVersions.clear();
  openCase = null;
};

const staleListeners = new Set<(current: unknown) => void>();
/** Hears of every 412: a step refused because the case changed since it was read (useMelding shows what changed). */
export function onStaleCase(listener: (current: unknown) => void): () => void {
  staleListeners.add(listener);
  return () => staleListeners.delete(listener);
}

/** Unwraps an openapi-fetch result: the data, or an ApiError in the contract's shape. */
export async function call<T>(p: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await p;
  } catch {
    throw new ApiError(0, 'UNAVAILABLE', 'Geen verbinding met de server.');
  }
  if (result.response.ok) return result.data as T;
  const e = (result.error ?? {}) as { code?: string; message?: string; details?: ErrorDetail[]; current?: unknown };
  const err = new ApiError(result.response.status, e.code ?? 'INTERNAL', e.message ?? 'Er ging iets mis.', e.details ?? [], e.current);
  if (err.status === 412) for (const l of staleListeners) l(err.current);
  throw err;
}

/** The case view as the API sends it (GET /api/meldingen/{id}). */
export type MeldingView = paths['/api/meldingen/{id}']['get']['responses'][200]['content']['application/json'];
