// The browser tests' world: the real product (API, workers and the built web app in one process, as `npm start`
// runs it) on its own database and Redis database, and Debian's Chromium. A test file calls `useProduct()` once at
// the top; the hooks start and stop everything, and the helpers sign demo users in, check a page with axe-core and
// call the API as the signed-in user for the steps a test does not walk in the UI.
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { axeViolations } from './axe.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { DEMO_API_KEY, DEMO_PASSWORD, TEST_REDIS_URL } from './env.ts';
import { meldingBody } from './fixtures.ts';
import { freePort, startServer, waitReady, type ServerProcess } from './server-process.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const artifacts = `${root}tests/.artifacts`;

export interface Product {
  /** http://127.0.0.1:<port> once started. */
  readonly base: string;
  readonly db: TestDatabase;
  readonly browser: Browser;
  /** The server's DATA_DIR: its development keys, and the mail it writes there (mail/*.txt). */
  readonly dataDir: string;
  /** A new browser context (one desk), Dutch, on Amsterdam time. */
  newContext(): Promise<BrowserContext>;
  /** Signs a demo user in, in a new context or in the one given (the same desk). */
  signIn(email: string, context?: BrowserContext): Promise<Page>;
  /** No serious or critical WCAG 2.1 A/AA violation (axe-core); a full-page screenshot goes to tests/.artifacts. */
  expectAccessible(page: Page, name: string): Promise<void>;
  /** An API call as the signed-in user of `page` (with its CSRF token). */
  apiAs(page: Page, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: object): Promise<{ status: number; json: Record<string, unknown> & { user?: { id: string } } }>;
  /** A melding from the police chain's API client. */
  partnerMelding(overrides: Parameters<typeof meldingBody>[0]): Promise<{ id: string; reference: string }>;
}

/** Debian's Chromium, headless, with the flags this machine needs (README, browser tests). */
export const launchChromium = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });

/** Fills in the login page the browser is on and waits until the app has let the user in. */
export async function fillSignIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

export function useProduct(): Product {
  let server: ServerProcess;
  let db: TestDatabase;
  let browser: Browser;
  const dataDir = mkdtempSync(join(tmpdir(), 'vt-e2e-'));

  beforeAll(async () => {
    if (!existsSync(`${root}web/dist/index.html`)) throw new Error('web/dist is missing: run `npm run build:web` before the e2e tests');
    mkdirSync(artifacts, { recursive: true });
    db = await createTestDatabase();
    const port = await freePort();
    server = startServer(
      // The web chat is open day and night here (CI runs at any hour), and its quick exit goes to a page of this server.
      { DATA_DIR: dataDir, PUBLIC_URL: `http://127.0.0.1:${port}`, CHAT_OPENINGSTIJDEN: 'ma-zo 00:00-24:00', CHAT_SNELWEG_URL: `http://127.0.0.1:${port}/api/health/live`, DATABASE_URL: db.url, REDIS_URL: `${TEST_REDIS_URL.replace(/\/\d*$/, '')}/${8 + Math.floor(Math.random() * 7)}` },
      port,
    );
    await waitReady(server);
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

  const product: Product = {
    get base() {
      return server.base;
    },
    get db() {
      return db;
    },
    get browser() {
      return browser;
    },
    dataDir,
    newContext: () => browser.newContext({ bypassCSP: true, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 1360, height: 900 } }),
    async signIn(email, context) {
      const page = await (context ?? (await product.newContext())).newPage();
      await page.goto(`${server.base}/login`);
      await fillSignIn(page, email);
      return page;
    },
    // The test contexts bypass the CSP only to inject axe; the CSP itself blocks inline script, as it should.
    async expectAccessible(page, name) {
      const violations = await axeViolations(page);
      await page.screenshot({ path: `${artifacts}/${name}.png`, fullPage: true });
      expect(violations, name).toEqual([]);
    },
    apiAs: (page, method, url, body) =>
      page.evaluate(
        async ([m, u, b]) => {
          const s = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
          const r = await fetch(u as string, { method: m as string, headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken }, ...(b ? { body: JSON.stringify(b) } : {}) });
          return { status: r.status, json: (await r.json().catch(() => ({}))) as Record<string, unknown> };
        },
        [method, url, body] as const,
      ),
    async partnerMelding(overrides) {
      const res = await fetch(`${server.base}/api/meldingen`, {
        method: 'POST',
        headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify(meldingBody(overrides)),
      });
      expect(res.status).toBe(201);
      return (await res.json()) as { id: string; reference: string };
    },
  };
  return product;
}

/** What the browser keeps for the page's origin: localStorage, sessionStorage and every IndexedDB database's name. */
export async function browserStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dbs = 'databases' in indexedDB ? await indexedDB.databases() : [];
    return JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, indexedDB: dbs.map((d) => d.name) });
  });
}
