import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { expectAccessibleEverywhere } from '../support/axe';
import { launchChromium, screenshots } from '../support/browser';
import { RunningEmbedded, startEmbeddedSandbox } from '../support/embedded-sandbox';
import { engines } from '../support/engines';
import { expectEventually } from '../support/expect-eventually';
import { uniqueAddress } from '../support/mail';
import { freePort } from '../support/services';

/**
 * Mailboxes and chat channels on the settings page (embedded mode, Debian's Chromium, the real Dovecot): an admin
 * tests a mailbox's connection (a wrong password is said in words, the right one connects), adds it and sees its
 * password only as "set"; adds a chat channel and sees its signing secret once. Every screen in English and Dutch,
 * light and dark, has no axe violations, and fits a phone.
 */
describe('agent UI: mailboxes and chat channels in the settings', () => {
  const password = 'channels ui password 1';
  let suite: RunningEmbedded;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    suite = await startEmbeddedSandbox({
      SMTP_INBOUND_PORT: String(await freePort()),
      REVIEW_ADMIN_PASSWORD: password,
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'nl-NL' });
  });

  afterAll(async () => {
    await browser?.close();
    await suite?.stop();
  });

  const get = async (path: string): Promise<string> =>
    (await fetch(`${suite.url}${path}`, { headers: suite.reviewAuth() })).text();

  const accessibleEverywhere = (what: string) => expectAccessibleEverywhere(page, what);

  /** Elements that would scroll sideways: the document, and any settings section wider than its box. */
  const overflowing = () =>
    page.evaluate(`[document.documentElement, ...document.querySelectorAll('.settings-section')]
      .filter((e) => e.scrollWidth > e.clientWidth + 1)
      .map((e) => (e.getAttribute('aria-labelledby') || e.tagName) + ' ' + e.scrollWidth + ' > ' + e.clientWidth)`);

  /** Screenshots of the section at 1440×900 and of the whole page at 390×844, where nothing may scroll sideways. */
  async function bothSizes(name: string, section: string) {
    expect(await overflowing()).toEqual([]);
    await page.locator(`section[aria-labelledby="${section}"]`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, `${name}-1440.png`) });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await overflowing()).toEqual([]);
    await page.screenshot({ path: join(screenshots, `${name}-390.png`), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
  }

  it('tests and adds a mailbox, and adds a chat channel whose secret is shown once', async () => {
    await page.goto(suite.url);
    await page.getByLabel('E-mail').fill('admin@shop.test');
    await page.getByLabel('Wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.locator('nav.pages').getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('heading', { name: 'Mailboxen' }).waitFor();

    // A mailbox on the real Dovecot: the wrong password is refused in words, the right one connects; nothing saved.
    const address = uniqueAddress('uibox', 'shop.test');
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Mailbox toevoegen' }) });
    await form.getByLabel(/^Naam/).fill(address);
    await form.getByLabel('IMAP-server').fill(engines.imapHost);
    await form.getByLabel(/^Poort/).fill(String(engines.imapPort));
    await form.getByLabel('Beveiliging van de verbinding').selectOption('plain');
    await form.getByLabel('Gebruikersnaam').fill(address);
    await form.getByLabel('Wachtwoord', { exact: true }).fill('wrong password');
    await form.getByRole('button', { name: 'Verbinding testen' }).click();
    const result = form.getByTestId('mailbox-test-result');
    await result.getByText(/Verbinding mislukt: the server refused the user name or password/).waitFor();
    await form.getByLabel('Wachtwoord', { exact: true }).fill(engines.catchAllPassword);
    await form.getByRole('button', { name: 'Verbinding testen' }).click();
    await expectEventually(
      async () => expect(await result.textContent()).toMatch(/Verbonden: ingelogd en geopend INBOX \(0 berichten\)/),
      { timeoutMs: 15_000 },
    );
    expect(JSON.parse(await get('/v1/settings/mailboxes'))).toMatchObject({ items: [] });
    await bothSizes('settings-mailbox-tested', 'settings-mailboxes');
    await accessibleEverywhere('a mailbox whose connection was tested');

    await form.getByRole('button', { name: 'Mailbox toevoegen' }).click();
    const mailboxes = page.getByTestId('mailboxes');
    await mailboxes.getByText(address, { exact: true }).waitFor();
    await mailboxes.getByText(/wachtwoord ingesteld/).waitFor();
    const listed = await get('/v1/settings/mailboxes');
    expect(listed).toContain('"password":"(set)"');
    expect(listed).not.toContain(`"${engines.catchAllPassword}"`);

    // A stored mailbox is edited with its password kept, and tested with it.
    await mailboxes.getByRole('button', { name: `Bewerken: ${address}` }).click();
    const edit = page.locator('form', { has: page.getByRole('heading', { name: `Mailbox bewerken: ${address}` }) });
    await edit.getByLabel(/Wachtwoord \(ingesteld/).waitFor();
    await edit.getByRole('button', { name: 'Verbinding testen' }).click();
    await edit
      .getByTestId('mailbox-test-result')
      .getByText(/Verbonden/)
      .waitFor();
    await edit.getByRole('button', { name: 'Annuleren' }).click();

    // A chat channel: the secret is shown once, never in the list.
    await page.getByLabel(/Kanaal-id/).fill('webshop');
    await page.getByLabel('Adres waar antwoorden naartoe gaan').fill('https://shop.test/chat/replies');
    await page.getByRole('button', { name: 'Chatkanaal toevoegen' }).click();
    const secret = (await page.getByTestId('channel-secret').textContent())!;
    expect(secret).toMatch(/^whsec_/);
    const channels = page.getByTestId('chat-channels');
    await channels.getByText('webshop', { exact: true }).waitFor();
    expect(await channels.textContent()).not.toContain(secret);
    expect(await get('/v1/settings/chat-channels')).not.toContain(secret.slice(6));
    await bothSizes('settings-chat-channel-secret', 'settings-chat-channels');
    await accessibleEverywhere('a new chat channel with its secret');

    await page
      .getByRole('button', { name: /Klaar, ik heb het gekopieerd/ })
      .last()
      .click();
    expect(await page.getByTestId('channel-secret').count()).toBe(0);
    await page.reload();
    await page.getByTestId('chat-channels').getByText('webshop', { exact: true }).waitFor();
    expect(await page.content()).not.toContain(secret);

    // Rotation shows the new secret once, and the old one is still accepted until the next rotation.
    await page.getByTestId('chat-channels').getByRole('button', { name: 'Nieuw geheim: webshop' }).click();
    const next = (await page.getByTestId('channel-secret').textContent())!;
    expect(next).toMatch(/^whsec_/);
    expect(next).not.toBe(secret);
    await page
      .getByTestId('chat-channels')
      .getByText(/geaccepteerde geheimen: 2/)
      .waitFor();
  });
});
