// Nothing typed is lost, nothing is shown to the wrong person, nobody overwrites a colleague (issue #16), walked in
// Chromium: the melding form comes back after a session expiry and a reload, another user at the same desk never
// sees it, sign-out leaves no case or advies text in the browser's storage; an abandoned advies conversion is found
// back in the adviseur's list and finished; a step on a case someone else changed meanwhile is refused and the
// screen says what changed.
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserStorage, fillSignIn, useProduct } from '../support/e2e.ts';

const product = useProduct();
const { signIn, expectAccessible, apiAs, partnerMelding } = product;

const expireSessionsOf = (email: string) =>
  product.db.handle.db.execute(sql`update sessions set expires_at = now() - interval '1 minute' where user_id = (select id from users where email = ${email})`);

/** Waits until the server has the page's draft holding `text` (the form saves a moment after each change). */
async function savedWith(page: Page, text: string) {
  const advies = new URL(page.url()).searchParams.get('advies');
  const key = advies ? `melding-van-advies-${advies}` : 'melding';
  await expect.poll(async () => JSON.stringify((await apiAs(page, 'GET', `/api/concepten/${key}`)).json.inhoud ?? null).includes(text), { timeout: 10_000 }).toBe(true);
  await page.getByTestId('concept-status').filter({ hasText: /Concept bewaard om/ }).first().waitFor();
}

describe('drafts in the browser', () => {
  it('the melding form survives a session expiry and a reload, is never shown to another user, and is gone after sign-out', async () => {
    const page = await signIn('adviseur@demo.test');
    await page.goto(`${product.base}/melding/nieuw`);
    await page.getByLabel('Naam', { exact: true }).fill('Juf Concepttest');
    await page.getByLabel('Straat', { exact: true }).fill('Lange Wal');
    await page.getByLabel('Voornaam', { exact: true }).fill('Mila');
    await savedWith(page, 'Mila');

    // The session expires while the adviseur is still typing: the next save finds it gone.
    await expireSessionsOf('adviseur@demo.test');
    await page.getByLabel('Toelichting').fill('Getypt nadat de sessie verliep.');
    await page.waitForURL(/\/login/);
    await expect.poll(() => page.getByText('Uw sessie is verlopen').count()).toBe(1);
    await fillSignIn(page, 'adviseur@demo.test');
    await page.waitForURL(/\/melding\/nieuw/);
    await expect.poll(() => page.getByLabel('Toelichting').inputValue()).toBe('Getypt nadat de sessie verliep.');
    expect(await page.getByLabel('Naam', { exact: true }).inputValue()).toBe('Juf Concepttest');
    await savedWith(page, 'sessie verliep');

    // A reload (or a crash of the tab) brings it back from the server.
    await page.reload();
    await expect.poll(() => page.getByLabel('Voornaam', { exact: true }).inputValue()).toBe('Mila');
    await expect.poll(() => page.getByText(/Uw concept van .* is hersteld/).count()).toBe(1);
    await expectAccessible(page, 'melding-concept');
    expect(await browserStorage(page)).not.toMatch(/Concepttest|Mila|Lange Wal|sessie verliep/);

    // Signing out asks first (the draft would go) and leaves nothing of it in the browser.
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.waitForURL(/\/login/);
    expect(await browserStorage(page)).not.toMatch(/Concepttest|Mila|Lange Wal|sessie verliep/);

    // The next person at the same desk gets an empty form.
    await fillSignIn(page, 'chef@demo.test');
    await page.goto(`${product.base}/melding/nieuw`);
    await page.getByLabel('Naam', { exact: true }).waitFor();
    await page.waitForTimeout(500);
    expect(await page.getByLabel('Naam', { exact: true }).inputValue()).toBe('');
    expect(await page.getByText(/is hersteld/).count()).toBe(0);
    await page.context().close();

    // ... and the adviseur's draft was removed at sign-out.
    const again = await signIn('adviseur@demo.test');
    expect((await apiAs(again, 'GET', '/api/concepten')).json.items).toEqual([]);
    await again.context().close();
  });

  it('an abandoned advies conversion leaves the advies as it was, and the adviseur finishes it from its list', async () => {
    const page = await signIn('adviseur@demo.test');
    await page.goto(`${product.base}/advies`);
    await page.getByLabel('Wie belt of chat').selectOption('professional');
    await page.getByLabel('Stalking').check();
    await page.getByLabel('Samenvatting van de vraag').fill('Huisarts twijfelt over een patiënte die gevolgd wordt.');
    await page.getByLabel('Gegeven advies').fill('Meldcode doorgelopen; melding samen gedaan.');
    await page.getByLabel('Uitkomst').selectOption('doorverwezen');
    await page.getByRole('button', { name: 'Omzetten in melding' }).click();
    await page.waitForURL(/\/melding\/nieuw\?advies=/);
    const adviesId = new URL(page.url()).searchParams.get('advies')!;
    await page.getByLabel('Straat', { exact: true }).fill('Haaksbergerstraat');
    await savedWith(page, 'Haaksbergerstraat');

    // The call drops; the adviseur goes elsewhere. Leaving asks first.
    let asked = '';
    page.once('dialog', (d) => {
      asked = d.message();
      void d.accept();
    });
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Nieuw advies' }).click();
    await page.waitForURL(/\/advies/);
    expect(asked).toMatch(/nog niet zijn verzonden/);
    const advies = await apiAs(page, 'GET', `/api/adviezen/${adviesId}`);
    expect(advies.json).toMatchObject({ uitkomst: 'doorverwezen', meldingId: null });

    const recent = page.getByRole('region', { name: 'Mijn recente adviezen' });
    await recent.getByRole('link', { name: 'Omzetting afmaken' }).first().click();
    await page.waitForURL(new RegExp(`advies=${adviesId}`));
    await expect.poll(() => page.getByLabel('Straat', { exact: true }).inputValue()).toBe('Haaksbergerstraat');
    await page.getByLabel('Naam', { exact: true }).fill('Dokter Demo');
    await page.getByLabel('Postcode', { exact: true }).fill('7513 AB');
    await page.getByLabel('Huisnummer', { exact: true }).fill('10');
    await page.getByLabel('Plaats', { exact: true }).fill('Enschede');
    await page.getByLabel('Gemeente', { exact: true }).selectOption('GM0153');
    await page.getByLabel('Voornaam', { exact: true }).fill('Eva');
    await page.getByLabel('Achternaam', { exact: true }).fill('Demo');
    await page.getByRole('button', { name: 'Melding registreren' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /Melding M-\d{4}-\d{6} is geregistreerd/ }).count()).toBe(1);

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Nieuw advies' }).click();
    const row = page.getByRole('region', { name: 'Mijn recente adviezen' }).getByRole('row').filter({ has: page.getByRole('link', { name: /^M-\d{4}-\d{6}$/ }) });
    await expect.poll(() => row.count()).toBeGreaterThan(0);
    expect((await apiAs(page, 'GET', `/api/adviezen/${adviesId}`)).json).toMatchObject({ uitkomst: 'omgezet_in_melding' });
    await expectAccessible(page, 'advies-recent');
    await page.context().close();
  });
});

