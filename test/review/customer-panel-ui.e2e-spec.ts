import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { accessibilityViolations } from '../support/axe';
import { launchChromium, screenshots } from '../support/browser';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { expectEventually } from '../support/expect-eventually';
import { RunningService, startService } from '../support/services';
import { seedItem, tokenClient } from './review-fixtures';

/**
 * The customer panel beside a draft (earlier conversations, orders from the shop folder's order source) and a note
 * that mentions a colleague, who sees the count in the header and the note on the mentions page (Debian's Chromium).
 */
describe('agent UI: customer panel and notes with mentions', () => {
  const password = 'customer panel password 1';
  const apiToken = `it-${randomBytes(24).toString('hex')}`;
  let db: TestDatabase;
  let review: RunningService;
  let browser: Browser;
  let page: Page;
  let earlierConversation: string;

  beforeAll(async () => {
    db = await createTestDatabase('customer_panel_ui');
    review = await startService(
      'review',
      {
        DATABASE_URL: db.url,
        KAFKA_BROKERS: engines.kafkaBrokers,
        KAFKA_TOPIC_PREFIX: `cpui-${randomBytes(4).toString('hex')}.`,
        REVIEW_ADMIN_EMAIL: 'lead@shop.test',
        REVIEW_ADMIN_PASSWORD: password,
        REVIEW_API_TOKEN: apiToken,
      },
      'customer-panel-ui',
    );
    await review.ready();
    const admin = tokenClient(review.url, apiToken);
    const created = await admin('/v1/users', {
      method: 'POST',
      json: { email: 'noor@shop.test', name: 'Noor Visser', password, role: 'agent' },
    });
    expect(created.status).toBe(201);
    // The sample shop's orders.json has order 100234 (with a tracking link) for this address.
    const current = await seedItem(db, { customer: 'customer@example.test' });
    const [{ customer_id: customerId }] = await db.query<{ customer_id: string }>(
      `SELECT customer_id FROM conversations WHERE id = $1`,
      [current.conversationId],
    );
    earlierConversation = randomUUID();
    const messageId = randomUUID();
    await db.query(
      `INSERT INTO conversations (id, customer_id, channel, mailbox, subject, normalized_subject, token, status, updated_at)
       VALUES ($1, $2, 'email', 'support@shop.test', 'Retour fietsbel', 'retour fietsbel', $3, 'closed', '2026-10-05T09:00:00Z')`,
      [earlierConversation, customerId, randomBytes(8).toString('hex')],
    );
    await db.query(
      `INSERT INTO messages (id, conversation_id, direction, channel, external_message_id, from_address, subject, text, new_text, occurred_at)
       VALUES ($1, $2, 'inbound', 'email', $3, 'customer@example.test', 'Retour fietsbel', 'Ik wil mijn fietsbel terugsturen.', 'Ik wil mijn fietsbel terugsturen.', '2026-10-05T09:00:00Z')`,
      [messageId, earlierConversation, `<${messageId}@example.test>`],
    );
    await db.query(
      `INSERT INTO review_items (draft_id, conversation_id, status, decision, payload, body, shop_id)
       VALUES ($1, $2, 'approved', 'review', $3, 'Geregeld.', 'default')`,
      [randomUUID(), earlierConversation, JSON.stringify({ subject: 'Re: Retour fietsbel', messageId })],
    );
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'nl-NL' });
  });

  afterAll(async () => {
    await browser?.close();
    await review?.kill('SIGTERM');
    await db?.drop();
  });

  async function signIn(p: Page, email: string) {
    await p.goto(review.url);
    await p.getByLabel('E-mail').fill(email);
    await p.getByLabel('Wachtwoord').fill(password);
    await p.getByRole('button', { name: 'Inloggen' }).click();
    await p.getByRole('navigation', { name: 'Wachtrij' }).waitFor();
  }

  /** axe in both languages and both themes; the page is left in Dutch and light. */
  async function accessibleInEveryLanguageAndTheme(p: Page, ready: (locale: string) => Promise<unknown>) {
    for (const locale of ['en', 'nl']) {
      await p.locator('#locale').selectOption(locale);
      await ready(locale);
      for (const colorScheme of ['light', 'dark'] as const) {
        await p.emulateMedia({ colorScheme });
        expect({ locale, colorScheme, violations: await accessibilityViolations(p) }).toEqual({
          locale,
          colorScheme,
          violations: [],
        });
      }
    }
    await p.emulateMedia({ colorScheme: 'light' });
  }

  it('shows the customer, their earlier conversation and their orders beside the draft', async () => {
    await signIn(page, 'lead@shop.test');
    // The queue has loaded its one draft before `j` opens it.
    await page.getByRole('navigation', { name: 'Wachtrij' }).getByText('Re: Waar is mijn bestelling?').waitFor();
    await page.keyboard.press('j');
    const panel = page.getByTestId('customer-panel');
    await panel.getByText('Sanne de Vries').waitFor();
    const earlier = panel.getByRole('link', { name: 'Retour fietsbel' });
    expect(await earlier.getAttribute('href')).toBe(`#/conversation/${earlierConversation}`);
    await panel.getByText('dit gesprek').waitFor();
    await panel.getByText('Bestelling 100234', { exact: true }).waitFor();
    const track = panel.getByRole('link', { name: /Volgen: 3SABCD1234567/ });
    expect(await track.getAttribute('href')).toBe('https://track.example.test/postnl/3SABCD1234567');
    await page.screenshot({ path: join(screenshots, 'customer-panel-1440.png') });
    await accessibleInEveryLanguageAndTheme(page, (locale) =>
      panel.getByText(locale === 'en' ? 'this conversation' : 'dit gesprek').waitFor(),
    );

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, 'customer-panel-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('adds a note mentioning a colleague, who sees the count in the header and the note among their mentions', async () => {
    const field = page.getByLabel(/Nieuwe interne notitie/);
    await field.click();
    await page.keyboard.type('Kun jij de vervoerder bellen, @No');
    const suggestion = page.getByRole('option', { name: /Noor Visser/ });
    await suggestion.waitFor();
    await suggestion.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, 'note-mention-suggestions-1440.png') });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    expect(await field.inputValue()).toBe('Kun jij de vervoerder bellen, @NoorVisser ');
    await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await page.getByText(/noemt Noor Visser/).waitFor();
    const [noor] = await db.query<{ id: string }>(`SELECT id FROM users WHERE email = 'noor@shop.test'`);
    const stored = await db.query<{ user_id: string; body: string }>(
      `SELECT nm.user_id, n.body FROM note_mentions nm JOIN review_notes n ON n.id = nm.note_id`,
    );
    expect(stored).toEqual([{ user_id: noor.id, body: 'Kun jij de vervoerder bellen, @NoorVisser' }]);

    // Noor, signed in elsewhere, sees one unread mention and reads it.
    const noorPage = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'nl-NL' });
    await signIn(noorPage, 'noor@shop.test');
    const badge = noorPage.getByTestId('mentions-badge');
    await expectEventually(async () => expect(await badge.textContent()).toContain('1'));
    await badge.click();
    const mention = noorPage.getByRole('listitem').filter({ hasText: 'Kun jij de vervoerder bellen' });
    await mention.waitFor();
    expect(await mention.getByRole('link', { name: 'Open het gesprek' }).getAttribute('href')).toMatch(
      /^#\/conversation\/[0-9a-f-]{36}$/,
    );
    expect(await noorPage.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await noorPage.screenshot({ path: join(screenshots, 'mentions-390.png'), fullPage: true });
    await accessibleInEveryLanguageAndTheme(noorPage, (locale) =>
      noorPage.getByRole('heading', { name: locale === 'en' ? 'Mentions' : 'Vermeldingen' }).waitFor(),
    );
    await noorPage.setViewportSize({ width: 1440, height: 900 });
    await noorPage.screenshot({ path: join(screenshots, 'mentions-1440.png') });
    await mention.getByRole('button', { name: 'Gelezen' }).click();
    await noorPage.getByText('Niemand heeft je genoemd').waitFor();
    await expectEventually(async () => expect((await badge.textContent())?.trim()).toMatch(/^@\s*0/));

    // A new mention reaches Noor's header live (the `noted` event), without a reload.
    await field.click();
    await page.keyboard.type('@noor');
    await page.getByRole('option', { name: /Noor Visser/ }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.type('graag vandaag nog');
    await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await expectEventually(async () => expect((await badge.textContent())?.trim()).toMatch(/^@\s*1/));
    await noorPage.close();
  });
});
