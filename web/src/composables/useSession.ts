import { api, call, setCsrfToken } from '../api/client';
import { useSessionStore } from '../stores/session';

/** Reads the current session from the server (cookie), if any. */
export async function loadSession(): Promise<void> {
  const session = useSessionStore();
  try {
    const s = await call(api.GET('/api/auth/session'));
    session.user = s.user;
    setCsrfToken(s.csrfToken);
  } catch {
    session.user = null;
    setCsrfToken(null);
  }
}

export async function signIn(email: string, password: string): Promise<void> {
  const session = useSessionStore();
  const s = await call(api.POST('/api/auth/login', { body: { email, password } }));
  session.user = s.user;
  session.expired = false;
  setCsrfToken(s.csrfToken);
}

export async function signOut(): Promise<void> {
  const session = useSessionStore();
  await call(api.POST('/api/auth/logout')).catch(() => undefined);
  session.user = null;
  setCsrfToken(null);
}
