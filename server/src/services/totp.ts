// TOTP (RFC 6238) with the otpauth library: 6 digits, 30-second steps, one step of clock drift either way.
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const ISSUER = 'Veilig Thuis backoffice';
const PERIOD = 30;

function totpFor(base32: string, label: string) {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(base32) });
}

/** A new random secret (160 bits, as RFC 4226 recommends) with what an authenticator app needs to add it. */
export async function newTotpSecret(label: string): Promise<{ base32: string; uri: string; qrSvg: string }> {
  const secret = new Secret({ size: 20 });
  const uri = totpFor(secret.base32, label).toString();
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { base32: secret.base32, uri, qrSvg };
}

/** The time step the code belongs to, or null when it is not valid now (±1 step). */
export function verifyTotp(base32: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(base32, 'check').validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}

/** For tests and tools: the code an authenticator would show at `now`. */
export function currentTotp(base32: string, now = Date.now()): string {
  return totpFor(base32, 'check').generate({ timestamp: now });
}
