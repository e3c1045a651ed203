// `node --import tsx tests/e2e/screenshots.ts [base]`: screenshots of the main pages for the README, taken from a
// running instance with demo data (npm start).
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const out = new URL('../../web/docs/screenshots/', import.meta.url).pathname;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  // Dutch in the browser’s own controls too (the date and time fields), as a Dutch desk shows them.
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=nl-NL'],
  env: { ...process.env, LANG: 'nl_NL.UTF-8', LANGUAGE: 'nl' },
});

async function as(email: string) {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill('demo-veilig-thuis');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}

const chef = await as('chef@demo.test');
await chef.goto(`${base}/werkvoorraad`);
await chef.getByText('Live bijgewerkt').waitFor();
await chef.screenshot({ path: `${out}werkvoorraad.png` });
await chef.locator('tr.vt-row--acute a').first().click();
await chef.getByText('Factoren en hun gewicht').waitFor();
await chef.screenshot({ path: `${out}melding.png`, fullPage: true });

const crisis = await as('crisis@demo.test');
await crisis.goto(`${base}/werkvoorraad`);
await crisis.getByText('Live bijgewerkt').waitFor();
await crisis.locator('tr.vt-row--acute a').first().click();
await crisis.getByTestId('crisis-panel').waitFor();
await crisis.screenshot({ path: `${out}crisis.png`, fullPage: true });

const beheer = await as('beheer@demo.test');
await beheer.goto(`${base}/beheer/kalender`);
await beheer.locator('tbody tr').first().waitFor();
await beheer.screenshot({ path: `${out}kalender.png` });

const adviseur = await as('adviseur@demo.test');
await adviseur.goto(`${base}/advies`);
await adviseur.getByLabel('Samenvatting van de vraag').fill('Leerkracht maakt zich zorgen over blauwe plekken bij een leerling van 7.');
await adviseur.screenshot({ path: `${out}advies.png` });
await adviseur.goto(`${base}/melding/nieuw`);
// The form, once loaded (not its "Laden…"), with the melder's CBS fields chosen.
await adviseur.getByRole('button', { name: 'Melding registreren' }).waitFor();
await adviseur.getByLabel('Sector').selectOption('onderwijs');
await adviseur.getByLabel('Beroep').selectOption('onderwijs');
await adviseur.getByLabel('Naam', { exact: true }).fill('Juf Demo');
await adviseur.screenshot({ path: `${out}melding-nieuw.png` });

const manager = await as('manager@demo.test');
await manager.goto(`${base}/dashboard`);
await manager.getByRole('img', { name: /over \d+ weken/ }).waitFor();
await manager.screenshot({ path: `${out}dashboard.png`, fullPage: true });
// The gemeenten side by side, and the CBS delivery with one delivery recorded.
const gemeenten = manager.getByRole('region', { name: 'Gemeenten naast elkaar' });
await gemeenten.getByRole('table').waitFor();
await gemeenten.screenshot({ path: `${out}gemeenten.png` });
const cbs = manager.getByRole('region', { name: 'Halfjaarcijfers (CBS)' });
await cbs.getByRole('button', { name: 'Tonen' }).click();
await cbs.getByRole('table', { name: /^84849NED/ }).waitFor();
await cbs.getByRole('button', { name: 'Aanlevering vastleggen' }).click();
await cbs.getByText(/^Aanlevering vastgelegd/).first().waitFor();
await cbs.screenshot({ path: `${out}cbs.png` });

const gw = await as('gw@demo.test');
await gw.goto(`${base}/mdo`);
await gw.getByRole('button', { name: /op de agenda/ }).first().click();
await gw.getByRole('heading', { name: /Agenda en verslag MDO/ }).waitFor();
await gw.screenshot({ path: `${out}mdo.png`, fullPage: true });

// The triage policy: the chef compares v1 with v2 over the stored meldingen; a version's register entry.
await chef.goto(`${base}/triagebeleid`);
await chef.getByRole('button', { name: 'Vergelijken', exact: true }).click();
await chef.getByTestId('matrix-route').waitFor();
await chef.screenshot({ path: `${out}triagebeleid.png`, fullPage: true });
await chef.goto(`${base}/triagebeleid/v2`);
await chef.getByTestId('register-regels').waitFor();
await chef.screenshot({ path: `${out}algoritmeregister.png`, fullPage: true });
await browser.close();
console.log(`screenshots in ${out}`);
