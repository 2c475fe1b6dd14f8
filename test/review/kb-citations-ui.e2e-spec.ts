import { join } from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { Browser, Page } from 'playwright-core';
import { accessibilityViolations } from '../support/axe';
import { launchChromium, screenshots } from '../support/browser';
import { RunningEmbedded, startEmbeddedSandbox } from '../support/embedded-sandbox';
import { expectEventually } from '../support/expect-eventually';
import { freePort } from '../support/services';

/**
 * The agent's desk and the knowledge base (embedded mode, Debian's Chromium): a draft's cited article opens in a
 * dialog, rendered without any HTML of its own, and says so once it is gone; leads and admins keep the articles on
 * #/settings with each refused field named under it; an open conversation page shows a customer's new message as it
 * arrives and keeps what the agent was typing, and a state someone else gave it. Every screen in English and Dutch, light and dark, has no axe
 * violations, and fits a phone.
 */
describe('agent UI: cited articles, the knowledge base settings, a live conversation page', () => {
  const password = 'kb ui password 12';
  let suite: RunningEmbedded;
  let smtpPort: number;
  let browser: Browser;
  let page: Page;
  let citedId: string;

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

  const api = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const res = await fetch(`${suite.url}${path}`, { ...init, headers: { ...suite.reviewAuth(), ...init.headers } });
    return (res.status === 204 ? undefined : await res.json()) as T;
  };

  const mail = async (message: SendMailOptions) => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    await transport.sendMail({ from: 'Sanne de Vries <customer@example.test>', to: 'support@shop.test', ...message });
    transport.close();
  };

  /** axe on the screen as it is, in both languages and both themes; ends in Dutch and light. */
  async function accessibleEverywhere(what: string) {
    for (const locale of ['en', 'nl']) {
      await page.locator('#locale').selectOption(locale);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const violations = await accessibilityViolations(page);
        expect({ what, locale, colorScheme, violations }).toEqual({ what, locale, colorScheme, violations: [] });
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }

  /** Screenshots at 1440×900 and 390×844 (light and dark), where the document may not scroll sideways. */
  async function bothSizes(name: string) {
    await page.screenshot({ path: join(screenshots, `${name}-1440.png`) });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(screenshots, `${name}-390.png`), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(screenshots, `${name}-390-dark.png`), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1440, height: 900 });
  }

  const citationButton = () =>
    page.getByRole('button', { name: `Open het geciteerde artikel: ${citedId}`, exact: true });

  const openDraft = async () => {
    await page.locator('nav.pages').getByRole('link', { name: 'Concepten' }).click();
    await page.getByRole('navigation', { name: 'Wachtrij' }).getByText('Geld terug voor mijn fiets').first().click();
    await page.getByTestId('citations').waitFor();
  };

  it("opens a draft's cited article in a dialog, and Escape brings the agent back to the citation", async () => {
    await mail({
      subject: 'Geld terug voor mijn fiets',
      messageId: '<refund-1@example.test>',
      text: 'Hallo, ik wil mijn fiets retourneren. Hoe krijg ik mijn geld terug?\n\nGroeten, Sanne',
    });
    const pending = await expectEventually(async () => {
      const { items } = await api<{ items: { citations: string[] }[] }>('/v1/drafts?status=pending');
      expect(items).toHaveLength(1);
      return items[0];
    });
    citedId = pending.citations.find((c) => c.startsWith('nl-'))!;
    expect(citedId).toBeDefined();
    const article = await api<{ title: string }>(`/v1/knowledge/articles/${citedId}`);

    await page.goto(suite.url);
    await page.getByLabel('E-mail').fill('admin@shop.test');
    await page.getByLabel('Wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.locator('nav.pages').waitFor();
    await openDraft();
    const citation = citationButton();
    await citation.click();
    const dialog = page.getByRole('dialog', { name: article.title });
    await dialog.getByText('Nederlands').waitFor();
    await dialog.getByText('Uit de winkelmap').waitFor();
    expect(await dialog.locator('.kb-body').textContent()).not.toBe('');
    await bothSizes('kb-cited-article');
    await accessibleEverywhere('a cited article');

    // The desk's shortcuts do not act behind the dialog: `a` would approve the draft.
    await page.keyboard.press('a');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate('document.activeElement.getAttribute("aria-label")')).toContain(citedId);
    expect((await api<{ items: unknown[] }>('/v1/drafts?status=pending')).items).toHaveLength(1);
  });

  it('keeps the knowledge base on the settings page: fields refused in place, add, search, edit, delete', async () => {
    await page.locator('nav.pages').getByRole('link', { name: 'Instellingen' }).click();
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Kennisbank' }) });
    await section.getByText(/gebruiken concepten de \d+ artikelen uit de winkelmap/).waitFor();

    const addForm = section.locator('form', { has: page.getByRole('heading', { name: 'Artikel toevoegen' }) });
    await addForm.getByRole('button', { name: 'Artikel toevoegen' }).click();
    await addForm.locator('#kb-new-title-error').filter({ hasText: 'must not be empty' }).waitFor();
    await addForm.locator('#kb-new-body-error').waitFor();
    await expect(addForm.getByLabel('Titel').getAttribute('aria-invalid')).resolves.toBe('true');
    await addForm.getByLabel('Tags (intenties, gescheiden door komma’s)').fill('Geen Intentie');
    await addForm.getByRole('button', { name: 'Artikel toevoegen' }).click();
    await addForm.locator('#kb-new-intents-error').waitFor();
    await bothSizes('kb-settings-errors');
    await accessibleEverywhere('the knowledge base form with refused fields');

    // The cited article's id comes from its language and title: this one takes its place.
    await addForm.getByLabel('Titel').fill(citedId.replace(/^nl-/, '').replace(/-/g, ' '));
    await addForm
      .getByLabel('Tekst (markdown)')
      .fill(
        '# Zo werkt het\n\nBinnen **30 dagen** geld terug. <img src=x onerror="window.__injected=1">\n\n- Meld de retour aan\n- Stuur het pakket',
      );
    await addForm.getByLabel('Tags (intenties, gescheiden door komma’s)').fill('get_refund, check_refund_policy');
    await addForm.getByRole('button', { name: 'Artikel toevoegen' }).click();
    const list = page.getByTestId('kb-articles');
    await list.locator(`[data-article="${citedId}"]`).waitFor();
    expect(await addForm.locator('.field-error').count()).toBe(0);

    await addForm.getByLabel('Taal').selectOption('en');
    await addForm.getByLabel('Titel').fill('Throwaway');
    await addForm.getByLabel('Tekst (markdown)').fill('For a moment.');
    await addForm.getByLabel('Tags (intenties, gescheiden door komma’s)').fill('');
    await addForm.getByRole('button', { name: 'Artikel toevoegen' }).click();
    await list.locator('[data-article="en-throwaway"]').waitFor();

    await section.getByLabel('Artikelen zoeken').fill('30 dagen');
    await expectEventually(async () => expect(await list.locator('li').count()).toBe(1));
    await section.getByLabel('Artikelen zoeken').fill('');
    await section.locator('#kb-filter-language').selectOption('en');
    await expectEventually(async () => expect(await list.locator('li').count()).toBe(1));
    await list.locator('[data-article="en-throwaway"]').waitFor();
    await section.locator('#kb-filter-language').selectOption('');
    await expectEventually(async () => expect(await list.locator('li').count()).toBe(2));
    await bothSizes('kb-settings');
    await accessibleEverywhere('the knowledge base settings');

    await list.getByRole('button', { name: 'Bewerken: Throwaway' }).click();
    await list.getByLabel('Titel').fill('Throwaway (old)');
    await list.getByRole('button', { name: 'Opslaan' }).click();
    await list.getByText('Throwaway (old)').waitFor();
    await list.getByRole('button', { name: 'Verwijderen: Throwaway (old)' }).click();
    await list.getByRole('button', { name: /Ja, verwijderen/ }).click();
    await expectEventually(async () => expect(await list.locator('[data-article="en-throwaway"]').count()).toBe(0));

    const audit = await api<{ items: { action: string }[] }>('/v1/audit?limit=50');
    expect(
      audit.items
        .map((a) => a.action)
        .filter((a) => a.startsWith('kb_'))
        .reverse(),
    ).toEqual(['kb_create', 'kb_create', 'kb_update', 'kb_delete']);

    // The draft's citation now opens the article as written here: markdown as elements, its HTML as text.
    await openDraft();
    await citationButton().click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('strong', { hasText: '30 dagen' }).waitFor();
    await dialog.getByText('<img src=x onerror="window.__injected=1">', { exact: false }).waitFor();
    expect(await dialog.locator('img').count()).toBe(0);
    expect(await dialog.locator('li').count()).toBe(2);
    expect(await page.evaluate('window.__injected')).toBeUndefined();
    await page.keyboard.press('Escape');

    // Deleted since the draft cited it: the dialog says so. (With no article left in the table, drafts and the desk
    // would go back to the shop folder's, so one stays.)
    await api('/v1/knowledge/articles', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ language: 'en', title: 'Opening hours', body: 'Weekdays 9 to 5.' }),
    });
    await api(`/v1/knowledge/articles/${citedId}`, { method: 'DELETE' });
    await citationButton().click();
    await dialog.getByText('Dit artikel staat niet meer in de kennisbank').waitFor();
    await bothSizes('kb-cited-article-gone');
    await accessibleEverywhere('a cited article that is gone');
    await page.keyboard.press('Escape');
  });

  it("shows a customer's new message and a close made elsewhere on the open conversation page, keeping what the agent types", async () => {
    const { items } = await api<{ items: { id: string }[] }>('/v1/inbox');
    const conversationId = items[0].id;
    await page.goto(`${suite.url}/#/conversation/${conversationId}`);
    await page.getByRole('heading', { name: 'Geld terug voor mijn fiets' }).waitFor();
    const note = page.locator('#conv-close-note');
    await note.fill('Klant belt nog');

    await mail({
      subject: 'Re: Geld terug voor mijn fiets',
      inReplyTo: '<refund-1@example.test>',
      references: ['<refund-1@example.test>'],
      text: 'En mag ik de fiets ook naar de winkel brengen?\n\nSanne',
    });
    await page
      .locator('.thread .msg-text')
      .filter({ hasText: 'En mag ik de fiets ook naar de winkel brengen?' })
      .waitFor({ timeout: 60_000 });
    await expect(note.inputValue()).resolves.toBe('Klant belt nog');
    await bothSizes('conversation-live');
    await accessibleEverywhere('a conversation page after a live update');

    // Someone else closes it (here an integration token): the page shows it closed.
    await api(`/v1/inbox/${conversationId}/close`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'resolved' }),
    });
    await page.locator('.conversation-page .inbox-status').filter({ hasText: 'Gesloten' }).waitFor();
  });
});
