// The password rules (issue #4, OWASP ASVS 2.1): at least 12 characters, at most 128, not a common or guessable
// password (zxcvbn-ts with its list of common passwords, also judging the user's own name and e-mail), and not
// the user's e-mail address. The answer is a list of reasons in Dutch, empty when the password is fine.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

let factory: ZxcvbnFactory | undefined;
const zxcvbn = () => (factory ??= new ZxcvbnFactory({ dictionary: { ...dictionary, veiligThuis: ['veiligthuis', 'veilig', 'thuis', 'welkom', 'wachtwoord', 'twente', 'enschede', 'hengelo'] }, graphs: adjacencyGraphs }));

export function passwordProblems(password: string, user: { email?: string; naam?: string } = {}): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN) problems.push(`Gebruik minstens ${PASSWORD_MIN} tekens.`);
  if (password.length > PASSWORD_MAX) problems.push(`Gebruik hoogstens ${PASSWORD_MAX} tekens.`);
  if (user.email && password.toLowerCase().includes(user.email.toLowerCase().split('@')[0]!)) problems.push('Gebruik uw e-mailadres niet in uw wachtwoord.');
  if (problems.length) return problems;
  const inputs = [user.email ?? '', ...(user.naam ?? '').split(/\s+/)].filter((s) => s.length > 2);
  const result = zxcvbn().check(password.slice(0, 64), inputs);
  // Score 3 of 4 ("safely unguessable: moderate protection from offline slow-hash scenario") at least.
  if (result.score < 3) problems.push('Dit wachtwoord is te makkelijk te raden (veelgebruikt of voorspelbaar). Kies een langere zin of een willekeurige reeks.');
  return problems;
}
