// The roster in the browser (issue #22, first part), in Debian's Chromium with axe: the chef van de dag sets the day's
// shifts — two people, one with specialisms, one in another team — sees a refusal for a shift that ends before it
// starts, saves, and the manager reads the roster with hours and caseload.
import { expect, describe, it } from 'vitest';
import { useProduct } from '../support/e2e.ts';

const product = useProduct();
const { expectAccessible, signIn } = product;

describe('the roster', () => {
  it('the chef sets the day’s shifts, a wrong one is refused, and the manager reads them', async () => {
    const chef = await signIn('chef@demo.test');
    await chef.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Rooster' }).click();
    await chef.getByRole('heading', { name: 'Rooster', level: 1 }).waitFor();
    await chef.getByLabel('Datum').fill('2026-12-14');
    await chef.getByRole('button', { name: 'Tonen' }).click();
    await chef.getByText('Er is voor deze dag nog geen rooster.').waitFor();

    await chef.getByRole('button', { name: 'Dienst toevoegen' }).click();
    const eerste = chef.locator('[data-dienst="0"]');
    await eerste.getByLabel('Medewerker').selectOption({ label: 'Mehmet Medewerker' });
    await eerste.getByLabel('Van').fill('08:30');
    await eerste.getByLabel('Tot').fill('17:00');
    await eerste.getByLabel('Jeugd').check();
    await eerste.getByLabel('Eergerelateerd geweld').check();
    await chef.getByRole('button', { name: 'Dienst toevoegen' }).click();
    const tweede = chef.locator('[data-dienst="1"]');
    await tweede.getByLabel('Medewerker').selectOption({ label: 'Bram Beoordelaar' });
    await tweede.getByLabel('Van').fill('14:00');
    await tweede.getByLabel('Tot').fill('09:00');
    await expectAccessible(chef, 'rooster');
    await chef.getByRole('button', { name: 'Rooster opslaan' }).click();
    await tweede.getByText('Het einde ligt na het begin.').waitFor();
    await tweede.getByLabel('Tot').fill('18:00');
    await chef.getByRole('button', { name: 'Rooster opslaan' }).click();
    await chef.getByRole('status').filter({ hasText: 'is opgeslagen: 12,5 uur.' }).waitFor();
    await chef.getByTestId('rooster-totaal').getByText('Totaal 12,5 uur in 2 diensten.').waitFor();
    await chef.context().close();

    const manager = await signIn('manager@demo.test');
    await manager.goto(`${product.base}/rooster`);
    await manager.getByLabel('Datum').fill('2026-12-14');
    await manager.getByRole('button', { name: 'Tonen' }).click();
    const rij = manager.getByRole('row', { name: /Mehmet Medewerker/ });
    await rij.waitFor();
    await expect(rij.textContent()).resolves.toMatch(/08:30.*17:00.*Jeugd, Eergerelateerd geweld/);
    await manager.getByRole('row', { name: /Bram Beoordelaar/ }).getByText('14:00').waitFor();
    // The manager reads; it has nothing to change.
    await expect(manager.getByRole('button', { name: 'Rooster opslaan' }).count()).resolves.toBe(0);
    await expectAccessible(manager, 'rooster-manager');
    await manager.context().close();
  });
});
