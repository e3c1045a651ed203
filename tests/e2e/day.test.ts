// The day in the browser (issue #16), walked in Debian's Chromium with axe on every page: the crisis team acts on
// an acute melding not yet confirmed (what to do now, the acute response, the huisverbod, Code Rood, handing it
// on); the chef van de dag runs the dagstart across teams and assigns, sees a refusal and undoes an assignment; the
// wijkteam reads the handover written for it, never the melder's words; the manager sees the late acute responses.
import { describe, expect, it } from 'vitest';
import { useProduct } from '../support/e2e.ts';

const product = useProduct();
const { expectAccessible, apiAs, partnerMelding, signIn } = product;

describe('the day in the browser', () => {
  it('the crisis team acts on an acute melding before its confirmation, and hands it on after', async () => {
    const { id, reference } = await partnerMelding({ veiligheid: { lopendGeweld: true } });
    const crisis = await signIn('crisis@demo.test');
    await crisis.goto(`${product.base}/meldingen/${id}`);
    const panel = crisis.getByTestId('crisis-panel');
    await panel.getByTestId('crisis-nu').waitFor({ timeout: 15_000 });
    await expect(panel.getByTestId('crisis-nu').textContent()).resolves.toContain('ga met z’n tweeën op huisbezoek');
    await expectAccessible(crisis, 'crisis-nu');

    // The acute response: when (now, on the Amsterdam clock), what and by whom (a duo).
    const form = panel.getByTestId('acute-inzet-form');
    await form.getByRole('button', { name: 'Acute inzet vastleggen' }).click();
    await form.getByText('Kies wat er is gedaan.').waitFor();
    await form.getByLabel('Huisbezoek').check();
    await form.getByLabel('Veiligheidsplan gemaakt').check();
    await expect(form.locator('input[name=uitvoerders]:checked').count()).resolves.toBe(1);
    await form.locator('input[name=uitvoerders]:not(:checked)').first().check();
    await form.getByRole('textbox', { name: /^Toelichting/ }).fill('Moeder en kinderen naar oma; vader heeft de woning verlaten.');
    await expect(form.getByTestId('counter').textContent()).resolves.toBe('60 van 2000 tekens');
    await form.getByRole('button', { name: 'Acute inzet vastleggen' }).click();
    await panel.getByRole('status').filter({ hasText: 'De acute inzet is vastgelegd.' }).waitFor();
    const given = panel.getByTestId('acute-inzet');
    await given.getByText(/Huisbezoek, Veiligheidsplan gemaakt — door .+ & .+/).waitFor();
    await given.getByText('(op tijd)').waitFor();

    // The huisverbod, imposed today and extended to its last allowed day.
    const thv = crisis.getByTestId('thv-panel');
    await thv.getByRole('button', { name: 'Huisverbod vastleggen' }).click();
    await thv.getByRole('status').filter({ hasText: /loopt tot en met/ }).waitFor();
    await thv.getByLabel('Verlengen tot en met').waitFor();
    await thv.getByRole('button', { name: 'Huisverbod verlengen' }).click();
    await thv.getByText(/verlengd tot en met/).first().waitFor();

    // Code Rood from the screen.
    const codeRood = crisis.getByRole('region', { name: 'Code Rood' });
    await codeRood.getByLabel('Toelichting', { exact: true }).fill('Intiem terrorisme: doodsbedreiging en stalking; ZVH ingeschakeld.');
    await codeRood.getByRole('button', { name: 'Code Rood aanzetten' }).click();
    await codeRood.getByText(/Code Rood sinds/).waitFor();
    await expectAccessible(crisis, 'crisis-inzet');

    // Before the confirmation the case cannot be handed on; the chef confirms, then the crisis team hands it on.
    await panel.getByText('Doorzetten kan nadat de beoordeling de crisisroute heeft bevestigd.').waitFor();
    const chef = await signIn('chef@demo.test');
    expect((await apiAs(chef, 'POST', `/api/meldingen/${id}/beoordeling`, { route: 'crisisteam', band: 'P1' })).status).toBe(200);
    await chef.context().close();
    await crisis.reload();
    const handOn = crisis.getByTestId('doorzetten-form');
    await handOn.getByLabel('Naar').selectOption('mdo');
    await handOn.getByLabel('Waarom').fill('Acuut gevaar geweken; structurele zorgen om de kinderen.');
    let asked = '';
    crisis.once('dialog', (d) => {
      asked = d.message();
      void d.accept();
    });
    await handOn.getByRole('button', { name: 'Doorzetten' }).click();
    await crisis.getByText(/De zaak is doorgezet naar MDO/).waitFor();
    expect(asked).toBe(`Zaak ${reference} doorzetten naar MDO (multidisciplinair overleg)? Het crisisteam is daarna niet meer de eigenaar.`);
    await crisis.context().close();
  });

  it("the chef's dagstart spans every team, acute first; an assignment offers only who may take the case, shows a refusal and can be undone", async () => {
    const acute = await partnerMelding({ veiligheid: { wapen: true } });
    const plain = await partnerMelding({ veiligheid: { schulden: true } });
    const chef = await signIn('chef@demo.test');
    const staff = (await apiAs(chef, 'GET', '/api/users')).json.items as { id: string; name: string; roles: string[] }[];
    const beoordelaar = staff.find((u) => u.roles.includes('beoordelaar') && !u.roles.includes('chef_van_de_dag'))!;
    const medewerker = staff.find((u) => u.roles.length === 1 && u.roles[0] === 'medewerker')!;
    await chef.goto(`${product.base}/werkvoorraad`);
    await expect.poll(() => chef.getByRole('combobox', { name: 'Team', exact: true }).inputValue()).toBe('alle');
    await chef.getByRole('columnheader', { name: 'Team' }).waitFor();
    const acuteRow = chef.locator(`tr[data-reference="${acute.reference}"]`);
    await acuteRow.locator('.vt-band--P1').waitFor({ timeout: 15_000 });
    await expect(acuteRow.textContent()).resolves.toContain('Crisisteam');
    // Acute first: no P1 below a row that is not P1 (once the live list has taken in both new meldingen).
    const acuteFirst = async () => {
      const bands = await chef.locator('tbody tr .vt-band').allTextContents();
      return bands.indexOf('P1') === 0 && !bands.slice(bands.findIndex((b) => b !== 'P1')).includes('P1');
    };
    await expect.poll(acuteFirst, { timeout: 10_000 }).toBe(true);
    await expectAccessible(chef, 'dagstart');

    const row = chef.locator(`tr[data-reference="${plain.reference}"]`);
    await row.waitFor({ timeout: 15_000 });
    await row.getByRole('button', { name: `Toewijzen ${plain.reference}` }).click();
    const choice = row.getByRole('group', { name: 'Toewijzen aan (een of twee medewerkers)' });
    await choice.getByLabel(beoordelaar.name).waitFor();
    // A case waiting for its beoordeling is no work for the onderzoek's case worker.
    await expect(choice.getByLabel(medewerker.name).count()).resolves.toBe(0);
    await expectAccessible(chef, 'toewijzen');
    await choice.getByLabel(beoordelaar.name).check();
    await row.getByRole('button', { name: 'Opslaan' }).click();
    await chef.getByTestId('assign-notice').getByText(`${plain.reference} is toegewezen aan ${beoordelaar.name}.`).waitFor();
    await expect.poll(() => row.textContent()).toContain(beoordelaar.name);
    await chef.getByRole('button', { name: 'Ongedaan maken' }).click();
    await chef.getByTestId('assign-notice').getByText(`De toewijzing van ${plain.reference} is ongedaan gemaakt.`).waitFor();
    await expect.poll(() => row.textContent()).not.toContain(beoordelaar.name);

    // The case changes while the chef chooses: the server refuses, and the screen says why. The crisis team may
    // take the acute case waiting for its confirmation; once the beoordeling sends it to the MDO, no longer.
    const crisisMember = staff.find((u) => u.roles.length === 1 && u.roles[0] === 'crisisteam')!;
    await acuteRow.getByRole('button', { name: `Toewijzen ${acute.reference}` }).click();
    const acuteChoice = acuteRow.getByRole('group', { name: 'Toewijzen aan (een of twee medewerkers)' });
    await acuteChoice.getByLabel(crisisMember.name).check();
    const b = await signIn('beoordelaar@demo.test');
    expect((await apiAs(b, 'POST', `/api/meldingen/${acute.id}/beoordeling`, { route: 'mdo', band: 'P2', reason: 'Geen acuut gevaar meer; wel structurele zorgen.' })).status).toBe(200);
    await b.context().close();
    await expect.poll(() => acuteRow.textContent()).toContain('MDO');
    await acuteRow.getByRole('button', { name: 'Opslaan' }).click();
    await chef.getByTestId('assign-error').getByText(`Toewijzen is niet gelukt: ${crisisMember.name} kan deze zaak in deze stap niet aannemen.`).waitFor();
    await chef.context().close();
  });

  it("the wijkteam reads the handover written for it and its gemeente's name, never the melder's words", async () => {
    const { id, reference } = await partnerMelding({ veiligheid: { schulden: true }, toelichting: 'Leerkracht groep 3: Sanne vertelde dat papa mama sloeg.' });
    const beoordelaar = await signIn('beoordelaar@demo.test');
    await expect.poll(async () => (await apiAs(beoordelaar, 'GET', `/api/meldingen/${id}`)).json.status, { timeout: 15_000 }).toBe('triage_voorgesteld');
    const decided = await apiAs(beoordelaar, 'POST', `/api/meldingen/${id}/beoordeling`, {
      route: 'wijkteam',
      band: 'P3',
      reason: 'De leerkracht wil anoniem blijven; de spanningen wegen zwaarder dan het voorstel.',
      overdracht: { toelichting: 'Zorgen over spanningen tussen de ouders; moeder wil hulp bij schulden.' },
    });
    expect(decided.status).toBe(200);
    await beoordelaar.context().close();

    const wijk = await signIn('wijkteam.enschede@demo.test');
    await wijk.waitForURL(/\/overdrachten/);
    const row = wijk.locator(`tr[data-reference="${reference}"]`);
    await row.getByText('Zorgen over spanningen tussen de ouders; moeder wil hulp bij schulden.').waitFor();
    await expect(row.textContent()).resolves.toContain('Enschede');
    // The decided band, not the proposal, travels with the handover.
    await expect(row.locator('.vt-band').textContent()).resolves.toBe('P3');
    await expect(row.textContent()).resolves.not.toContain('GM0153');
    await row.getByRole('link', { name: reference }).click();
    await wijk.waitForURL(/\/meldingen\//);
    await wijk.getByTestId('overdracht-tekst').waitFor();
    await expectAccessible(wijk, 'wijkteam-melding');
    const text = (await wijk.locator('main').textContent()) ?? '';
    expect(text).toContain('Zorgen over spanningen tussen de ouders');
    expect(text).not.toMatch(/leerkracht/i);
    await wijk.context().close();
  });

  it('the manager sees the acute responses given late on the dashboard', async () => {
    const manager = await signIn('manager@demo.test');
    await manager.goto(`${product.base}/dashboard`);
    const tile = manager.locator('[data-metric="acute_inzet_te_laat"]');
    await tile.getByText('Acute inzet te laat (90 dagen)').waitFor();
    await expectAccessible(manager, 'dashboard-acuut');
    await manager.context().close();
  });

  it("the beheerder keeps the Atw calendar: the year's days with their source, and a declared day added", async () => {
    const beheer = await signIn('beheer@demo.test');
    await beheer.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Kalender' }).click();
    await beheer.getByRole('heading', { name: 'Werkdagenkalender' }).waitFor();
    const jaar = await beheer.getByLabel('Jaar').inputValue();
    await beheer.locator(`tr[data-datum="${jaar}-12-25"]`).getByText('Algemene termijnenwet art. 3 lid 1').waitFor();
    await expectAccessible(beheer, 'kalender');
    const datum = `${Number(jaar) + 3}-03-07`;
    await beheer.getByLabel('Datum').fill(datum);
    await beheer.getByLabel('Omschrijving').fill('Dag na de verkiezingen (besluit, testdag)');
    await beheer.getByRole('button', { name: 'Dag toevoegen' }).click();
    await beheer.getByRole('status').filter({ hasText: /is toegevoegd als niet-werkdag/ }).waitFor();
    await expect.poll(() => beheer.getByLabel('Jaar').inputValue()).toBe(String(Number(jaar) + 3));
    await beheer.locator(`tr[data-datum="${datum}"]`).getByText('Toegevoegd door beheer (besluit in de omschrijving)').waitFor();
    // The same day twice is refused in words.
    await beheer.getByLabel('Datum').fill(datum);
    await beheer.getByLabel('Omschrijving').fill('Nog een keer');
    await beheer.getByRole('button', { name: 'Dag toevoegen' }).click();
    await beheer.getByRole('alert').filter({ hasText: 'Deze dag staat al in de kalender.' }).waitFor();
    await beheer.context().close();
  });
});