describe('two people on one case', () => {
  it('a step on a case a colleague changed meanwhile is refused, and the screen says what changed', async () => {
    const { id } = await partnerMelding({ veiligheid: { schulden: true } });
    const beoordelaar = await signIn('beoordelaar@demo.test');
    // This screen hears nothing live (a dropped connection): only If-Match stands between it and a stale decision.
    await beoordelaar.route('**/api/events**', (r) => r.abort());
    await beoordelaar.goto(`${product.base}/meldingen/${id}`);
    await expect.poll(() => beoordelaar.getByText('Voorstel bevestigen', { exact: false }).count(), { timeout: 15_000 }).toBe(1);

    const chef = await signIn('chef@demo.test');
    expect((await apiAs(chef, 'POST', `/api/meldingen/${id}/aanvulling`, { toelichting: 'Politie: vader heeft een wapen in huis.', veiligheid: { wapen: true } })).status).toBe(200);

    await beoordelaar.getByLabel('Tekst voor het wijkteam').fill('Schulden; het gezin wil hulp van het wijkteam.');
    await beoordelaar.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    const notice = beoordelaar.getByTestId('case-notice');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toMatch(/niet uitgevoerd/);
    await expect(notice.textContent()).resolves.toMatch(/aanvullende informatie/);
    expect((await apiAs(beoordelaar, 'GET', `/api/meldingen/${id}`)).json.beoordeling).toBeNull();
    await expectAccessible(beoordelaar, 'melding-gewijzigd');
    await beoordelaar.context().close();
    await chef.context().close();
  });
});
