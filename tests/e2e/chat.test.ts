// The web chat in the browser (issue #21, acceptance 1), in Debian's Chromium with axe: the beheerder adds a standard
// text; a visitor on a phone waits, the adviseur at a desk hears of it and accepts, both type (a standard text among
// them), the adviseur hands the chat to the chef with a note, the
// chef ends it and the advies form opens with kanaal chat and the chat's times, and is filed; the quick exit leaves no
// chat page in the history and nothing in the browser's storage.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { browserStorage, useProduct } from '../support/e2e.ts';

const product = useProduct();
const { expectAccessible, signIn } = product;

const phone = async () =>
  (await product.browser.newContext({ bypassCSP: true, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();

describe('the web chat', () => {
  it('a visitor waits, the adviseur accepts, both type, a transfer, the end, and the advies filed with kanaal chat and the right times', async () => {
    // The beheerder adds a standard text for the console.
    const beheer = await signIn('beheer@demo.test');
    await beheer.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Chatteksten' }).click();
    await beheer.getByRole('heading', { name: 'Standaardteksten van de chat' }).waitFor();
    await beheer.getByLabel('Titel').fill('Opvang');
    await beheer.getByLabel('Tekst', { exact: true }).fill('Er zijn plekken waar je vannacht veilig kunt slapen. Zullen we samen kijken?');
    await beheer.getByLabel('Volgorde').fill('3');
    await beheer.getByRole('button', { name: 'Opslaan' }).click();
    await beheer.getByText('Tekst "Opvang" is opgeslagen.').waitFor();
    await beheer.locator('[data-tekst="Opvang"]').waitFor();
    await expectAccessible(beheer, 'chatteksten');
    await beheer.context().close();

    // Nobody on the console yet: the visitor gets the phone number and 112, not a chat.
    const visitor = await phone();
    await visitor.goto(`${product.base}/chat`);
    await visitor.getByTestId('chat-dicht').getByRole('heading', { name: 'Er is nu geen adviseur beschikbaar voor de chat.' }).waitFor();
    await visitor.getByTestId('chat-dicht').getByText('Bel gratis 0800-2000, dag en nacht.', { exact: false }).waitFor();
    await visitor.getByText('Bel 112', { exact: false }).first().waitFor();
    await expectAccessible(visitor, 'chat-dicht');

    const adviseur = await signIn('adviseur@demo.test');
    await adviseur.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Chat' }).click();
    await adviseur.getByRole('heading', { name: 'Chatconsole' }).waitFor();
    await adviseur.getByText('Er wacht niemand.').waitFor();
    await expectAccessible(adviseur, 'chat-console');

    await visitor.reload();
    await visitor.getByRole('heading', { name: 'Chat met Veilig Thuis', level: 1 }).waitFor();
    await visitor.getByTestId('snel-weg').waitFor();
    await expectAccessible(visitor, 'chat-start');
    expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await visitor.getByRole('button', { name: 'Start de chat' }).click();
    await visitor.getByTestId('chat-wachten').getByText('U bent nummer 1 in de wachtrij.').waitFor();
    await expectAccessible(visitor, 'chat-wachten');

    // The adviseur hears of it (visibly and for a screen reader) and accepts.
    await adviseur.getByRole('heading', { name: 'Wachtende chats (1)' }).waitFor();
    await expect(adviseur.getByRole('status').filter({ hasText: 'Nieuwe chat in de wachtrij' }).count()).resolves.toBeGreaterThan(0);
    await adviseur.getByTestId('wachtrij').getByRole('button', { name: 'Aannemen' }).click();
    const venster = adviseur.locator('article.vt-chatvenster');
    await venster.waitFor();
    await visitor.getByText('U chat nu met een adviseur van Veilig Thuis.').first().waitFor();
    const acceptedAt = Date.now();

    // Both type.
    await visitor.getByLabel('Uw bericht').pressSequentially('Mijn vader');
    await venster.getByText('De bezoeker typt…').waitFor();
    await visitor.getByLabel('Uw bericht').fill('Mijn vader schreeuwt elke avond, ik durf niet naar huis. CHAT-SENTINEL');
    await visitor.getByLabel('Uw bericht').press('Enter');
    await venster.getByText('Mijn vader schreeuwt elke avond, ik durf niet naar huis. CHAT-SENTINEL').waitFor();
    await venster.getByLabel('Uw bericht').fill('Wat goed dat je ons schrijft.');
    // A standard text, inserted after what was typed, read over and sent.
    await expect(venster.getByLabel('Standaardtekst invoegen').locator('option').allTextContents()).resolves.toEqual(['— kies een tekst —', 'Welkom', 'Veilig nu?', 'Opvang', 'Zelf melden', 'Afsluiten']);
    await venster.getByLabel('Standaardtekst invoegen').selectOption({ label: 'Veilig nu?' });
    await expect(venster.getByLabel('Uw bericht').inputValue()).resolves.toBe('Wat goed dat je ons schrijft. Ben je nu op een veilige plek? Bij direct gevaar: bel 112.');
    await venster.getByRole('button', { name: 'Versturen' }).click();
    await visitor.getByTestId('chat-log').getByText('Wat goed dat je ons schrijft. Ben je nu op een veilige plek? Bij direct gevaar: bel 112.').waitFor();
    await expectAccessible(visitor, 'chat-gesprek');
    // A reload (or a dropped connection) keeps the conversation: it comes back from the server within its minutes.
    await visitor.reload();
    await visitor.getByTestId('chat-log').getByText('Mijn vader schreeuwt elke avond', { exact: false }).waitFor();
    await visitor.getByTestId('chat-log').getByText('Ben je nu op een veilige plek?', { exact: false }).waitFor();
    await expectAccessible(adviseur, 'chat-console-gesprek');

    // A transfer to the chef on the console, with a note.
    const chef = await signIn('chef@demo.test');
    await chef.goto(`${product.base}/chat/console`);
    await chef.getByRole('heading', { name: 'Chatconsole' }).waitFor();
    await venster.getByRole('button', { name: 'Overdragen' }).click();
    await venster.getByLabel('Aan collega').selectOption({ label: 'Chantal Chef' });
    await venster.getByLabel('Notitie voor de collega').fill('Jongere, thuis onveilig; vraagt naar opvang.');
    await venster.locator('form.vt-overdragen').getByRole('button', { name: 'Overdragen' }).click();
    await adviseur.getByText('U heeft geen chat open.').waitFor();
    const chefVenster = chef.locator('article.vt-chatvenster');
    await chefVenster.getByText('Jongere, thuis onveilig; vraagt naar opvang.', { exact: false }).waitFor();
    await chefVenster.getByText('Mijn vader schreeuwt elke avond', { exact: false }).waitFor();
    await visitor.getByText('Een andere adviseur neemt het gesprek over.').first().waitFor();

    // The chef notes what the advies needs, and ends the chat: the advies form opens with kanaal chat and its times.
    await chefVenster.getByText('Voor het advies', { exact: false }).click();
    await chefVenster.getByLabel('Wie belt of chat').selectOption('slachtoffer');
    await chefVenster.getByLabel('Samenvatting in eigen woorden').fill('Jongere (15) meldt dat vader elke avond schreeuwt; durft niet naar huis.');
    await chefVenster.getByRole('button', { name: 'Beëindigen' }).click();
    await visitor.getByTestId('chat-einde').getByText('De chat is beëindigd.', { exact: false }).waitFor();
    await chef.waitForURL(/\/advies\?chat=/);
    await expect.poll(() => chef.getByLabel('Kanaal').inputValue()).toBe('chat');
    await expect(chef.getByLabel('Wie belt of chat').inputValue()).resolves.toBe('slachtoffer');
    await expect(chef.getByLabel('Samenvatting van de vraag').inputValue()).resolves.toContain('durft niet naar huis');
    await chef.getByLabel('Gegeven advies').fill('Veilige plek besproken; nummer 0800-2000 gegeven; met toestemming morgen terugbellen.');
    await expectAccessible(chef, 'chat-advies');
    await chef.getByRole('button', { name: 'Opslaan' }).click();
    await chef.getByText(/Advies A-\d{4}-\d+ is opgeslagen/).waitFor();

    const [advies] = (await product.db.handle.db.execute<{ kanaal: string; started_at: Date; ended_at: Date; advies_id: string | null; geaccepteerd_at: Date; beeindigd_at: Date }>(sql`
      select a.kanaal::text, a.started_at, a.ended_at, c.advies_id, c.geaccepteerd_at, c.beeindigd_at
        from adviezen a join chat_sessies c on c.advies_id = a.id order by a.created_at desc limit 1`)) as unknown as [{ kanaal: string; started_at: Date; ended_at: Date; advies_id: string; geaccepteerd_at: Date; beeindigd_at: Date }];
    expect(advies.kanaal).toBe('chat');
    // The advies runs from the chat's answer to its end, to the second (not from the form's opening).
    expect(Math.abs(new Date(advies.started_at).getTime() - new Date(advies.geaccepteerd_at).getTime())).toBeLessThan(1000);
    expect(Math.abs(new Date(advies.ended_at).getTime() - new Date(advies.beeindigd_at).getTime())).toBeLessThan(1000);
    expect(Math.abs(new Date(advies.started_at).getTime() - acceptedAt)).toBeLessThan(15_000);
    // The transcript is not kept: no sentinel in the advies or the chat's figures.
    const [hit] = await product.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from chat_sessies c where row_to_json(c)::text like '%CHAT-SENTINEL%'`);
    expect(hit!.n).toBe(0);
    await Promise.all([visitor.context().close(), chef.context().close()]);

    // The quick exit: Esc twice replaces the chat in the history, and the browser keeps nothing of it.
    const leaving = await phone();
    await leaving.goto(`${product.base}/api/health/live`);
    await leaving.goto(`${product.base}/chat`);
    await leaving.getByRole('button', { name: 'Start de chat' }).click();
    await leaving.getByTestId('chat-wachten').waitFor();
    expect(await browserStorage(leaving)).toContain('vt.chat');
    await leaving.keyboard.press('Escape');
    await leaving.keyboard.press('Escape');
    await leaving.waitForURL(`${product.base}/api/health/live`);
    expect(await browserStorage(leaving)).not.toMatch(/vt\.|chat/);
    await leaving.goBack();
    // Back leads to what came before the chat, never to the chat.
    expect(new URL(leaving.url()).pathname).not.toBe('/chat');
    // The adviseur's queue is empty again: the chat ended with the exit.
    await adviseur.getByText('Er wacht niemand.').waitFor();
    await Promise.all([leaving.context().close(), adviseur.context().close()]);

    // The manager sees both chats in the figures, beside the waiting lists: one answered, one left while waiting.
    const manager = await signIn('manager@demo.test');
    await manager.goto(`${product.base}/dashboard`);
    await manager.getByTestId('chat-totaal').getByText('2 chats aangeboden, 1 beantwoord, 1 afgebroken tijdens het wachten', { exact: false }).waitFor();
    await manager.getByRole('table', { name: 'Chats per uur van de dag' }).waitFor();
    await expectAccessible(manager, 'dashboard-chat');
    await manager.context().close();
  });
});
