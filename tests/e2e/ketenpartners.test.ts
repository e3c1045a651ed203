// Partner clients managed in the browser (issue #20), in Debian's Chromium with axe: the beheerder makes a link for a
// police system, copies its key (shown once, nowhere after a reload or in the browser's storage), the partner files
// with it, the beheerder sees the use, replaces the key with a week's overlap (both work), ends the old one, and
// revokes the link (no key works).
import { describe, expect, it } from 'vitest';
import { useProduct } from '../support/e2e.ts';
import { meldingBody } from '../support/fixtures.ts';

const product = useProduct();
const { expectAccessible, signIn } = product;

const file = (key: string) =>
  fetch(`${product.base}/api/meldingen`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(meldingBody()) }).then((r) => r.status);

describe('partner links in the browser', () => {
  it('the beheerder makes a link, its key works, is replaced with an overlap, ended, and the link revoked', async () => {
    const beheer = await signIn('beheer@demo.test');
    await beheer.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Ketenpartners' }).click();
    await beheer.getByRole('heading', { name: 'Ketenpartners en hun sleutels' }).waitFor();
    await expectAccessible(beheer, 'ketenpartners');

    // A new link: a name, what it may do, its kanaal.
    await beheer.getByRole('button', { name: 'Koppeling maken' }).click();
    await beheer.getByRole('alert').filter({ hasText: 'De invoer klopt niet.' }).waitFor();
    await beheer.getByLabel(/^Naam van de koppeling/).fill('Politie Oost-Nederland, ketenkoppeling');
    await beheer.getByLabel('Meldingen in bulk aanleveren (ketenberichten)').check();
    await expect(beheer.getByLabel('Ketenpartner (bijv. politie)').isChecked()).resolves.toBe(true);
    await beheer.getByRole('button', { name: 'Koppeling maken' }).click();
    const shown = beheer.getByTestId('nieuwe-sleutel');
    await shown.getByRole('heading', { name: 'Nieuwe sleutel voor Politie Oost-Nederland, ketenkoppeling' }).waitFor();
    const first = await shown.getByLabel('API-sleutel').inputValue();
    expect(first).toMatch(/^vtk_/);
    await beheer.getByRole('status').filter({ hasText: 'Koppeling Politie Oost-Nederland, ketenkoppeling is gemaakt.' }).waitFor({ state: 'attached' });
    await expectAccessible(beheer, 'ketenpartners-sleutel');

    // The partner files with it; the beheerder sees the use.
    expect(await file(first)).toBe(201);
    await shown.getByRole('button', { name: 'Ik heb de sleutel bewaard' }).click();
    await beheer.reload();
    const link = beheer.locator('article[data-partner="Politie Oost-Nederland, ketenkoppeling"]');
    await link.getByRole('heading', { name: 'Politie Oost-Nederland, ketenkoppeling' }).waitFor();
    await expect(beheer.getByTestId('nieuwe-sleutel').count()).resolves.toBe(0);
    expect(await beheer.content()).not.toContain(first);
    const stored = await beheer.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toContain(first);
    const firstRow = link.locator(`tr[data-sleutel="${first.slice(0, 12)}"]`);
    await expect(firstRow.locator('td').nth(2).textContent()).resolves.not.toBe('Nog niet gebruikt');
    await expect(link.locator('[data-field="status"]').textContent()).resolves.toBe('Actief');

    // A new key with a week's overlap: both work.
    await expect(link.getByLabel('Oude sleutels blijven geldig').inputValue()).resolves.toBe('7');
    await link.getByRole('button', { name: 'Nieuwe sleutel' }).click();
    const second = await beheer.getByTestId('nieuwe-sleutel').getByLabel('API-sleutel').inputValue();
    expect(second).not.toBe(first);
    expect(await file(second)).toBe(201);
    expect(await file(first)).toBe(201);
    await expect(firstRow.locator('td').nth(1).textContent()).resolves.not.toBe('Zonder einde');

    // The old key ended at once, then the whole link revoked.
    await firstRow.getByRole('button', { name: `Sleutel nu beëindigen: ${first.slice(0, 12)}` }).click();
    await expect.poll(() => firstRow.locator('[data-field="geldig"]').textContent()).toBe('Niet meer geldig');
    expect(await file(first)).toBe(401);
    expect(await file(second)).toBe(201);
    await link.getByRole('button', { name: 'Koppeling intrekken' }).click();
    await link.getByRole('alert').filter({ hasText: 'Alle sleutels van Politie Oost-Nederland, ketenkoppeling stoppen direct. Zeker weten?' }).waitFor();
    await link.getByRole('button', { name: 'Ja, intrekken' }).click();
    await expect.poll(() => link.locator('[data-field="status"]').textContent()).toMatch(/^Ingetrokken op /);
    expect(await file(second)).toBe(401);
    await expectAccessible(beheer, 'ketenpartners-ingetrokken');
    await beheer.context().close();
  });
});
