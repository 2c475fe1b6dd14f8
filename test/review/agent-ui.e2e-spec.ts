import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { accessibilityViolations } from '../support/axe';
import { launchChromium, screenshots } from '../support/browser';
import { expectEventually } from '../support/expect-eventually';
import { readMailbox, sendMail, uniqueAddress } from '../support/mail';
import { RunningService, ServiceName, startService } from '../support/services';

/** An agent signs in to the UI in Debian's Chromium, edits and approves a draft with the keyboard, and the customer gets it. */
describe('agent UI in Chromium', () => {
  const support = uniqueAddress('support', 'shop.test');
  const customer = uniqueAddress('daan', 'example.test');
  const password = 'agent ui password 1';
  const services: Partial<Record<ServiceName, RunningService>> = {};
  let db: TestDatabase;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    db = await createTestDatabase('agent_ui');
    const common = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: engines.kafkaBrokers,
      KAFKA_TOPIC_PREFIX: `ui-${randomBytes(4).toString('hex')}.`,
      MESSAGE_ID_DOMAIN: 'replies.shop.test',
    };
    const specific: Partial<Record<ServiceName, Record<string, string>>> = {
      'mail-ingest': {
        IMAP_HOST: engines.imapHost,
        IMAP_PORT: String(engines.imapPort),
        IMAP_SECURE: 'false',
        IMAP_USER: support,
        IMAP_PASSWORD: engines.catchAllPassword,
        IMAP_RESYNC_SECONDS: '600',
      },
      review: { REVIEW_ADMIN_EMAIL: 'lead@shop.test', REVIEW_ADMIN_PASSWORD: password },
      'mail-send': {
        SMTP_HOST: engines.smtpHost,
        SMTP_PORT: String(engines.smtpPort),
        MAIL_FROM: `Fietsenwinkel Hollandia <${support}>`,
      },
    };
    const names: ServiceName[] = ['conversations', 'triage', 'drafter', 'review', 'mail-send', 'mail-ingest'];
    for (const name of names)
      services[name] = await startService(name, { ...common, ...(specific[name] ?? {}) }, `ui-${name}`);
    await Promise.all(names.map((n) => services[n]!.ready()));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'nl-NL' });
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all(Object.values(services).map((s) => s.kill('SIGTERM')));
    await db?.drop();
  });

  it('signs in, opens the queue, edits and approves with the keyboard, and the reply reaches the customer', async () => {
    await sendMail({
      from: `Daan Bakker <${customer}>`,
      to: support,
      subject: 'Waar is mijn bestelling 100234?',
      text: 'Hallo,\n\nIk heb bestelling 100234 geplaatst maar nog niets ontvangen. Waar blijft mijn pakket?\n\nDaan',
    });
    await expectEventually(async () => {
      const rows = await db.query(`SELECT 1 FROM review_items WHERE status = 'pending'`);
      expect(rows).toHaveLength(1);
    });

    const review = services.review!.url;
    await page.goto(review);
    await page.getByLabel('E-mail').waitFor();
    await page.screenshot({ path: join(screenshots, 'sign-in.png') });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('E-mail').fill('lead@shop.test');
    await page.getByLabel('Wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('navigation', { name: 'Wachtrij' }).getByText('Waar is mijn bestelling 100234?').waitFor();
    await page.screenshot({ path: join(screenshots, 'queue.png') });
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.keyboard.press('j'); // the first (and only) draft
    const editor = page.getByLabel(/Conceptantwoord/);
    await expectEventually(async () => expect(await editor.inputValue()).toContain('100234'));
    await page.getByRole('heading', { name: 'Waar is mijn bestelling 100234?' }).waitFor();
    // Codes in words, in the agent's language: the intent in the queue, the reasons beside the draft.
    await page
      .getByRole('navigation', { name: 'Wachtrij' })
      .getByText(/waar blijft mijn bestelling/)
      .waitFor();
    await page.getByRole('listitem').filter({ hasText: 'automatisch versturen staat uit voor deze winkel' }).waitFor();
    await page.screenshot({ path: join(screenshots, 'conversation.png') });
    expect(await accessibilityViolations(page)).toEqual([]);
    // The dark theme follows the system setting, with the same contrast.
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await page.evaluate(`getComputedStyle(document.documentElement).backgroundColor`)).toBe('rgb(21, 24, 28)');
    await page.screenshot({ path: join(screenshots, 'conversation-dark.png') });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });

    // On a phone (390 px): one column, nothing scrolls sideways, the conversation has the width of the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    const narrow = (await page.evaluate(`({
      scroll: document.documentElement.scrollWidth,
      conversation: document.querySelector('.conversation').getBoundingClientRect().width,
      editor: document.getElementById('editor').getBoundingClientRect().right,
      // Buttons wrap as wholes: no label broken inside a word or running out of its button.
      cramped: [...document.querySelectorAll('.actions button')].filter(
        (b) => b.scrollWidth > b.clientWidth + 1 || b.getBoundingClientRect().height > 48,
      ).length,
    })`)) as { scroll: number; conversation: number; editor: number; cramped: number };
    expect(narrow.scroll).toBeLessThanOrEqual(390);
    expect(narrow.conversation).toBeGreaterThan(340);
    expect(narrow.editor).toBeLessThanOrEqual(390);
    expect(narrow.cramped).toBe(0);
    await page.screenshot({ path: join(screenshots, 'conversation-390.png'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 768 });

    await page.keyboard.press('e');
    expect(await page.evaluate('document.activeElement?.id')).toBe('editor');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\nPS: bedankt voor je geduld!');
    await page.keyboard.press('Escape');
    await page.keyboard.press('a');
    await page.getByText('Goedgekeurd').waitFor();

    const [reply] = await expectEventually(
      async () => {
        const inbox = await readMailbox(customer);
        expect(inbox).toHaveLength(1);
        return inbox;
      },
      { timeoutMs: 60_000 },
    );
    expect(reply.source).toContain('bedankt voor je geduld');
    const [item] = await db.query<{ status: string; decided_by: string }>(
      `SELECT status, decided_by FROM review_items`,
    );
    expect(item).toEqual({ status: 'approved', decided_by: 'lead@shop.test' });
  });
});
