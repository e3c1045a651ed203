// Triage policy v2 in the browser (issue #17), in Debian's Chromium with axe on every page: a melding where a
// professional is already involved goes the hulpverlening route from intake to monitoring — the proposal explains
// itself in words true of the melding, the beoordelaar names the organisation and contact person, a case worker
// records the warm handover's acceptance on their behalf, monitoring is planned — and a melding about forced marriage
// shows the attention points of the specialism before anyone approaches the family.
import { describe, expect, it } from 'vitest';
import { useProduct } from '../support/e2e.ts';

const product = useProduct();
const { apiAs, expectAccessible, partnerMelding, signIn } = product;

/** A household of its own, so no earlier melding (radar) changes the proposal. */
const ownHousehold = (n: string) => ({
  huishouden: { adres: { straat: 'Warme Overdracht', huisnummer: n, postcode: '7514 WO', plaats: 'Enschede' }, gemeente: 'GM0153' },
  betrokkenen: [{ rol: 'slachtoffer', voornaam: `Hulp${n}`, achternaam: 'Verlening', geboortedatum: '1987-05-05' }],
});

describe('triage policy v2 in the browser', () => {
  it('a hulpverlening case from intake to monitoring: explained, handed over by name, accepted on the contact person’s behalf', async () => {
    const { id, reference } = await partnerMelding({
      ...ownHousehold(String(Date.now() % 100_000)),
      veiligheid: { professionalBetrokken: true, huishoudenWerktMee: true, verslaving: true, schulden: true },
    });
    const page = await signIn('beoordelaar@demo.test');
    await page.goto(`${product.base}/meldingen/${id}`);
    const triage = page.getByRole('region', { name: 'Triagevoorstel' });
    await triage.getByTestId('triage-uitleg').waitFor({ timeout: 15_000 });
    await expect(triage.getByTestId('triage-uitleg').textContent()).resolves.toBe(
      'Er is al een professional betrokken en het huishouden werkt mee, bij structurele zorgen (verslaving) en meervoudige problemen (schulden): overdracht aan de betrokken hulpverlening.',
    );
    await triage.getByText('Betrokken hulpverlening (overdracht)').waitFor();
    await expectAccessible(page, 'hulpverlening-voorstel');

    // Confirming the proposal asks for the professional involved and the text written for them.
    await page.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    const fields = page.getByTestId('hulpverlening-fields');
    await fields.getByText('Dit veld is verplicht.').first().waitFor();
    await fields.getByLabel('Organisatie').fill('Tactus Verslavingszorg');
    await fields.getByLabel('Contactpersoon').fill('J. de Vries');
    await fields.getByLabel('Telefoon').fill('053 123 4567');
    await page.getByLabel('Tekst voor de betrokken hulpverlening').fill('Vader is in behandeling bij Tactus; het gezin wil hulp bij de schulden.');
    await expectAccessible(page, 'hulpverlening-beoordeling');
    await page.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    await page.getByText('Beoordeeld: Betrokken hulpverlening (overdracht), P4').waitFor();
    await page.getByTestId('overdracht-hulpverlening').getByText('Overgedragen aan Tactus Verslavingszorg, contactpersoon J. de Vries').waitFor();

    // The warm handover: the case worker records that the contact person took the case over.
    const warm = page.getByTestId('warme-overdracht');
    await warm.getByRole('button', { name: 'Acceptatie vastleggen namens de contactpersoon' }).click();
    await page.getByRole('status').filter({ hasText: 'De acceptatie is vastgelegd; de monitoring is gepland.' }).waitFor();
    await page.getByText('Geaccepteerd namens de contactpersoon, vastgelegd door Veilig Thuis.').waitFor();
    await expect(page.getByRole('region', { name: 'Overdracht en monitoring' }).locator('li').count()).resolves.toBe(3);
    await expectAccessible(page, 'hulpverlening-monitoring');

    // The handovers list names the organisation, not a gemeente.
    await page.goto(`${product.base}/overdrachten`);
    await page.locator(`tr[data-reference="${reference}"]`).getByText('Betrokken hulpverlening: Tactus Verslavingszorg').waitFor();
    await page.context().close();

    // The wijkteam of the household's gemeente never sees it.
    const wijk = await signIn('wijkteam.enschede@demo.test');
    await wijk.goto(`${product.base}/overdrachten`);
    await wijk.getByRole('heading', { name: 'Overdrachten' }).waitFor();
    await expect(wijk.locator(`tr[data-reference="${reference}"]`).count()).resolves.toBe(0);
    await wijk.context().close();
  });

  it('a melding about forced marriage shows what the specialism requires, and goes to the MDO', async () => {
    const { id } = await partnerMelding({ ...ownHousehold(`${Date.now() % 100_000}b`), geweldsvormen: ['huwelijksdwang'], veiligheid: { schulden: true } });
    const page = await signIn('beoordelaar@demo.test');
    await page.goto(`${product.base}/meldingen/${id}`);
    const punten = page.getByTestId('aandachtspunten');
    await punten.waitFor({ timeout: 15_000 });
    await expect(punten.textContent()).resolves.toContain('Landelijk Expertisecentrum Eergerelateerd Geweld (LEC EGG)');
    await expect(punten.textContent()).resolves.toContain('Benader de ouders of de familie niet voordat die er is.');
    await expect(page.getByTestId('triage-uitleg').textContent()).resolves.toBe(
      'Vermoeden van eergerelateerd geweld (huwelijksdwang): naar het MDO, nooit rechtstreeks naar het wijkteam; eerst een risicotaxatie en de specialistische keten.',
    );
    await page.getByText('Eergerelateerd geweld: huwelijksdwang: +15').waitFor();
    await expectAccessible(page, 'aandachtspunten');
    await page.context().close();
  });

  it('an aanvulling from the case page adds forced marriage; the triage runs again and sends the case to the MDO', async () => {
    const { id } = await partnerMelding({ ...ownHousehold(`${Date.now() % 100_000}d`), veiligheid: { schulden: true } });
    const page = await signIn('beoordelaar@demo.test');
    await page.goto(`${product.base}/meldingen/${id}`);
    const uitleg = page.getByTestId('triage-uitleg');
    await expect.poll(() => uitleg.textContent(), { timeout: 15_000 }).toBe('Meervoudige problemen (schulden): overdracht aan het wijkteam van de gemeente.');
    const panel = page.getByTestId('aanvulling');
    await panel.locator('summary').click();
    await panel.getByRole('button', { name: 'Aanvulling vastleggen' }).click();
    await panel.getByRole('alert').filter({ hasText: 'Kies een vorm van geweld of een veiligheidsvraag, of schrijf een toelichting.' }).waitFor();
    await panel.getByRole('group', { name: 'Vormen van geweld die erbij komen' }).getByLabel('Huwelijksdwang').check();
    await panel.getByLabel(/^Toelichting/).fill('School meldt dat de dochter na de zomer in het buitenland wordt uitgehuwelijkt.');
    await expectAccessible(page, 'aanvulling');
    await panel.getByRole('button', { name: 'Aanvulling vastleggen' }).click();
    await panel.getByRole('status').filter({ hasText: 'De aanvulling is vastgelegd; de triage loopt opnieuw.' }).waitFor();
    await expect
      .poll(async () => {
        await page.reload();
        return page.getByTestId('triage-uitleg').textContent();
      }, { timeout: 20_000, interval: 1000 })
      .toBe('Vermoeden van eergerelateerd geweld (huwelijksdwang): naar het MDO, nooit rechtstreeks naar het wijkteam; eerst een risicotaxatie en de specialistische keten.');
    await page.getByTestId('aandachtspunten').waitFor();
    await page.context().close();
  });

  it('the beheerder reads the register entry of each version and switches versions with a reason and a moment', async () => {
    const beheer = await signIn('beheer@demo.test');
    await beheer.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Triagebeleid' }).click();
    await beheer.getByTestId('beleid-actief').getByText('Actieve versie: v2').waitFor();
    await expectAccessible(beheer, 'triagebeleid');
    await beheer.getByRole('link', { name: 'Beschrijving van versie v1 (algoritmeregister)' }).click();
    await beheer.getByRole('heading', { name: 'Algoritmeregister: Triagevoorstel Veilig Thuis, versie v1' }).waitFor();
    await beheer.getByTestId('register-actief').getByText('Deze versie is nu niet actief.').waitFor();
    await expect(beheer.getByTestId('register-regels').locator('li').count()).resolves.toBe(5);
    for (const h of ['Doel', 'Werking', 'Menselijke tussenkomst', 'Gegevens', "Risico's en maatregelen"]) await beheer.getByRole('heading', { name: h, exact: true }).waitFor();
    await expectAccessible(beheer, 'algoritmeregister');
    await beheer.getByRole('link', { name: 'Terug naar het triagebeleid' }).click();

    // A switch later on: the beheerder is asked once more, and the moment is on the Amsterdam clock.
    const form = beheer.getByRole('region', { name: 'Versie activeren' });
    await form.getByLabel('Versie').selectOption('v2');
    const later = new Date(Date.now() + 3 * 86_400_000);
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(later).replace(' ', 'T');
    await form.getByLabel('Ingang').fill(local);
    await form.getByRole('textbox', { name: /^Reden/ }).fill('Herbevestiging na de evaluatie van het eerste kwartaal.');
    let asked = '';
    beheer.once('dialog', (d) => {
      asked = d.message();
      void d.accept();
    });
    await form.getByRole('button', { name: 'Versie activeren' }).click();
    await form.getByRole('status').filter({ hasText: /^Versie v2 geldt vanaf / }).waitFor();
    expect(asked).toMatch(/^Versie v2 activeren vanaf \d{1,2} \w+\.? \d{4}/);
    await beheer.getByRole('cell', { name: 'Herbevestiging na de evaluatie van het eerste kwartaal.' }).waitFor();
    await beheer.context().close();
  });

  it('the chef compares v1 with v2 on the stored meldingen and opens the cases behind a changed cell', async () => {
    // One melding that v2 certainly routes otherwise than v1: forced marriage with debts (v1 wijkteam, v2 mdo).
    const { reference } = await partnerMelding({ ...ownHousehold(`${Date.now() % 100_000}c`), geweldsvormen: ['huwelijksdwang'], veiligheid: { schulden: true } });
    const chef = await signIn('chef@demo.test');
    await chef.goto(`${product.base}/triagebeleid`);
    const compare = chef.getByRole('region', { name: 'Vergelijken voordat u overstapt' });
    await compare.getByRole('button', { name: 'Vergelijken' }).click();
    await compare.getByTestId('vergelijking-samenvatting').waitFor();
    await expect(compare.getByTestId('vergelijking-samenvatting').textContent()).resolves.toMatch(/^Van [\d.]+ meldingen krijgen er [\d.]+ een ander voorstel/);
    await expectAccessible(chef, 'triage-vergelijking');
    const cell = compare.getByTestId('matrix-route').locator('td[data-cel="wijkteam>mdo"]').getByRole('button');
    await cell.click();
    const zaken = compare.getByTestId('vergelijking-zaken');
    await zaken.getByRole('link', { name: reference }).click();
    await chef.waitForURL(/\/meldingen\//);
    await chef.getByTestId('aandachtspunten').waitFor();
    await chef.context().close();
  });

  it('the manager sees the override and fairness review on the dashboard, with known numbers and a chart beside every table', async () => {
    // A hand-made set on top of this file's one beoordeling so far (the hulpverlening case, confirmed): two debts
    // cases (rule wijkteam, P4), one confirmed and one overridden to the MDO.
    const b = await signIn('beoordelaar@demo.test');
    for (const [i, body] of [
      { route: 'wijkteam', band: 'P4' },
      { route: 'mdo', band: 'P4', reason: 'Ontkenning in het gesprek met de melder.' },
    ].entries()) {
      const { id } = await partnerMelding({ ...ownHousehold(`${(Date.now() + i) % 100_000}e`), veiligheid: { schulden: true } });
      await expect.poll(async () => (await apiAs(b, 'GET', `/api/meldingen/${id}`)).json.status, { timeout: 15_000 }).toBe('triage_voorgesteld');
      expect((await apiAs(b, 'POST', `/api/meldingen/${id}/beoordeling`, body)).status).toBe(200);
    }
    await b.context().close();
    const manager = await signIn('manager@demo.test');
    await manager.goto(`${product.base}/dashboard`);
    const review = manager.getByTestId('toetsing');
    await review.getByRole('heading', { name: 'Toetsing van de triage: afwijkingen en gelijke behandeling' }).waitFor();
    await review.getByLabel('Drempel voor herziening (%)').fill('20');
    await review.getByRole('button', { name: 'Tonen' }).click();
    await review.getByTestId('toetsing-samenvatting').waitFor({ timeout: 15_000 });
    await expect(review.getByTestId('toetsing-samenvatting').textContent()).resolves.toMatch(/^1 van 3 beoordelingen weken af van het voorstel \(33,3%\)/);
    const wijkteam = review.locator('tr[data-regel="wijkteam"]');
    await expect(wijkteam.locator('td').allTextContents()).resolves.toEqual(['2', '1', '50%', '—']);
    await expect(review.locator('tr[data-regel="hulpverlening"] td').allTextContents()).resolves.toEqual(['1', '0', '0%', '—']);
    await expect(review.getByTestId('verdeling-leeftijd').locator('tr[data-groep="geen_kind"] td').first().textContent()).resolves.toBe('3');
    await review.getByTestId('verdeling-leeftijd').locator('canvas[role="img"]').waitFor();
    await review.getByRole('columnheader', { name: 'Voorgesteld P1' }).first().waitFor();
    await expectAccessible(manager, 'toetsing');
    // The manager compares versions too (aggregates), but opens no case behind a cell.
    await manager.goto(`${product.base}/triagebeleid`);
    const compare = manager.getByRole('region', { name: 'Vergelijken voordat u overstapt' });
    await compare.getByRole('button', { name: 'Vergelijken' }).click();
    await compare.getByTestId('matrix-band').waitFor();
    await expect(compare.getByTestId('matrix-route').getByRole('button').count()).resolves.toBe(0);
    await manager.context().close();
  });
});
