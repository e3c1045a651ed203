import { api, call, forgetCaseVersions, setCsrfToken } from '../api/client';
import { useConceptenStore } from '../stores/concepten';
import { useSessionStore, type MfaStep, type SessionUser } from '../stores/session';
import { disconnectLiveEvents } from './useLiveEvents';

/** Takes a session answer: a complete sign-in sets the user; a half one only the step still to take. */
function apply(s: { user: SessionUser; csrfToken: string; mfa: MfaStep }): MfaStep {
  const session = useSessionStore();
  setCsrfToken(s.csrfToken);
  session.mfa = s.mfa;
  session.user = s.mfa === 'none' ? s.user : null;
  if (s.mfa === 'none') session.expired = false;
  return s.mfa;
}

/** Reads the current session from the server (cookie), if any. */
export async function loadSession(): Promise<void> {
  const session = useSessionStore();
  try {
    apply(await call(api.GET('/api/auth/session')));
  } catch {
    session.user = null;
    session.mfa = 'none';
    setCsrfToken(null);
  }
}

/** Email and password; answers which second step (if any) the sign-in still needs. */
export async function signIn(email: string, password: string): Promise<MfaStep> {
  return apply(await call(api.POST('/api/auth/login', { body: { email, password } })));
}

/** The code from the authenticator app, for a user who has one. */
export async function verifyCode(code: string): Promise<MfaStep> {
  return apply(await call(api.POST('/api/auth/totp', { body: { code } })));
}

/** Starts enrolling an authenticator app: the secret, its otpauth URI and a QR code. */
export async function startEnrolment() {
  return call(api.POST('/api/auth/totp/enrol'));
}

/** The first code from the newly added app switches two-factor sign-in on and completes the sign-in. */
export async function confirmEnrolment(code: string): Promise<MfaStep> {
  return apply(await call(api.POST('/api/auth/totp/confirm', { body: { code } })));
}

/** Whether signing out would throw away a draft (the server deletes them at sign-out: routes/concepten.ts). */
export async function hasDrafts(): Promise<boolean> {
  const session = useSessionStore();
  if (!session.may('concept:eigen')) return false;
  const c = await call(api.GET('/api/concepten')).catch(() => null);
  return !!c?.items.length;
}

/** Ends the session on the server (which deletes the account's drafts) and forgets everything of it here. */
export async function signOut(): Promise<void> {
  const session = useSessionStore();
  const concepten = useConceptenStore();
  concepten.signingOut = true;
  concepten.clear();
  forgetCaseVersions();
  await call(api.POST('/api/auth/logout')).catch(() => undefined);
  disconnectLiveEvents();
  session.user = null;
  session.mfa = 'none';
  setCsrfToken(null);
}
