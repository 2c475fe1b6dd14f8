import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { Browser, Page } from 'playwright-core';
import { expectAccessibleEverywhere } from '../support/axe';
import { launchChromium, screenshots } from '../support/browser';
import { RunningEmbedded, startEmbeddedSandbox } from '../support/embedded-sandbox';
import { expectEventually } from '../support/expect-eventually';
import { freePort } from '../support/services';

/**
 * The settings page and canned replies in the agent UI (embedded mode, Debian's Chromium): an admin keeps canned
 * replies, users, API tokens and the send delay on #/settings, then inserts a canned reply into a draft with `c`,
 * filled in from the draft's order, at the cursor. Every screen in English and Dutch, light and dark, has no axe
 * violations, and fits a phone.
 */
describe('agent UI: settings and canned replies', () => {
  const password = 'settings ui password 1';
  let suite: RunningEmbedded;
  let smtpPort: number;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    smtpPort = await freePort();
    suite = await startEmbeddedSandbox({ SMTP_INBOUND_PORT: String(smtpPort), REVIEW_ADMIN_PASSWORD: password });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'nl-NL' });
  });

  afterAll(async () => {
    await browser?.close();
    await suite?.stop();
  });

  const get = async <T>(path: string): Promise<T> =>
    (await (await fetch(`${suite.url}${path}`, { headers: suite.reviewAuth() })).json()) as T;

  const accessibleEverywhere = (what: string) => expectAccessibleEverywhere(page, what);

  /** Widths that would scroll sideways: the document's, and any settings section wider than its box. */
  const overflowing = () =>
    page.evaluate(`[document.documentElement, ...document.querySelectorAll('.settings-section')]
      .filter((e) => e.scrollWidth > e.clientWidth + 1)
      .map((e) => {
        const right = e.getBoundingClientRect().right;
        const wide = [...e.querySelectorAll('*')].filter((c) => c.getBoundingClientRect().right > right - 2);
        return [e.getAttribute('aria-labelledby') || e.tagName, e.scrollWidth, e.clientWidth, ...wide.slice(0, 4).map((c) => c.tagName + '#' + c.id + '.' + c.className + '@' + Math.round(c.getBoundingClientRect().right))].join(' ');
      })`);

  /**
   * Screenshots at 1440×900 and at 390×844, where nothing may scroll sideways. A desk page scrolls inside its own
   * area on a big screen, so there it is taken at the top and scrolled to the end.
   */
  async function bothSizes(name: string) {
    expect(await overflowing()).toEqual([]);
    await page.screenshot({ path: join(screenshots, `${name}-1440.png`) });
    if (await page.locator('main.page').count()) {
      await page.evaluate(`document.querySelector('main.page').scrollTop = 1e6`);
      await page.screenshot({ path: join(screenshots, `${name}-1440-end.png`) });
      await page.evaluate(`document.querySelector('main.page').scrollTop = 0`);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await overflowing()).toEqual([]);
    await page.screenshot({ path: join(screenshots, `${name}-390.png`), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
  }

  it('keeps canned replies, users, tokens and the send delay on the settings page', async () => {
    await page.goto(suite.url);
    await page.getByLabel('E-mail').fill('admin@shop.test');
    await page.getByLabel('Wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.locator('nav.pages').waitFor();
    await page.locator('nav.pages').getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('heading', { name: 'Standaardantwoorden' }).waitFor();

    // Canned replies: an unknown placeholder is refused with the field named; a good one is listed.
    const addForm = page.locator('form', { has: page.getByRole('heading', { name: 'Standaardantwoord toevoegen' }) });
    await addForm.getByLabel('Titel').fill('Track en trace');
    await addForm.getByLabel('Tekst', { exact: true }).fill('Beste {{customer.naam}}');
    await addForm.getByRole('button', { name: 'Standaardantwoord toevoegen' }).click();
    await page.locator('.notice').filter({ hasText: 'body unknown placeholder {{customer.naam}}' }).waitFor();
    await addForm
      .getByLabel('Tekst', { exact: true })
      .fill(
        'Beste {{customer.name}}, je bestelling {{order.number}} is {{order.status}}: {{order.tracking_url}}\nGroet, {{agent.name}}',
      );
    await addForm.getByRole('button', { name: 'Standaardantwoord toevoegen' }).click();
    const canned = page.getByTestId('canned-replies');
    await canned.getByText('Track en trace').waitFor();
    await addForm.getByLabel('Titel').fill('Weggooien');
    await addForm.getByLabel('Tekst', { exact: true }).fill('Tijdelijk');
    await addForm.getByRole('button', { name: 'Standaardantwoord toevoegen' }).click();
    await canned.getByText('Weggooien').waitFor();
    await canned.getByRole('button', { name: 'Bewerken: Weggooien' }).click();
    await canned.getByLabel('Titel').fill('Weggooien (oud)');
    await canned.getByRole('button', { name: 'Opslaan' }).click();
    await canned.getByText('Weggooien (oud)').waitFor();
    await canned.getByRole('button', { name: 'Verwijderen: Weggooien (oud)' }).click();
    await canned.getByRole('button', { name: /Ja, verwijderen/ }).click();
    await expectEventually(async () => expect(await canned.getByText('Weggooien').count()).toBe(0));
    expect((await get<{ items: { title: string }[] }>('/v1/canned-replies')).items.map((c) => c.title)).toEqual([
      'Track en trace',
    ]);

    // Users: add an agent, make them a team lead.
    const invite = page.locator('form', { has: page.getByRole('heading', { name: 'Gebruiker toevoegen' }) });
    await invite.getByLabel('E-mail').fill('nina@shop.test');
    await invite.getByLabel('Naam').fill('Nina');
    await invite.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    const users = page.getByTestId('users');
    await users.getByText('Nina', { exact: true }).waitFor();
    await users.getByLabel('Rol van nina@shop.test').selectOption('lead');
    await page.locator('.notice').filter({ hasText: 'Rol gewijzigd' }).waitFor();
    const listed = await get<{ items: { email: string; role: string }[] }>('/v1/users');
    expect(listed.items.find((u) => u.email === 'nina@shop.test')).toMatchObject({ role: 'lead' });

    // Tokens: the secret is shown once and works until it is revoked.
    await page.getByLabel(/Naam van het nieuwe token/).fill('boekhouding');
    await page.getByRole('button', { name: 'Token maken' }).click();
    const secret = (await page.getByTestId('token-secret').textContent())!;
    expect(secret).toMatch(/^ddt_/);
    const withToken = () => fetch(`${suite.url}/v1/drafts`, { headers: { authorization: `Bearer ${secret}` } });
    expect((await withToken()).status).toBe(200);

    // The send delay; leaving the field empty goes back to the desk's default.
    await page.getByLabel(/Verzendvertraging in seconden/).fill('20');
    await page
      .locator('form', { has: page.getByLabel(/Verzendvertraging in seconden/) })
      .getByRole('button', { name: 'Opslaan' })
      .click();
    await page.locator('.notice').filter({ hasText: 'Opgeslagen' }).waitFor();
    expect(await get('/v1/shop/settings')).toMatchObject({ sendDelaySeconds: 20 });

    await bothSizes('settings');
    await accessibleEverywhere('the settings page');

    await page.getByTestId('tokens').getByRole('button', { name: 'Intrekken: boekhouding' }).click();
    await page.locator('.notice').filter({ hasText: 'Token ingetrokken' }).waitFor();
    expect((await withToken()).status).toBe(401);
    expect(await page.getByTestId('token-secret').count()).toBe(1);
    await page.getByRole('button', { name: /Klaar, ik heb het gekopieerd/ }).click();
    expect(await page.getByTestId('token-secret').count()).toBe(0);
  });

  it('inserts a canned reply filled in from the draft’s order where the cursor is, with `c`', async () => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    await transport.sendMail({
      from: 'Sanne de Vries <customer@example.test>',
      to: 'support@shop.test',
      subject: 'Waar blijft bestelling 100234?',
      text: 'Hallo, ik heb bestelling 100234 besteld maar nog niets ontvangen.\n\nGroeten, Sanne',
    });
    transport.close();
    await expectEventually(async () =>
      expect((await get<{ items: unknown[] }>('/v1/drafts?status=pending')).items).toHaveLength(1),
    );

    await page.locator('nav.pages').getByRole('link', { name: 'Concepten' }).click();
    const queue = page.getByRole('navigation', { name: 'Wachtrij' });
    await queue.getByText('Waar blijft bestelling 100234?').waitFor();
    await page.keyboard.press('j');
    const editor = page.getByLabel(/Conceptantwoord/);
    await expectEventually(async () => expect(await editor.inputValue()).toContain('100234'));
    const draft = await editor.inputValue();

    await page.keyboard.press('e');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\n');
    await page.keyboard.press('Escape');
    await page.keyboard.press('c');
    const dialog = page.getByRole('dialog', { name: 'Standaardantwoord invoegen' });
    await dialog.getByRole('button', { name: /Track en trace/ }).waitFor();
    expect(await page.evaluate('document.activeElement.id')).toBe('canned-search');
    await bothSizes('canned-picker');
    await accessibleEverywhere('the canned reply picker');

    await page.getByLabel('Standaardantwoorden zoeken').fill('track');
    await dialog.getByRole('button', { name: /Track en trace/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('canned-status').filter({ hasText: 'Ingevoegd: Track en trace' }).waitFor();
    await expectEventually(async () =>
      expect(await editor.inputValue()).toBe(
        `${draft}\n\nBeste Sanne de Vries, je bestelling 100234 is verzonden: https://track.example.test/postnl/3SABCD1234567\nGroet, Administrator`,
      ),
    );
    // The cursor stands after the inserted text, in the editor.
    expect(await page.evaluate('document.activeElement.id')).toBe('editor');
    expect(await page.evaluate('document.activeElement.selectionStart')).toBe((await editor.inputValue()).length);

    await bothSizes('canned-inserted');
    await accessibleEverywhere('a draft with a canned reply inserted');

    // The shortcut is in the overlay.
    await page.locator('#conv-title').click();
    await page.keyboard.press('?');
    await page.getByRole('dialog').getByText('Een standaardantwoord invoegen').waitFor();
    await page.keyboard.press('Escape');
  });
});
