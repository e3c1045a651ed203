import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy.ts';

describe('password policy', () => {
  it('refuses short, common and personal passwords', () => {
    expect(passwordProblems('kort')).toEqual([expect.stringContaining('12 tekens')]);
    expect(passwordProblems('password1234')).toHaveLength(1);
    expect(passwordProblems('welkom123456')).toHaveLength(1);
    expect(passwordProblems('qwertyuiop12')).toHaveLength(1);
    expect(passwordProblems('jan.jansen-2026!', { email: 'jan.jansen@vt.nl' })).toEqual(['Gebruik uw e-mailadres niet in uw wachtwoord.']);
    expect(passwordProblems('x'.repeat(129))).toEqual([expect.stringContaining('128')]);
  });

  it('accepts a long passphrase and a random string', () => {
    expect(passwordProblems('paars-fietsbel-onder-de-brug')).toEqual([]);
    expect(passwordProblems('q7#Lm2!vR9@xT4')).toEqual([]);
  });
});
