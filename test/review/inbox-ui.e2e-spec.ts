import { configureLogging } from '@draftdesk/observability';
import { createServiceApp } from '@draftdesk/platform';
import { INestApplication } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { Browser, Page } from 'playwright-core';
import { AUDITED_APPS } from '../security/audited-apps';
import { launchChromium } from '../support/browser';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { expectEventually } from '../support/expect-eventually';
import { checkScreen } from '../support/screens';
import { seedConversation } from './inbox-fixtures';
import { seedItem } from './review-fixtures';

/**
 * The inbox and the conversation page in Chromium, against the review app as it starts in production (the UI from
 * dist/, built by scripts/build-ui.js): views with counts, search with "/", filters, paging with "more", one
 * conversation with its thread and controls, the link to its waiting draft; in English and Dutch, light and dark,
 * on a desktop and a phone, with no axe-core violation.
 */
describe('inbox UI in Chromium', () => {
  const password = 'inbox ui password 1';
  let db: TestDatabase;
  let app: INestApplication;
  let base: string;
  let browser: Browser;
  let page: Page;
  const seeded: Record<string, string> = {};

  beforeAll(async () => {
    configureLogging('inbox-ui', 'error');
    db = await createTestDatabase('inbox_ui');
    const review = AUDITED_APPS.find((a) => a.name === 'review')!;
    app = await createServiceApp({
      module: review.module({
        DATABASE_URL: db.url,
        KAFKA_BROKERS: engines.kafkaBrokers,
        KAFKA_TOPIC_PREFIX: `inbox-ui-${randomBytes(3).toString('hex')}.`,
        REVIEW_ADMIN_EMAIL: 'lead@shop.test',
        REVIEW_ADMIN_PASSWORD: password,
      }),
    });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;

    for (let i = 0; i < 26; i++)
      await seedConversation(db, { name: `Klant ${i}`, messages: [{ direction: 'inbound', text: `Vraag ${i}` }] });
    seeded.waiting = (
      await seedConversation(db, {
        name: 'Oliver Twist',
        address: 'oliver.twist@example.org',
        subject: 'Parcel missing',
        messages: [
          { direction: 'inbound', text: 'My parcel never arrived.' },
          { direction: 'outbound', text: 'We are sorry, a new parcel is on its way.', status: 'failed' },
        ],
      })
    ).conversationId;
    const draft = await seedItem(db, { customer: 'sanne@example.test', priority: 'urgent' });
    seeded.pending = draft.conversationId;
    seeded.draft = draft.draftId;
    seeded.chat = (
      await seedConversation(db, {
        name: 'Mila Jansen',
        address: 'chat:shop-web:cust-99',
        channel: 'chat',
        subject: 'Chat',
        messages: [{ direction: 'inbound', text: 'Hoi, waar blijft mijn pakketbezorging?' }],
      })
    ).conversationId;

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    await page.goto(base);
    await page.getByLabel('Email').fill('lead@shop.test');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Pages' }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.drop();
  });

  const rows = () => page.locator('.inbox-row');

  it('lists conversations with status in words, names chat customers, searches with "/", filters and pages', async () => {
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Inbox' }).click();
    await expectEventually(async () => expect(await rows().count()).toBe(25));
    const tabs = page.getByRole('navigation', { name: 'Inbox views' });
    await tabs.getByRole('link', { name: /All\s*\(29 open\)/ }).waitFor();
    const chatRow = page.locator(`[data-conversation="${seeded.chat}"]`);
    await expect(chatRow.textContent()).resolves.toContain('Mila Jansen (chat: shop-web)');
    await expect(chatRow.textContent()).resolves.not.toContain('cust-99');
    await expect(page.locator(`[data-conversation="${seeded.pending}"]`).textContent()).resolves.toContain(
      'Draft waiting for review',
    );
    await checkScreen(page, 'inbox');

    await page.getByRole('button', { name: 'Show more' }).click();
    await expectEventually(async () => expect(await rows().count()).toBe(29));
    expect(await page.getByRole('button', { name: 'Show more' }).count()).toBe(0);

    // Away from the language menu the screen checks left focused: "/" in a field is typing, not a shortcut.
    await page.evaluate('document.activeElement?.blur()');
    await page.keyboard.press('/');
    expect(await page.evaluate('document.activeElement?.id')).toBe('inbox-q');
    await page.keyboard.type('pakketbezorging');
    await page.keyboard.press('Enter');
    await expectEventually(async () => expect(await rows().count()).toBe(1));
    await expect(rows().first().getAttribute('data-conversation')).resolves.toBe(seeded.chat);
    await page.fill('#inbox-q', '');
    await page.keyboard.press('Enter');

    await page.selectOption('#inbox-status', 'waiting');
    await expectEventually(async () => expect(await rows().count()).toBe(1));
    await expect(rows().first().getAttribute('data-conversation')).resolves.toBe(seeded.waiting);
    await page.selectOption('#inbox-status', '');
    await page.selectOption('#inbox-priority', 'urgent');
    await expectEventually(async () => expect(await rows().count()).toBe(1));
    await expect(rows().first().getAttribute('data-conversation')).resolves.toBe(seeded.pending);
    await page.selectOption('#inbox-priority', '');
  });

  it('opens a conversation: the thread with delivery states, taking, closing, reopening and snoozing it', async () => {
    await page.goto(`${base}/#/inbox`);
    await page.locator(`[data-conversation="${seeded.waiting}"]`).click();
    await page.getByRole('heading', { name: 'Parcel missing' }).waitFor();
    await page.getByText('Not delivered').waitFor();
    await page.getByText('We are sorry, a new parcel is on its way.').waitFor();
    await checkScreen(page, 'conversation-page');

    await page.getByRole('button', { name: 'Take it' }).click();
    await page.getByRole('status').filter({ hasText: 'Assignment saved' }).waitFor();
    await page.selectOption('#conv-close-reason', 'resolved');
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.locator('.conversation-page .inbox-status').filter({ hasText: 'Closed' }).waitFor();
    await page.getByRole('button', { name: 'Reopen' }).click();
    await page.locator('.conversation-page .inbox-status').filter({ hasText: 'Waiting for the customer' }).waitFor();
    await page.getByRole('button', { name: 'Snooze' }).click();
    await page.locator('.conversation-page .inbox-status').filter({ hasText: 'Snoozed' }).waitFor();
    const audit = await db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'conversation' AND entity_id = $1 ORDER BY id`,
      [seeded.waiting],
    );
    expect(audit.map((a) => a.action)).toEqual(['assign', 'close', 'reopen', 'snooze']);

    await page.goto(`${base}/#/inbox/mine`);
    await expectEventually(async () => expect(await rows().count()).toBe(1));
    await expect(rows().first().getAttribute('data-conversation')).resolves.toBe(seeded.waiting);
  });

  it("links a conversation's waiting draft to the queue with that draft open", async () => {
    await page.goto(`${base}/#/conversation/${seeded.pending}`);
    await page.getByRole('link', { name: 'Review the waiting draft' }).click();
    await expectEventually(async () => expect(page.url()).toContain(`#/?draft=${seeded.draft}`));
    await expectEventually(async () =>
      expect(await page.locator('#editor').inputValue()).toContain('je pakket 100234 is onderweg'),
    );
  });

  it('says so for a conversation that does not exist', async () => {
    await page.goto(`${base}/#/conversation/${randomUUID()}`);
    await page.getByText('This conversation does not exist or belongs to another shop.').waitFor();
  });
});
