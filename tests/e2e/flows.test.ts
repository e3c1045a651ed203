// End to end in Debian's Chromium against the real server (API, workers and the built web app in one process):
// an adviseur logs an advies by keyboard alone and files a melding, a partner's melding appears live on the chef
// van de dag's queue, a beoordelaar confirms a triage; axe-core checks every page.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { amsterdamDate } from '@vt/db/domain';
import { useProduct } from '../support/e2e.ts';
import { DEMO_API_KEY } from '../support/env.ts';
import { meldingBody } from '../support/fixtures.ts';

const product = useProduct();
const signIn = (email: string) => product.signIn(email);
const { expectAccessible, apiAs, partnerMelding } = product;

describe('staff flows in Chromium', () => {
  it('the login page is accessible', async () => {
    const context = await product.browser.newContext({ bypassCSP: true, locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(`${product.base}/werkvoorraad`);
    await page.waitForURL(/\/login/);
    await expectAccessible(page, 'login');
    await context.close();
  });

  it('an adviseur logs an advies with the keyboard alone', async () => {
    const page = await signIn('adviseur@demo.test');
    await page.keyboard.press('Alt+N');
    await page.waitForURL(/\/advies/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('kanaal');
    await expectAccessible(page, 'advies');
    // kanaal → vragerType → anoniem → the first geweldsvorm toggle.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.checked)).toBe(true);
    let guard = 0;
    while ((await page.evaluate(() => document.activeElement?.getAttribute('name'))) !== 'samenvatting' && guard++ < 40) await page.keyboard.press('Tab');
    await page.keyboard.type('Buurvrouw hoort vaak geschreeuw en een kind dat huilt.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Meldcode besproken; bij direct gevaar 112 bellen.');
    // A crash or reload mid-call loses nothing: the draft comes back.
    await page.reload();
    await expect.poll(() => page.getByLabel('Gegeven advies').inputValue()).toBe('Meldcode besproken; bij direct gevaar 112 bellen.');
    await expect.poll(() => page.getByText(/Uw concept van .* is hersteld/).count()).toBe(1);
    // ... from the server: the browser's storage holds none of it.
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).not.toContain('geschreeuw');
    await page.getByLabel('Gegeven advies').focus();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: /Advies A-\d{4}-\d{6} is opgeslagen/ }).count()).toBe(1);
    await page.context().close();
  });

  it('an adviseur files a melding from the form and can open it', async () => {
    const page = await signIn('adviseur@demo.test');
    await page.goto(`${product.base}/melding/nieuw`);
    await expectAccessible(page, 'melding-nieuw');
    await page.getByRole('button', { name: 'Melding registreren' }).click();
    // Dutch validation messages next to the fields.
    await expect.poll(() => page.getByText('Dit veld is verplicht.').count()).toBeGreaterThan(3);
    await expect.poll(() => page.getByText('Vul een Nederlandse postcode in, zoals 7511 AB.').count()).toBe(1);
    await page.getByLabel('Naam', { exact: true }).fill('Juf Demo');
    // What the CBS delivery needs: the organisation group, the occupation, how long it has gone on.
    await page.getByLabel('Sector').selectOption('bureau_leerplicht');
    await page.getByLabel('Beroep').selectOption('anders');
    await page.getByLabel('Hoe lang speelt het geweld al').selectOption('jaar_tot_vijf_jaar');
    await page.getByLabel('Postcode', { exact: true }).fill('7511 AB');
    await page.getByLabel('Huisnummer', { exact: true }).fill('12');
    await page.getByLabel('Straat', { exact: true }).fill('Oude Markt');
    await page.getByLabel('Plaats', { exact: true }).fill('Enschede');
    await page.getByLabel('Gemeente', { exact: true }).selectOption('GM0153');
    await page.getByLabel('Voornaam', { exact: true }).fill('Sanne');
    await page.getByLabel('Achternaam', { exact: true }).fill('Demo');
    await page.getByLabel('Herhaald geweld').check();
    await page.getByRole('button', { name: 'Melding registreren' }).click();
    const status = page.getByRole('status').filter({ hasText: /Melding M-\d{4}-\d{6} is geregistreerd/ });
    await expect.poll(() => status.count()).toBe(1);
    await page.getByRole('link', { name: 'Melding openen' }).click();
    await page.waitForURL(/\/meldingen\//);
    await expect.poll(() => page.getByText('herhaald geweld: +10').count(), { timeout: 15_000 }).toBe(1);
    await page.getByText('Bureau Leerplicht · Ander beroep · Hoe lang speelt het geweld al: een tot vijf jaar').waitFor();
    await page.context().close();
  });

  it('an adviseur turns an advies into a melding with one action, the known fields carried over', async () => {
    const page = await signIn('adviseur@demo.test');
    await page.goto(`${product.base}/advies`);
    await page.getByLabel('Wie belt of chat').selectOption('professional');
    await page.getByLabel('Sector').selectOption('onderwijs');
    await page.getByLabel('Beroep').selectOption('onderwijs');
    await page.getByLabel('Gemeente van de situatie').selectOption('GM0153');
    await page.getByLabel('Anoniem (er wordt niets over de vrager vastgelegd)').uncheck();
    await page.getByRole('textbox', { name: /^Naam/ }).fill('Meester Demo');
    await page.getByLabel('Stalking').check();
    await page.getByLabel('Samenvatting van de vraag').fill('Leerling wordt door ex van moeder gevolgd.');
    await page.getByLabel('Gegeven advies').fill('Melding besproken en gedaan.');
    await page.getByRole('button', { name: 'Omzetten in melding' }).click();
    await page.waitForURL(/\/melding\/nieuw\?advies=/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Melding bij advies A-\d{4}-\d{6}/);
    expect(await page.getByLabel('Naam', { exact: true }).inputValue()).toBe('Meester Demo');
    // The CBS fields of the advies carry over too.
    expect(await page.getByLabel('Sector').inputValue()).toBe('onderwijs');
    expect(await page.getByLabel('Beroep').inputValue()).toBe('onderwijs');
    expect(await page.getByLabel('Stalking').first().isChecked()).toBe(true);
    expect(await page.getByLabel('Toelichting').inputValue()).toBe('Leerling wordt door ex van moeder gevolgd.');
    await page.getByLabel('Postcode', { exact: true }).fill('7551 DR');
    await page.getByLabel('Huisnummer', { exact: true }).fill('4');
    await page.getByLabel('Straat', { exact: true }).fill('Marktstraat');
    await page.getByLabel('Plaats', { exact: true }).fill('Hengelo');
    await page.getByLabel('Gemeente', { exact: true }).selectOption('GM0164');
    await page.getByLabel('Voornaam', { exact: true }).fill('Noa');
    await page.getByLabel('Achternaam', { exact: true }).fill('Demo');
    await page.getByRole('button', { name: 'Melding registreren' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /Melding M-\d{4}-\d{6} is geregistreerd/ }).count()).toBe(1);
    await page.context().close();
  });

  it("a partner's acute melding appears live on the chef's queue within 2 seconds, and announces itself", async () => {
    const page = await signIn('chef@demo.test');
    await page.goto(`${product.base}/werkvoorraad`);
    await expect.poll(() => page.getByText('Live bijgewerkt').count()).toBe(1);
    await expectAccessible(page, 'werkvoorraad');
    // From here on the list is patched: the case the event names is read, not the whole queue.
    const reads: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/werkvoorraad') reads.push(new URL(r.url()).search);
    });
    const started = Date.now();
    const res = await fetch(`${product.base}/api/meldingen`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(meldingBody({ veiligheid: { wapen: true } })),
    });
    const { reference } = (await res.json()) as { reference: string };
    await page.locator(`tr[data-reference="${reference}"]`).waitFor({ timeout: 2000 });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(2000);
    await expect.poll(() => page.locator(`tr[data-reference="${reference}"] .vt-band--P1`).count()).toBe(1);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: `Nieuwe acute melding ${reference}` }).count()).toBe(1);
    expect(reads.length).toBeGreaterThan(0);
    for (const q of reads) expect(q).toMatch(/[?&]ids=[0-9a-f-]{36}/);
    await page.context().close();
  });

  it("the Enschede wijkteam accepts a handover from its inbox, which shows no melder", async () => {
    const res = await fetch(`${product.base}/api/meldingen`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(meldingBody({ veiligheid: { schulden: true } })),
    });
    const { id, reference } = (await res.json()) as { id: string; reference: string };
    const beoordelaar = await signIn('beoordelaar@demo.test');
    const decided = await beoordelaar.evaluate(async (meldingId) => {
      const s = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const r = await fetch(`/api/meldingen/${meldingId}/beoordeling`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken },
        body: JSON.stringify({ route: 'wijkteam', band: 'P4', reason: 'Schulden; gezin wil hulp van het wijkteam.' }),
      });
      return r.status;
    }, id);
    expect(decided).toBe(200);
    await beoordelaar.context().close();
    const page = await signIn('wijkteam.enschede@demo.test');
    await page.waitForURL(/\/overdrachten/);
    const row = page.locator(`tr[data-reference="${reference}"]`);
    await row.waitFor();
    await expectAccessible(page, 'overdrachten');
    expect(await page.locator('main').textContent()).not.toContain('Agent Testpersoon');
    await row.getByRole('button', { name: `Accepteren ${reference}` }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: `Overdracht ${reference} is geaccepteerd` }).count()).toBe(1);
    await page.context().close();
  });

  it('a beoordelaar confirms the triage of a melding on its case view', async () => {
    const res = await fetch(`${product.base}/api/meldingen`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(meldingBody({ veiligheid: { schulden: true }, huishouden: { adres: { straat: 'Markt', huisnummer: '3', postcode: '7481 HS', plaats: 'Haaksbergen' }, gemeente: 'GM0158' } })),
    });
    const { id } = (await res.json()) as { id: string };
    const page = await signIn('beoordelaar@demo.test');
    await page.goto(`${product.base}/meldingen/${id}`);
    await expect.poll(() => page.getByText('Voorstel bevestigen', { exact: false }).count(), { timeout: 15_000 }).toBe(1);
    await expectAccessible(page, 'melding');
    // Route wijkteam hands over at once: the wijkteam reads what is written for it, so the text is asked first.
    await page.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    await page.getByText('Schrijf de overdracht voor wie de zaak overneemt.').waitFor();
    await page.getByLabel('Tekst voor het wijkteam').fill('Schulden en spanningen thuis; het gezin wil hulp van het wijkteam.');
    await page.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    await expect.poll(() => page.getByText(/Beoordeeld: Wijkteam/).count()).toBe(1);
    await page.getByTestId('overdracht-tekst').getByText('Schulden en spanningen thuis; het gezin wil hulp van het wijkteam.').waitFor();
    await page.context().close();
  });

  it('a band override rules the screens: the case keeps the proposal as such, the werkvoorraad and the MDO queue show the decision', async () => {
    const res = await fetch(`${product.base}/api/meldingen`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(meldingBody({ veiligheid: { schulden: true } })),
    });
    const { id, reference } = (await res.json()) as { id: string; reference: string };
    const page = await signIn('beoordelaar@demo.test');
    await page.goto(`${product.base}/meldingen/${id}`);
    await expect.poll(() => page.getByText('Voorstel bevestigen', { exact: false }).count(), { timeout: 15_000 }).toBe(1);
    const proposed = (await page.getByRole('region', { name: 'Triagevoorstel' }).locator('.vt-band').textContent())!.trim();
    expect(proposed).not.toBe('P1');
    await page.getByLabel('Afwijken van het voorstel').check();
    await page.getByLabel('Route').selectOption('mdo');
    await page.getByLabel('Band').selectOption('P1');
    await page.getByLabel('Reden van afwijken').fill('Kind noemt geweld met een wapen; het voorstel weegt dat te licht.');
    await page.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    await page.getByText(/Beoordeeld: MDO, P1/).waitFor();
    // The proposal stays visible as such.
    await expect(page.getByRole('region', { name: 'Triagevoorstel' }).locator('.vt-band').textContent()).resolves.toBe(proposed);
    await page.context().close();

    const chef = await signIn('chef@demo.test');
    await chef.goto(`${product.base}/werkvoorraad`);
    await chef.getByRole('combobox', { name: 'Team', exact: true }).selectOption('mdo');
    const row = chef.locator(`tr[data-reference="${reference}"]`);
    await row.waitFor();
    await expect(row.locator('.vt-band').textContent()).resolves.toBe('P1');
    await expect(row.textContent()).resolves.toContain('MDO');
    const wachtrij = await apiAs(chef, 'GET', '/api/mdo/wachtrij');
    expect((wachtrij.json.items as { id: string; band: string }[]).find((i) => i.id === id)).toMatchObject({ band: 'P1' });
    await chef.context().close();

    // On the MDO's agenda the case carries the decided band too.
    const gw = await signIn('gw@demo.test');
    const me = (await apiAs(gw, 'GET', '/api/auth/session')).json.user!.id;
    const mdo = await apiAs(gw, 'POST', '/api/mdo', { datum: amsterdamDate(new Date()), deelnemers: [me] });
    expect((await apiAs(gw, 'POST', `/api/mdo/${mdo.json.id as string}/agenda`, { meldingId: id })).status).toBe(201);
    await gw.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'MDO' }).click();
    await gw.getByTestId('mdo-komend').getByRole('button', { name: /1 op de agenda, 1 open/ }).first().click();
    const punt = gw.locator('tr', { has: gw.getByRole('link', { name: reference }) });
    await expect(punt.locator('.vt-band').textContent()).resolves.toBe('P1');
    await gw.context().close();
  });

  it('a crisis team member opens a case outside its queue only with a reason (break-glass)', async () => {
    const created = await fetch(`${product.base}/api/meldingen`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(meldingBody({ veiligheid: { schulden: true } })),
    });
    const { id, reference } = (await created.json()) as { id: string; reference: string };
    const page = await signIn('crisis@demo.test');
    await page.goto(`${product.base}/meldingen/${id}`);
    await page.getByRole('heading', { name: 'Melding buiten uw werkvoorraad' }).waitFor();
    await expectAccessible(page, 'break-glass');
    const reason = page.getByLabel('Reden om deze melding te openen');
    await reason.fill('kort');
    await page.getByRole('button', { name: 'Melding openen met deze reden' }).click();
    await page.getByText('Geef een reden van minimaal 10 tekens.').first().waitFor();
    await reason.fill('Politie belt over een nieuw incident op dit adres.');
    await page.getByRole('button', { name: 'Melding openen met deze reden' }).click();
    await page.getByRole('heading', { name: new RegExp(reference) }).waitFor();
    await page.context().close();

    // The manager sees the opening (who, which case, when) without the reason, and without opening the case.
    const manager = await signIn('manager@demo.test');
    await manager.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Toezicht' }).click();
    await manager.getByRole('cell', { name: reference }).waitFor();
    await expect(manager.getByRole('columnheader', { name: 'Reden' }).count()).resolves.toBe(0);
    await expectAccessible(manager, 'toezicht');
    await manager.context().close();
  });

  it('a beoordelaar requests destruction of a case file, the privacy officer grants it with a reason', async () => {
    const created = await fetch(`${product.base}/api/meldingen`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(meldingBody({ veiligheid: { schulden: true } })),
    });
    const { id, reference } = (await created.json()) as { id: string; reference: string };
    const page = await signIn('beoordelaar@demo.test');
    await page.goto(`${product.base}/meldingen/${id}`);
    await page.getByText('Vernietiging aanvragen').click();
    await page.getByLabel('Reden van het verzoek').fill('Betrokkene vraagt vernietiging van het dossier.');
    await page.getByRole('button', { name: 'Verzoek indienen' }).click();
    await page.getByText('Het verzoek tot vernietiging is ingediend.').waitFor();
    await page.context().close();

    const privacy = await signIn('privacy@demo.test');
    await privacy.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Vernietigingsverzoeken' }).click();
    const item = privacy.getByRole('article', { name: new RegExp(reference) });
    await item.waitFor();
    await expectAccessible(privacy, 'vernietiging');
    await item.getByLabel('Reden van uw besluit').fill('Geen zwaarwegend belang bij bewaren.');
    await item.getByRole('button', { name: 'Toewijzen en vernietigen' }).click();
    await privacy.getByText(`Verzoek voor ${reference} toegewezen; het dossier is vernietigd.`).first().waitFor();
    await privacy.context().close();
  });

  it('MDO → onderzoek → outcome → overdracht → accepted → monitoring checkpoint → closed, in the browser', async () => {
    const res = await fetch(`${product.base}/api/meldingen`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(meldingBody({ geweldsvormen: ['partnergeweld'], veiligheid: { schulden: true } })),
    });
    const { id, reference } = (await res.json()) as { id: string; reference: string };
    const beoordelaar = await signIn('beoordelaar@demo.test');
    const routed = await beoordelaar.evaluate(async (meldingId) => {
      const s = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const r = await fetch(`/api/meldingen/${meldingId}/beoordeling`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken },
        body: JSON.stringify({ route: 'mdo', band: 'P2', reason: 'Eerdere hulp bracht geen veiligheid.' }),
      });
      return r.status;
    }, id);
    expect(routed).toBe(200);
    await beoordelaar.context().close();

    const gw = await signIn('gw@demo.test');
    await gw.getByRole('link', { name: 'MDO' }).click();
    await gw.getByRole('heading', { name: 'Multidisciplinair overleg (MDO)' }).waitFor();
    await gw.getByRole('checkbox', { name: /Gedragswetenschapper|gw/i }).first().check();
    // A participant from outside Veilig Thuis, by name and organisation.
    await gw.getByRole('button', { name: 'Deelnemer van buiten toevoegen' }).click();
    const extern = gw.getByTestId('extern').first();
    await extern.getByLabel('Naam').fill('Inspecteur De Vries');
    await extern.getByLabel('Organisatie').fill('Politie Twente');
    await gw.getByRole('button', { name: 'MDO plannen' }).click();
    await gw.getByRole('heading', { name: /Agenda en verslag MDO/ }).waitFor();
    await gw.getByTestId('mdo-externen').getByText('Inspecteur De Vries (Politie Twente)').waitFor();
    await gw.getByRole('button', { name: `${reference} agenderen` }).click();
    await gw.getByLabel(`Besluit over ${reference}`).waitFor();
    // The agenda links the case with a line about it and its decided band; the meeting's counts follow.
    const punt = gw.locator('tr', { has: gw.getByRole('link', { name: reference }) });
    await expect(punt.getByTestId('agenda-samenvatting').textContent()).resolves.toMatch(/Partnergeweld/);
    await expect(punt.locator('.vt-band').textContent()).resolves.toBe('P2');
    await gw.getByTestId('mdo-komend').getByText(/1 op de agenda, 1 open/).first().waitFor();
    await expectAccessible(gw, 'mdo');
    // Printed, the minutes stand alone: no menu, no planning form.
    await gw.emulateMedia({ media: 'print' });
    await expect(gw.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).resolves.toBe(false);
    await expect(gw.getByRole('heading', { name: /Agenda en verslag MDO/ }).isVisible()).resolves.toBe(true);
    await gw.emulateMedia({ media: 'screen' });
    await gw.getByLabel(`Besluit over ${reference}`).selectOption('onderzoek');
    await gw.getByLabel('Toelichting bij het besluit').fill('Onduidelijk of er geweld is; onderzoek nodig.');
    await gw.getByLabel('Eigenaar').selectOption({ index: 1 });
    await gw.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await gw.getByRole('cell', { name: /Onderzoek: Onduidelijk of er geweld is/ }).waitFor();
    await gw.getByTestId('mdo-komend').getByText(/1 op de agenda, 0 open/).first().waitFor();
    await gw.context().close();

    const mw = await signIn('medewerker@demo.test');
    await mw.goto(`${product.base}/meldingen/${id}`);
    await mw.getByText(/Op de wachtlijst sinds/).waitFor();
    await mw.getByRole('button', { name: 'Onderzoek starten' }).click();
    await mw.getByText(/Gestart op .*moet klaar zijn op/).waitFor();
    await expectAccessible(mw, 'onderzoek');
    await mw.getByLabel('Partnergeweld', { exact: false }).first().selectOption('bevestigd');
    await mw.getByLabel('Vervolg').selectOption('overdracht');
    // The conclusions in words, and the handover written for the wijkteam before it is sent.
    await mw.getByRole('button', { name: 'Onderzoek afronden' }).click();
    await mw.getByText('Schrijf de conclusies van het onderzoek (minstens 10 tekens).').waitFor();
    const onderzoek = mw.getByRole('region', { name: 'Onderzoek' });
    await onderzoek.getByLabel('Conclusies').fill('Partnergeweld bevestigd in gesprekken met beide ouders en de school.');
    await onderzoek.getByLabel('Tekst voor het wijkteam').fill('Ouders willen hulp bij de opvoeding; vader volgt een agressietraining.');
    await onderzoek.getByLabel('Veiligheidsvoorwaarden', { exact: false }).fill('Geen geweld in het bijzijn van de kinderen.');
    await mw.getByRole('button', { name: 'Onderzoek afronden' }).click();
    await mw.getByTestId('onderzoek-conclusie').getByText(/Partnergeweld bevestigd/).waitFor();
    await mw.getByText(/Afgerond op .*vervolg: overdracht aan het wijkteam/).waitFor();
    // The melder's feedback after the beoordeling and after the onderzoek are messages to write on the case.
    const feedback = mw.getByRole('region', { name: 'Terugkoppeling aan de melder' });
    const forms = feedback.locator('form');
    await expect.poll(() => forms.count()).toBe(2);
    await forms.first().getByRole('button', { name: 'Bericht aan de melder versturen' }).click();
    await forms.first().getByText('Schrijf de melder een bericht van minstens 10 tekens.').waitFor();
    await forms.first().getByLabel('Bericht aan de melder', { exact: true }).fill('Veilig Thuis heeft de veiligheid beoordeeld en doet een onderzoek.');
    await forms.first().getByRole('button', { name: 'Bericht aan de melder versturen' }).click();
    await expect.poll(() => forms.count()).toBe(1);
    await expect(feedback.textContent()).resolves.toMatch(/gegeven op .*de melder heeft geen statuslink/);
    await feedback.getByText('Veilig Thuis heeft de veiligheid beoordeeld en doet een onderzoek.').waitFor();
    await mw.context().close();

    // The Enschede wijkteam accepts; monitoring is planned from that day, the chef records the first checkpoint as
    // safe and closes the case.
    const wijk = await signIn('wijkteam.enschede@demo.test');
    await wijk.waitForURL(/\/overdrachten/);
    await wijk.locator(`tr[data-reference="${reference}"]`).getByRole('button', { name: `Accepteren ${reference}` }).click();
    await expect.poll(() => wijk.getByRole('status').filter({ hasText: `Overdracht ${reference} is geaccepteerd` }).count()).toBe(1);
    await wijk.context().close();
    const chef = await signIn('chef@demo.test');
    await chef.goto(`${product.base}/meldingen/${id}`);
    const levensloop = chef.getByRole('region', { name: 'Overdracht en monitoring' });
    await expect.poll(() => levensloop.getByText(/: Gepland/).count()).toBe(3);
    await chef.getByRole('region', { name: 'Termijnen' }).getByText('Volgend monitoringsmoment').waitFor();
    await levensloop.getByLabel('Uitkomst van dit monitoringsmoment').selectOption('veilig');
    await levensloop.getByLabel('Toelichting').fill('Wijkteam: gezin stabiel, geen nieuwe incidenten.');
    await levensloop.getByRole('button', { name: 'Vastleggen' }).click();
    await expect.poll(() => levensloop.getByText(/: Veilig/).count()).toBe(1);
    await chef.getByText('Zaak afsluiten').click();
    await chef.getByLabel('Reden van afsluiten').fill('Veiligheid stabiel; het wijkteam heeft de regie.');
    chef.once('dialog', (d) => void d.accept());
    await chef.getByRole('button', { name: 'Afsluiten', exact: true }).click();
    await expect.poll(() => chef.locator('p.vt-muted').first().textContent()).toMatch(/^Afgesloten/);
    await chef.context().close();
  });

  it('crisis → closed: the chef confirms the crisis route, the crisis team closes the case it handled', async () => {
    const { id } = await partnerMelding({ veiligheid: { lopendGeweld: true } });
    const chef = await signIn('chef@demo.test');
    await chef.goto(`${product.base}/meldingen/${id}`);
    await expect.poll(() => chef.getByText(/Voorstel bevestigen \(Crisisteam/).count(), { timeout: 15_000 }).toBe(1);
    await chef.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    await expect.poll(() => chef.getByText(/Beoordeeld: Crisisteam/).count()).toBe(1);
    await chef.context().close();

    const crisis = await signIn('crisis@demo.test');
    await crisis.goto(`${product.base}/meldingen/${id}`);
    await crisis.getByText('Zaak afsluiten').click();
    await expectAccessible(crisis, 'afsluiten');
    // A reason is required.
    await crisis.getByRole('button', { name: 'Afsluiten', exact: true }).click();
    await crisis.getByText('Geef een toelichting.').waitFor();
    await crisis.getByLabel('Reden van afsluiten').fill('Crisisinterventie gedaan; vrouw en kinderen veilig in de opvang, hulp loopt via Veilig Thuis regio.');
    // Closing is asked once more.
    let asked = '';
    crisis.once('dialog', (d) => {
      asked = d.message();
      void d.accept();
    });
    await crisis.getByRole('button', { name: 'Afsluiten', exact: true }).click();
    await expect.poll(() => crisis.locator('p.vt-muted').first().textContent()).toMatch(/^Afgesloten/);
    expect(asked).toMatch(/^Zaak M-\d{4}-\d{6} afsluiten\?/);
    await crisis.getByRole('region', { name: 'Historie' }).getByText('Afgesloten').waitFor();
    await crisis.context().close();
  });

  it('wijkteam route → sent back with a reason → the beoordelaar hands it over to the gemeente it moved to', async () => {
    const { id, reference } = await partnerMelding({ veiligheid: { schulden: true } });
    const beoordelaar = await signIn('beoordelaar@demo.test');
    await expect.poll(async () => (await apiAs(beoordelaar, 'GET', `/api/meldingen/${id}`)).json.status, { timeout: 15_000 }).toBe('triage_voorgesteld');
    expect((await apiAs(beoordelaar, 'POST', `/api/meldingen/${id}/beoordeling`, { route: 'wijkteam', band: 'P4', reason: 'Schulden; gezin wil hulp.' })).status).toBe(200);

    const enschede = await signIn('wijkteam.enschede@demo.test');
    await enschede.waitForURL(/\/overdrachten/);
    const row = enschede.locator(`tr[data-reference="${reference}"]`);
    await row.getByRole('button', { name: `Terugsturen ${reference}` }).click();
    await row.getByLabel('Reden van terugsturen').fill('Gezin is vorige maand naar Hengelo verhuisd.');
    await row.getByRole('button', { name: 'Terugsturen', exact: true }).click();
    await expect.poll(() => enschede.getByRole('status').filter({ hasText: `Overdracht ${reference} is teruggestuurd` }).count()).toBe(1);
    await enschede.context().close();

    // Back on the beoordeling queue, with the wijkteam's reason on the case.
    await beoordelaar.goto(`${product.base}/meldingen/${id}`);
    const handOver = beoordelaar.getByRole('region', { name: 'Overdragen', exact: true });
    await handOver.getByText('Het wijkteam stuurde de vorige overdracht terug: Gezin is vorige maand naar Hengelo verhuisd.').waitFor();
    await expectAccessible(beoordelaar, 'opnieuw-overdragen');
    await handOver.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Hengelo' });
    await handOver.getByLabel('Toelichting voor wie de zaak overneemt').fill('Verhuisd naar Hengelo; schulden, gezin wil hulp.');
    await handOver.getByRole('button', { name: 'Overdracht versturen' }).click();
    await expect.poll(() => beoordelaar.getByText(/Wacht op acceptatie · Hengelo/).count()).toBe(1);
    await beoordelaar.context().close();

    const hengelo = await signIn('wijkteam.hengelo@demo.test');
    await hengelo.waitForURL(/\/overdrachten/);
    await hengelo.locator(`tr[data-reference="${reference}"]`).getByRole('button', { name: `Accepteren ${reference}` }).waitFor();
    await hengelo.context().close();
  });

  it('MDO → V&V: the case worker records the conditions with who watches them, and reviews one', async () => {
    const { id } = await partnerMelding({ veiligheid: { schulden: true } });
    const chef = await signIn('chef@demo.test');
    await expect.poll(async () => (await apiAs(chef, 'GET', `/api/meldingen/${id}`)).json.status, { timeout: 15_000 }).toBe('triage_voorgesteld');
    expect((await apiAs(chef, 'POST', `/api/meldingen/${id}/beoordeling`, { route: 'mdo', band: 'P2', reason: 'Structureel; eerdere hulp hielp niet.' })).status).toBe(200);
    const me = (await apiAs(chef, 'GET', '/api/auth/session')).json.user!.id;
    const mdo = await apiAs(chef, 'POST', '/api/mdo', { datum: amsterdamDate(new Date()), deelnemers: [me] });
    expect(mdo.status).toBe(201);
    expect((await apiAs(chef, 'POST', `/api/mdo/${mdo.json.id as string}/agenda`, { meldingId: id })).status).toBe(201);
    expect((await apiAs(chef, 'POST', `/api/mdo/${mdo.json.id as string}/besluiten`, { meldingId: id, besluit: 'vv', toelichting: 'Ouders accepteren voorwaarden.' })).status).toBe(200);
    await chef.context().close();

    const mw = await signIn('medewerker@demo.test');
    await mw.goto(`${product.base}/meldingen/${id}`);
    const vv = mw.getByRole('region', { name: 'Voorwaarden & Vervolg' });
    await vv.getByText('Nog geen voorwaarden vastgelegd.').waitFor();
    await vv.getByRole('button', { name: 'Voorwaarde vastleggen' }).click();
    await vv.getByText('Vul dit in.').first().waitFor();
    await vv.getByLabel('Voorwaarde').fill('De kinderen gaan elke schooldag naar school.');
    await vv.getByLabel('Wie ziet erop toe').fill('Intern begeleider basisschool');
    await vv.getByLabel('Controleren op').fill('2027-01-15');
    await vv.getByRole('button', { name: 'Voorwaarde vastleggen' }).click();
    await vv.getByText(/toezicht: Intern begeleider basisschool · controle op 15 jan 2027 · Loopt/).waitFor();
    await expectAccessible(mw, 'voorwaarden');
    await vv.getByRole('button', { name: 'Controle vastleggen' }).click();
    await vv.getByLabel('Uitkomst van de controle').selectOption('nagekomen');
    await vv.getByLabel('Toelichting').fill('School meldt geen verzuim.');
    await vv.getByRole('button', { name: 'Vastleggen', exact: true }).click();
    await vv.getByText(/Nagekomen — School meldt geen verzuim\./).waitFor();
    await mw.getByRole('region', { name: 'Historie' }).getByText('Voorwaarde (V&V) beoordeeld').waitFor();
    // V&V runs with monitoring: its checkpoints are planned, and the earliest clock is on the case.
    await expect.poll(() => mw.getByRole('region', { name: 'Overdracht en monitoring' }).getByText(/: Gepland/).count()).toBe(3);
    await mw.getByRole('region', { name: 'Termijnen' }).getByText('Volgend monitoringsmoment').waitFor();
    await mw.context().close();
  });

  it('the privacy officer finds who opened a case in the audit log, narrows it to one person and exports the page', async () => {
    const res = await fetch(`${product.base}/api/meldingen`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(meldingBody()),
    });
    const { id, reference } = (await res.json()) as { id: string; reference: string };
    const chef = await signIn('chef@demo.test');
    expect((await apiAs(chef, 'GET', `/api/meldingen/${id}`)).status).toBe(200);
    await chef.context().close();

    const privacy = await signIn('privacy@demo.test');
    await privacy.getByRole('list', { name: 'Uw werk' }).getByRole('link', { name: 'Auditlog' }).click();
    await privacy.getByRole('heading', { name: 'Auditlog', level: 1 }).waitFor();
    await privacy.getByLabel('Kenmerk van melding of advies').fill('M-fout');
    await privacy.getByRole('button', { name: 'Zoeken' }).click();
    await privacy.getByText('Een kenmerk ziet eruit als M-2026-000123 of A-2026-000045.').waitFor();
    await privacy.getByLabel('Kenmerk van melding of advies').fill(reference);
    await privacy.getByLabel('Handeling').selectOption('read');
    await privacy.getByRole('button', { name: 'Zoeken' }).click();
    const row = privacy.getByRole('row').filter({ hasText: 'Chantal Chef' }).first();
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Inzage');
    await expectAccessible(privacy, 'audit');
    await row.getByRole('button', { name: 'Alleen deze persoon: Chantal Chef' }).click();
    await privacy.getByText('Alleen Chantal Chef').waitFor();
    const download = privacy.waitForEvent('download');
    await privacy.getByRole('button', { name: 'Deze pagina exporteren (CSV)' }).click();
    expect((await download).suggestedFilename()).toBe('auditlog.csv');
    await privacy.getByText('De export is gedownload en vastgelegd in de auditlog.').waitFor();
    await privacy.context().close();
  });

  it('a manager reads the waiting lists against their targets, sets a target and filters by gemeente', async () => {
    const page = await signIn('manager@demo.test');
    // The manager lands on its work, named in words (never a blank page or a raw role code).
    await page.getByRole('heading', { name: /^Welkom, / }).waitFor();
    await page.getByText('U werkt als Manager (alleen cijfers).').waitFor();
    await page.getByRole('list', { name: 'Uw werk' }).getByRole('link', { name: 'Dashboard' }).waitFor();
    await expectAccessible(page, 'home-manager');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Wachtlijsten en termijnen' }).waitFor();
    const tile = page.locator('[data-metric="beoordeling_overdue"]');
    await tile.waitFor();
    await expect(tile.textContent()).resolves.toContain('geen norm ingesteld');
    await expectAccessible(page, 'dashboard');
    const targets = page.getByRole('region', { name: 'Norm instellen' });
    await targets.getByRole('combobox', { name: 'Cijfer' }).selectOption('beoordeling_overdue');
    await targets.getByRole('spinbutton', { name: 'Norm' }).fill('250');
    await targets.getByRole('button', { name: 'Norm opslaan' }).click();
    await expect.poll(() => tile.textContent()).toContain('norm 250');
    // The dashboard's own filter (the CBS panel below has a gemeente of its own).
    await page.locator('form.vt-filters').first().getByLabel('Gemeente').selectOption('GM0164');
    await page.getByRole('button', { name: 'Tonen' }).first().click();
    await page.getByRole('table', { name: 'Dezelfde cijfers als tabel' }).waitFor();
    // Trend (chart drawn by Chart.js, described for screen readers), forecast with its assumptions, CBS figures.
    await page.getByRole('img', { name: /over \d+ weken/ }).waitFor();
    await page.getByRole('table', { name: 'Verwachte stand per week' }).waitFor();
    await page.getByRole('img', { name: /^Over 12 weken naar verwachting \d+ meldingen nog te beoordelen/ }).waitFor();
    await page.getByText(/Berekend uit de gemiddelde instroom/).waitFor();
    // The gemeenten side by side: a small chart per figure, and the table with the region as its last row.
    const vergelijk = page.getByRole('region', { name: 'Gemeenten naast elkaar' });
    const tabel = vergelijk.getByRole('table', { name: 'Wachtlijsten en percentages op tijd per gemeente' });
    await tabel.waitFor();
    await expect.poll(() => tabel.getByRole('row').count()).toBe(1 + 14 + 1);
    await tabel.getByRole('rowheader', { name: 'Hele regio' }).waitFor();
    await expect.poll(() => vergelijk.getByRole('img').count()).toBe(7);
    // The CBS delivery for one gemeente: its tables with CBS's own labels, 84849NED open.
    const cbs = page.getByRole('region', { name: 'Halfjaarcijfers (CBS)' });
    await cbs.getByLabel('Gemeente').selectOption('GM0153');
    await cbs.getByRole('button', { name: 'Tonen' }).click();
    const kenmerken = cbs.getByRole('table', { name: /^84849NED Huiselijk geweld; rol\/functie/ });
    await kenmerken.waitFor();
    await kenmerken.getByRole('rowheader', { name: 'J en V: politie: totaal' }).waitFor();
    await expect(cbs.textContent()).resolves.toContain('Enschede, ');
    await cbs.getByText('85361NED', { exact: true }).click();
    await cbs.getByRole('rowheader', { name: '1e melding, geen betrokkenen bekend VT' }).waitFor();
    // Two deliveries of the half-year with nothing in between: the second shows no differences with the first.
    const aanleveringen = cbs.getByRole('region', { name: 'Aanleveringen aan het CBS' });
    for (const n of [1, 2]) {
      await aanleveringen.getByRole('button', { name: 'Aanlevering vastleggen' }).click();
      await expect.poll(() => aanleveringen.getByRole('table', { name: /Aanleveringen van het/ }).getByRole('row').count()).toBe(1 + n);
    }
    await aanleveringen.getByText(/^Geen verschillen met de aanlevering van/).waitFor();
    await expect(aanleveringen.getByText(/Aanlevering vastgelegd, controlegetal [0-9a-f]{12}\./).first().isVisible()).resolves.toBe(true);
    const factsheet = page.getByRole('region', { name: 'Jaarcijfers (factsheet)' });
    await factsheet.getByRole('spinbutton', { name: 'Jaar' }).fill(String(new Date().getFullYear()));
    await factsheet.getByRole('button', { name: 'Tonen' }).click();
    await factsheet.getByRole('table', { name: /Meldingen per vorm van geweld/ }).waitFor();
    await expect(factsheet.textContent()).resolves.toMatch(/\d+ meldingen ontvangen: .*% door professionals/);
    await expectAccessible(page, 'dashboard-full');
    // Aggregates only: the manager has no way from a count into the cases.
    expect(await page.locator('.vt-tile__link').count()).toBe(0);
    await page.context().close();
  });

  it('the chef van de dag opens the cases behind a count and goes from there to a case', async () => {
    // A handover waiting for the wijkteam, so the count is not zero.
    const { id } = await partnerMelding({ veiligheid: { schulden: true } });
    const page = await signIn('chef@demo.test');
    expect((await apiAs(page, 'POST', `/api/meldingen/${id}/beoordeling`, { route: 'wijkteam', band: 'P4', reason: 'Schulden; gezin wil hulp.' })).status).toBe(200);
    await page.goto(`${product.base}/dashboard`);
    const tile = page.locator('[data-metric="overdracht_pending"]');
    const link = tile.getByRole('button', { name: /Toon de \d+ meldingen achter/ });
    await link.waitFor();
    const n = Number(await link.textContent());
    expect(n).toBeGreaterThan(0);
    await link.click();
    const lijst = page.getByRole('region', { name: /Achter het cijfer/ });
    await lijst.getByRole('table', { name: `${n} meldingen, langst wachtend eerst` }).waitFor();
    await expect.poll(() => lijst.getByRole('row').count()).toBe(n + 1);
    await expectAccessible(page, 'dashboard-lijst');
    const first = lijst.getByRole('link').first();
    const reference = await first.textContent();
    await first.click();
    await page.getByRole('heading', { name: `Melding ${reference}` }).waitFor();
    await page.context().close();
  });

  it('four eyes: the beheerder creates an account, the privacy officer approves its role, the user sets its own password', async () => {
    const email = 'nieuwe.collega@vt-twente.nl';
    const beheer = await signIn('beheer@demo.test');
    await beheer.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Gebruikers' }).click();
    await beheer.getByRole('heading', { name: 'Gebruikers', level: 1 }).waitFor();
    await beheer.getByLabel('Naam', { exact: true }).fill('Nieuwe Collega');
    await beheer.getByLabel('E-mailadres').fill(email);
    await beheer.getByRole('group', { name: 'Rollen' }).getByLabel('Medewerker onderzoek / V&V / monitoring').check();
    await beheer.getByRole('combobox', { name: /^Team/ }).selectOption({ label: 'Onderzoek' });
    await beheer.getByRole('button', { name: 'Account aanmaken' }).click();
    await beheer.getByRole('status').filter({ hasText: `Account voor Nieuwe Collega aangemaakt; de activatielink is verstuurd naar ${email}. Wacht op goedkeuring: Medewerker` }).waitFor();
    const row = beheer.getByTestId(`user-${email}`);
    await expect(row.textContent()).resolves.toContain('Wacht op goedkeuring door een tweede persoon');
    await expect(row.textContent()).resolves.toContain('Nog niet geactiveerd');
    await expectAccessible(beheer, 'gebruikers');
    // The beheerder who asked cannot decide it.
    await beheer.getByRole('link', { name: 'Toegangsaanvragen' }).click();
    const own = beheer.getByTestId(`aanvraag-${email}`);
    await own.getByText('Door u aangevraagd').waitFor();
    expect(await own.getByRole('button', { name: 'Goedkeuren' }).count()).toBe(0);
    await beheer.context().close();

    const privacy = await signIn('privacy@demo.test');
    await privacy.goto(`${product.base}/beheer/toegang`);
    const request = privacy.getByTestId(`aanvraag-${email}`);
    await request.getByText('Aangevraagd: Medewerker onderzoek / V&V / monitoring').waitFor();
    await expectAccessible(privacy, 'toegangsaanvragen');
    await request.getByRole('button', { name: 'Goedkeuren' }).click();
    await privacy.getByRole('status').filter({ hasText: 'Rollen van Nieuwe Collega goedgekeurd.' }).waitFor();
    await privacy.context().close();

    // The link came by mail (here: the development mail folder), never on a screen.
    const mail = readdirSync(join(product.dataDir, 'mail')).filter((f) => f.endsWith('.txt') && f.includes(email)).map((f) => readFileSync(join(product.dataDir, 'mail', f), 'utf8')).pop()!;
    const link = /(http\S+\/activeren#\S+)/.exec(mail)![1]!;
    const context = await product.browser.newContext({ bypassCSP: true, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    const page = await context.newPage();
    await page.goto(link);
    await page.getByText('Kies een wachtwoord voor Nieuwe Collega').waitFor();
    // The token leaves the address bar at once.
    expect(new URL(page.url()).hash).toBe('');
    await page.getByLabel('Nieuw wachtwoord').fill('welkom123');
    await page.getByLabel('Nogmaals het wachtwoord').fill('welkom123');
    await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await page.getByText('12 tekens', { exact: false }).first().waitFor();
    await expectAccessible(page, 'activeren');
    await page.getByLabel('Nieuw wachtwoord').fill('tulpen-langs-de-dinkel-2026');
    await page.getByLabel('Nogmaals het wachtwoord').fill('tulpen-langs-de-dinkel-2026');
    await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await page.getByRole('status').filter({ hasText: 'Uw wachtwoord is ingesteld.' }).waitFor();
    await page.getByRole('link', { name: 'Naar aanmelden' }).click();
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill('tulpen-langs-de-dinkel-2026');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.waitForURL((u) => u.pathname === '/werkvoorraad');
    await context.close();
  });
});
