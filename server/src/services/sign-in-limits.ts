// Limits on guessing credentials (api.md, Auth; issue #14 findings 2, 3 and 8). Every counter is raised in Redis
// *before* the secret is checked (INCR is atomic), so thirty guesses sent at once meet the same limit as thirty
// sent one after the other: the sixth and later are refused without being checked. Counters live in Redis, shared by
// every API process; when Redis is down the checks fail closed (the caller gets 503), never open.
import { sha256 } from '@vt/db';
import type { RedisClient } from '@vt/workers';

export const WINDOW_SECONDS = 15 * 60;
/** Wrong passwords one account may have within the window (also the current password on a change). */
export const MAX_PASSWORD_FAILURES = 5;
/** Sign-in attempts one address may make within the window, whatever the accounts. */
export const MAX_ATTEMPTS_PER_IP = 100;
/** Wrong second-factor codes one account may have within the window, over all its sessions. */
export const MAX_CODE_FAILURES = 5;
/** The first second-factor lockout; each next one within a day lasts twice as long (back-off). */
export const CODE_LOCK_SECONDS = 15 * 60;
const CODE_LOCK_MEMORY_SECONDS = 24 * 3600;

export type Verdict = { allowed: true } | { allowed: false; retryAfter: number };

export class SignInLimits {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  /** One person's counters share a hash tag, so a transaction over two of them stays in one Redis Cluster slot. */
  private key(kind: string, who: string) {
    return `${this.prefix}${kind}:{${sha256(who.trim().toLowerCase())}}`;
  }

  private async count(key: string, window = WINDOW_SECONDS): Promise<{ n: number; ttl: number }> {
    const r = await this.redis.multi().incr(key).expire(key, window, 'NX').ttl(key).exec();
    if (!r) throw new Error('redis transaction aborted');
    return { n: Number(r[0]![1]), ttl: Math.max(1, Number(r[2]![1])) };
  }

  /**
   * Counts a sign-in attempt from `ip` for `email` before the password is checked: refused when the address made
   * too many attempts, the account had too many wrong passwords, or its second factor is locked.
   */
  async beforePassword(email: string, ip: string): Promise<Verdict> {
    const [address, account, lock] = await Promise.all([
      this.count(`${this.prefix}login:ip:${ip}`),
      this.count(this.key('login:fail', email)),
      this.redis.ttl(this.key('totp:lock', email)),
    ]);
    if (lock > 0) return { allowed: false, retryAfter: lock };
    if (address.n > MAX_ATTEMPTS_PER_IP) return { allowed: false, retryAfter: address.ttl };
    if (account.n > MAX_PASSWORD_FAILURES) return { allowed: false, retryAfter: account.ttl };
    return { allowed: true };
  }

  /** Checks of the current password when changing it count as the account's sign-in attempts. */
  async beforePasswordCheck(email: string): Promise<Verdict> {
    const [account, lock] = await Promise.all([this.count(this.key('login:fail', email)), this.redis.ttl(this.key('totp:lock', email))]);
    if (lock > 0) return { allowed: false, retryAfter: lock };
    if (account.n > MAX_PASSWORD_FAILURES) return { allowed: false, retryAfter: account.ttl };
    return { allowed: true };
  }

  /** The password was right: the attempt it reserved is given back, and earlier wrong ones are forgotten. */
  async passwordAccepted(email: string): Promise<void> {
    await this.redis.del(this.key('login:fail', email));
  }

  /**
   * Counts a second-factor code for the account before it is checked; refused while the account's second factor is
   * locked, and when a burst of codes went past the limit (which locks it).
   */
  async beforeCode(email: string): Promise<Verdict & { attempt: number }> {
    const locked = await this.redis.ttl(this.key('totp:lock', email));
    if (locked > 0) return { allowed: false, retryAfter: locked, attempt: 0 };
    const { n } = await this.count(this.key('totp:fail', email));
    if (n > MAX_CODE_FAILURES) return { allowed: false, retryAfter: await this.lockCodes(email), attempt: n };
    return { allowed: true, attempt: n };
  }

  /**
   * A wrong code. The fifth within the window locks the account's second factor for 15 minutes, doubling with each
   * lockout within a day; the caller ends the half-signed-in sessions, so the next sign-in starts with the password.
   * Returns the seconds of the lock, or null while guesses are left.
   */
  async codeRejected(email: string, attempt: number): Promise<number | null> {
    return attempt >= MAX_CODE_FAILURES ? this.lockCodes(email) : null;
  }

  /** Locks once: of a burst of codes past the limit, one claims the lock and sets its length; the rest meet it. */
  private async lockCodes(email: string): Promise<number> {
    const lockKey = this.key('totp:lock', email);
    const claimed = await this.redis.set(lockKey, '1', 'EX', CODE_LOCK_SECONDS, 'NX');
    if (claimed !== 'OK') return Math.max(1, await this.redis.ttl(lockKey));
    const lockouts = await this.count(this.key('totp:lockouts', email), CODE_LOCK_MEMORY_SECONDS);
    const seconds = CODE_LOCK_SECONDS * 2 ** Math.min(lockouts.n - 1, 6);
    await this.redis.multi().expire(lockKey, seconds).del(this.key('totp:fail', email)).exec();
    return seconds;
  }

  /** A right code: the wrong ones before it are forgotten (the lockouts of the day are not). */
  async codeAccepted(email: string): Promise<void> {
    await this.redis.del(this.key('totp:fail', email));
  }
}
