// Triage policy v2 in the browser (issue #17), in Debian's Chromium with axe on every page: a melding where a
// professional is already involved goes the hulpverlening route from intake to monitoring — the proposal explains
// itself in words true of the melding, the beoordelaar names the organisation and contact person, a case worker
// records the warm handover's acceptance on their behalf, monitoring is planned — and a melding about forced marriage
// shows the attention points of the specialism before anyone approaches the family.
import { describe, expect, it } from 'vitest';
import { useProduct } from '../support/e2e.ts';

const product = useProduct();
const { expectAccessible, partnerMelding, signIn } = product;

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
});
