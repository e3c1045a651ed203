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

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrf);

/** Unwraps an openapi-fetch result: the data, or an ApiError in the contract's shape. */
export async function call<T>(p: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await p;
  } catch {
    throw new ApiError(0, 'UNAVAILABLE', 'Geen verbinding met de server.');
  }
  if (result.response.ok) return result.data as T;
  const e = (result.error ?? {}) as { code?: string; message?: string; details?: ErrorDetail[] };
  throw new ApiError(result.response.status, e.code ?? 'INTERNAL', e.message ?? 'Er ging iets mis.', e.details ?? []);
}

/** The case view as the API sends it (GET /api/meldingen/{id}). */
export type MeldingView = paths['/api/meldingen/{id}']['get']['responses'][200]['content']['application/json'];
