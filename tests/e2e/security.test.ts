// Two-factor sign-in in Debian's Chromium against the real server with TOTP_REQUIRED=true: a beoordelaar enrols an
// authenticator app (QR code and manual key), finishes with a code, and at the next sign-in gives a fresh code.
// axe-core checks both steps.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../server/src/services/totp.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/e2e.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { DEMO_PASSWORD, TEST_DATA_KEYS, TEST_REDIS_URL } from '../support/env.ts';
import { freePort, startServer, waitReady, type ServerProcess } from '../support/server-process.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

let server: ServerProcess;
let db: TestDatabase;
let browser: Browser;
let base: string;

beforeAll(async () => {
  if (!existsSync(`${root}web/dist/index.html`)) throw new Error('web/dist is missing: run `npm run build:web` before the e2e tests');
  db = await createTestDatabase();
  server = startServer(
    {
      TOTP_REQUIRED: 'true',
      DATA_ENCRYPTION_KEYS: TEST_DATA_KEYS,
      RUN_WORKERS: '0',
      DATABASE_URL: db.url,
      REDIS_URL: `${TEST_REDIS_URL.replace(/\/\d*$/, '')}/${8 + Math.floor(Math.random() * 7)}`,
    },
    await freePort(),
  );
  await waitReady(server);
  base = server.base;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  await db?.drop();
});

async function expectAccessible(page: Page, name: string) {
  const violations = await axeViolations(page);
  expect(violations, `${name}: ${violations.join('; ')}`).toEqual([]);
}

async function passwordStep(page: Page) {
  await page.goto(`${base}/login`);
  await page.getByLabel('E-mailadres').fill('beoordelaar@demo.test');
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
}

describe('two-factor sign-in in the browser', () => {
  it('enrols an authenticator app, then asks for a fresh code at the next sign-in', async () => {
    const context = await browser.newContext({ bypassCSP: true, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    const page = await context.newPage();
    await passwordStep(page);
    await page.getByRole('heading', { name: 'Tweestapsverificatie instellen' }).waitFor();
    await page.getByRole('img', { name: /QR-code/ }).waitFor();
    const key = (await page.getByTestId('totp-key').textContent())!.replace(/\s/g, '');
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    // The code field has the focus: the user types the code and presses Enter.
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.autocomplete)).resolves.toBe('one-time-code');
    await expectAccessible(page, 'enrolment');
    await page.keyboard.type('123');
    await page.keyboard.press('Enter');
    await page.getByText('Vul de 6 cijfers uit de app in.').first().waitFor();
    await page.getByLabel('Code (6 cijfers)').fill(currentTotp(key));
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.waitForURL((u) => u.pathname.startsWith('/login'));

    await passwordStep(page);
    await page.getByRole('heading', { name: 'Code uit uw authenticator-app' }).waitFor();
    await expectAccessible(page, 'code step');
    // The code of the next 30-second step: the enrolment already used the current one.
    await page.getByLabel('Code (6 cijfers)').fill(currentTotp(key, Date.now() + 30_000));
    await page.keyboard.press('Enter');
    // Signed in: the login is left for the user's start screen.
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByRole('button', { name: 'Afmelden' }).waitFor();
    await context.close();
  });
});
