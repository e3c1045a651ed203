// The online melding in the browser (issue #20, acceptance 1), in Debian's Chromium with axe: a professional files
// through /melden on a phone-sized screen and keeps the status link shown once, the melding appears live on the
// chef's werkvoorraad, the beoordelaar sees "melder niet bevestigd" and the meldcode's answers, the melder confirms by
// the mailed link, the beoordelaar decides and writes the terugkoppeling, and the melder reads it on the status page
// — which shows nothing of the household (sentinels) — and the case shows it read. Nothing of the melding was kept in
// the phone's browser.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { browserStorage, useProduct } from '../support/e2e.ts';

const product = useProduct();
const { expectAccessible, signIn } = product;

/** The last mail to `to` in the product's mail folder (DATA_DIR/mail, the development catcher). */
function mailTo(to: string): string | undefined {
  const folder = join(product.dataDir, 'mail');
  const files = readdirSync(folder).filter((f) => f.endsWith('.txt') && f.includes(to.replace(/[^a-z0-9@._-]/gi, '_'))).sort();
  return files.length ? readFileSync(join(folder, files.at(-1)!), 'utf8') : undefined;
}

describe('the online melding', () => {
  it('a professional files on a phone, the chef sees it live, the melder confirms by mail, and reads the terugkoppeling on the status page', async () => {
    const chef = await signIn('chef@demo.test');
    await chef.goto(`${product.base}/werkvoorraad`);
    await chef.getByRole('heading', { name: 'Werkvoorraad' }).first().waitFor();

    const phone = await (await product.browser.newContext({ bypassCSP: true, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
    await phone.goto(`${product.base}/melden`);
    await phone.getByRole('heading', { name: 'Een melding doen bij Veilig Thuis' }).waitFor();
    // The public pages carry Veilig Thuis's own name and number, not the backoffice's.
    await expect(phone.locator('.vt-brand').textContent()).resolves.toMatch(/^Veilig Thuis Bel gratis 0800-2000/);
    await phone.getByTestId('gevaar').getByText(/Bel 112/).waitFor();
    await expectAccessible(phone, 'melden');
    // No horizontal scrolling on a phone.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await phone.getByLabel(/^Beschrijf wat u zag/).fill('Sanne (groep 5) vertelt dat papa mama slaat; blauwe plekken op haar arm. PHONE-SENTINEL');
    await phone.getByLabel('Getuige van partnergeweld').check();
    await phone.getByLabel('Straat', { exact: true }).fill('Wilgenlaan');
    await phone.getByLabel('Huisnummer', { exact: true }).fill('14');
    await phone.getByLabel('Postcode', { exact: true }).fill('7511 ab');
    await phone.getByLabel('Plaats', { exact: true }).fill('Enschede');
    await phone.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Enschede' });
    await phone.getByLabel('Voornaam', { exact: true }).fill('Sanne');
    await phone.getByLabel('Achternaam', { exact: true }).fill('Jansen');
    await phone.getByRole('group', { name: 'Vermoedt u acute of structurele onveiligheid?' }).getByLabel('Ja').check();
    await phone.getByRole('group', { name: 'Kunt u zelf voldoende hulp bieden of organiseren?' }).getByLabel('Nee').check();
    await phone.getByLabel('Uw naam', { exact: true }).fill('Juf Mirjam');
    await phone.getByLabel('Uw organisatie', { exact: true }).fill('Basisschool De Esch');
    await phone.getByLabel('Uw werkveld', { exact: true }).selectOption('onderwijs');
    await phone.getByLabel(/^Telefoonnummer/).fill('053 123 45 67');
    await phone.getByLabel(/^E-mailadres/).fill('mirjam@school.example');
    await phone.getByRole('group', { name: '5. Weet het gezin van deze melding?' }).getByLabel('Nee').check();
    await phone.getByLabel(/^Waarom \(nog\) niet/).fill('Moeder vraagt het niet te zeggen; bang voor vader.');
    await phone.getByLabel(/Herhaald geweld/).check();
    await expectAccessible(phone, 'melden-ingevuld');
    // The server refuses a form sent within a few seconds of opening; the page waits them out for a fast typist.
    await phone.getByRole('button', { name: 'Melding versturen' }).click();

    const ontvangen = phone.getByTestId('ontvangen');
    await ontvangen.getByRole('heading', { name: 'Uw melding is ontvangen' }).waitFor();
    const reference = /M-\d{4}-\d{6}/.exec((await ontvangen.textContent()) ?? '')![0];
    await ontvangen.getByText('We hebben een mail gestuurd naar m•••@school.example', { exact: false }).waitFor();
    // The status link, shown once on the receipt.
    const statusUrl = await phone.getByTestId('statuslink').getByLabel('Statuslink').inputValue();
    expect(statusUrl).toMatch(new RegExp(`^${product.base}/status/[A-Za-z0-9_-]{43}$`));
    await expectAccessible(phone, 'melden-ontvangen');
    expect(await browserStorage(phone)).not.toMatch(/SENTINEL|Sanne|Wilgenlaan|Mirjam/);

    // Live on the chef's werkvoorraad, without a reload.
    await chef.locator(`tr[data-reference="${reference}"]`).waitFor({ timeout: 15_000 });

    // The beoordelaar: not confirmed yet, with the meldcode's answers.
    const beoordelaar = await signIn('beoordelaar@demo.test');
    const [{ id }] = (await product.db.handle.db.execute<{ id: string }>(sql`select id from meldingen where reference = ${reference}`)) as unknown as [{ id: string }];
    await beoordelaar.goto(`${product.base}/meldingen/${id}`);
    await beoordelaar.getByTestId('melder-niet-bevestigd').waitFor();
    await beoordelaar.getByTestId('meldcode').getByText('Moeder vraagt het niet te zeggen; bang voor vader.', { exact: false }).waitFor();
    await expectAccessible(beoordelaar, 'melden-beoordelaar');

    // The melder confirms by the link in the mail; the mail says nothing of the household.
    const mail = mailTo('mirjam@school.example')!;
    expect(mail).toContain(reference);
    expect(mail).not.toMatch(/Sanne|Jansen|Wilgenlaan|blauwe plekken/);
    const link = /(http\S+\/melden\/bevestigen#\S+)/.exec(mail)![1]!;
    await phone.goto(link);
    await phone.getByRole('status').filter({ hasText: `Uw melding ${reference} is bevestigd.` }).waitFor();
    expect(new URL(phone.url()).hash).toBe('');
    await expectAccessible(phone, 'melden-bevestigd');
    await beoordelaar.reload();
    await beoordelaar.getByTestId('melder-bevestigd').waitFor();

    // Before the beoordeling the melder sees the melding received, and no feedback yet.
    await phone.goto(statusUrl);
    await phone.getByRole('heading', { name: 'Uw melding bij Veilig Thuis' }).waitFor();
    await phone.getByTestId('status-melding').getByText(reference, { exact: false }).waitFor();
    await expect(phone.locator('[aria-current="step"]').getAttribute('data-fase')).resolves.toBe('ontvangen');
    await phone.getByText('Er is nog geen terugkoppeling', { exact: false }).waitFor();

    // The beoordelaar decides (to the MDO) and writes the melder the feedback after the beoordeling.
    await expect.poll(() => beoordelaar.getByText('Voorstel bevestigen', { exact: false }).count(), { timeout: 15_000 }).toBe(1);
    await beoordelaar.getByLabel('Afwijken van het voorstel').check();
    await beoordelaar.getByLabel('Route').selectOption('mdo');
    await beoordelaar.getByLabel('Band').selectOption('P2');
    await beoordelaar.getByLabel('Reden van afwijken').fill('Eerst breed bespreken met de school en de huisarts.');
    await beoordelaar.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    await beoordelaar.getByText(/Beoordeeld: MDO, P2/).waitFor();
    const feedback = beoordelaar.getByRole('region', { name: 'Terugkoppeling aan de melder' });
    await feedback.getByTestId('statuslink').getByText('Laatst bekeken op', { exact: false }).waitFor();
    const bericht = 'Veilig Thuis heeft de veiligheid beoordeeld. Wij bespreken uw melding deze week in een multidisciplinair overleg en nemen daarna contact met u op.';
    await feedback.getByLabel('Bericht aan de melder', { exact: true }).fill(bericht);
    await feedback.getByLabel('Notitie voor het dossier').fill('NOTITIE-SENTINEL: melder per mail gewezen op de statuspagina.');
    await expectAccessible(beoordelaar, 'terugkoppeling-schrijven');
    await feedback.getByRole('button', { name: 'Bericht aan de melder versturen' }).click();
    await feedback.getByText('nog niet gelezen').waitFor();

    // The melder reads it on the status page: the phase and the message, nothing of the household.
    await phone.reload();
    await phone.getByTestId('bericht').getByText(bericht).waitFor();
    await expect(phone.locator('[aria-current="step"]').getAttribute('data-fase')).resolves.toBe('vervolg');
    await expectAccessible(phone, 'status');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const shown = (await phone.locator('body').textContent()) ?? '';
    expect(shown).not.toMatch(/SENTINEL|Sanne|Jansen|Wilgenlaan|Enschede|7511|blauwe plekken|bang voor vader|Mirjam|MDO, P2/);
    expect(await browserStorage(phone)).not.toMatch(/SENTINEL|Sanne|Wilgenlaan|Mirjam|multidisciplinair/);

    // The case shows the message read.
    await beoordelaar.reload();
    await beoordelaar.getByRole('region', { name: 'Terugkoppeling aan de melder' }).getByTestId('gelezen').waitFor();
    await Promise.all([phone.context().close(), chef.context().close(), beoordelaar.context().close()]);

    // The loop closed and measured: the manager's dashboard counts the message written and read.
    const manager = await signIn('manager@demo.test');
    await manager.goto(`${product.base}/dashboard`);
    const tile = manager.locator('[data-metric="terugkoppeling_gelezen_pct"]');
    await tile.getByText('Terugkoppeling gelezen door melder (90 dagen)').waitFor();
    await tile.getByText('van 1 berichten aan melders met een statuslink').waitFor();
    await expect(tile.textContent()).resolves.toMatch(/100\s?%/);
    await manager.locator('[data-metric="terugkoppeling_on_time_pct"]').getByText('Terugkoppeling aan melder op tijd (90 dagen)').waitFor();
    await manager.context().close();
  });
});
