import { configureLogging } from '@draftdesk/observability';
import { createServiceApp } from '@draftdesk/platform';
import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { Browser, Page } from 'playwright-core';
import { AUDITED_APPS } from '../security/audited-apps';
import { launchChromium } from '../support/browser';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { checkScreen } from '../support/screens';
import { seedConversation } from './inbox-fixtures';
import { seedItem } from './review-fixtures';

/**
 * Bulk actions in Chromium, against the review app as it starts in production (the UI from dist/): conversations
 * selected with the checkboxes and with "x", the selection bar, the confirmation that says what will happen to how
 * many, and the summary with each refusal in words; drafts approved in bulk from the queue; the shortcuts overlay
 * listing every shortcut. In English and Dutch, light and dark, on a desktop and a phone, with no axe-core violation.
 */
describe('bulk actions UI in Chromium', () => {
  const password = 'bulk ui password 1';
  let db: TestDatabase;
  let app: INestApplication;
  let base: string;
  let browser: Browser;
  let page: Page;
  const conversations: string[] = [];

  beforeAll(async () => {
    configureLogging('bulk-ui', 'error');
    db = await createTestDatabase('bulk_ui');
    const review = AUDITED_APPS.find((a) => a.name === 'review')!;
    app = await createServiceApp({
      module: review.module({
        DATABASE_URL: db.url,
        KAFKA_BROKERS: engines.kafkaBrokers,
        KAFKA_TOPIC_PREFIX: `bulk-ui-${randomBytes(3).toString('hex')}.`,
        REVIEW_ADMIN_EMAIL: 'lead@shop.test',
        REVIEW_ADMIN_PASSWORD: password,
      }),
    });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    await db.query(
      `INSERT INTO shops (id, name, business_hours, sla) SELECT 'b', 'Shop B', business_hours, sla FROM shops WHERE id = 'default'`,
    );
    for (const [i, name] of ['Anna Bakker', 'Bram de Wit', 'Chris Smit', 'Daan Visser'].entries())
      conversations.push(
        (
          await seedConversation(db, {
            name,
            subject: `Question ${i + 1}`,
            messages: [{ direction: 'inbound', text: `Vraag ${i + 1}`, minutesAgo: 10 - i }],
          })
        ).conversationId,
      );

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

  const setLocale = (locale: 'en' | 'nl') => page.selectOption('#locale', locale);
  const row = (id: string) => page.locator(`[data-conversation="${id}"]`);
  const check = (id: string) => page.locator(`[data-select="${id}"]`);

  it('closes the selected conversations after the confirmation, and says which one failed and why', async () => {
    await page.goto(`${base}/#/inbox`);
    await row(conversations[0]).waitFor();
    // The keyboard: "x" on a row selects it, and again unselects it.
    await row(conversations[0]).focus();
    await page.keyboard.press('x');
    await page.keyboard.press('x');
    await page.keyboard.press('x');
    await check(conversations[1]).check();
    await check(conversations[2]).check();
    const bar = page.getByRole('region', { name: 'Selection' });
    await bar.getByText('3 selected').waitFor();
    expect(await check(conversations[0]).isChecked()).toBe(true);
    expect(await check(conversations[3]).isChecked()).toBe(false);
    await checkScreen(page, 'bulk-selection-bar');

    await bar.getByRole('button', { name: 'Close…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Close 3 conversations' });
    await dialog.getByText('3 selected conversations will be closed with the reason you choose.').waitFor();
    expect(await page.evaluate('document.activeElement?.id')).toBe('bulk-close-reason');
    await checkScreen(page, 'bulk-confirm-dialog');
    // Escape sends nothing.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await db.query(`SELECT 1 FROM audit_log WHERE entity = 'conversation'`)).toEqual([]);

    // Meanwhile one of them moved to another shop: it is refused, the others are closed.
    await db.query(`INSERT INTO conversation_states (conversation_id, shop_id) VALUES ($1, 'b')`, [conversations[2]]);
    await bar.getByRole('button', { name: 'Close…' }).click();
    await dialog.getByLabel('Reason for closing').selectOption('spam');
    await dialog.getByRole('button', { name: 'Close 3 conversations' }).click();
    const result = page.getByRole('status').filter({ hasText: 'Result' });
    await result.getByText('2 done, 1 failed:').waitFor();
    await result.getByText('it no longer exists or belongs to another shop').waitFor();
    await result.getByText(/^Chris Smit \(c-[0-9a-f]+@example.test\): Question 3$/).waitFor();
    // The refused one stays selected, to look at or try again.
    await bar.getByText('1 selected').waitFor();
    await checkScreen(page, 'bulk-result');

    const closed = await db.query<{ conversation_id: string; closed_reason: string }>(
      `SELECT conversation_id, closed_reason FROM conversation_states WHERE status = 'closed' ORDER BY conversation_id`,
    );
    expect(closed).toEqual(
      [conversations[0], conversations[1]].sort().map((id) => ({ conversation_id: id, closed_reason: 'spam' })),
    );
    await bar.getByRole('button', { name: 'Clear selection' }).click();
    await bar.waitFor({ state: 'detached' });
  });

  it('assigns the selected conversations to the chosen person, in Dutch too', async () => {
    await page.goto(`${base}/#/inbox/all`);
    await page.reload();
    await row(conversations[3]).waitFor();
    await setLocale('nl');
    await check(conversations[3]).check();
    await page.getByRole('region', { name: 'Selectie' }).getByRole('button', { name: 'Toewijzen…' }).click();
    const dialog = page.getByRole('dialog', { name: '1 gesprek toewijzen' });
    await dialog.getByText('Het geselecteerde gesprek wordt toegewezen').waitFor();
    await dialog.getByRole('button', { name: '1 gesprek toewijzen' }).click();
    await page.getByRole('status').filter({ hasText: 'Resultaat' }).getByText('1 gelukt').waitFor();
    await setLocale('en');
    const [state] = await db.query<{ assignee_id: string }>(
      `SELECT assignee_id FROM conversation_states WHERE conversation_id = $1`,
      [conversations[3]],
    );
    const [lead] = await db.query<{ id: string }>(`SELECT id FROM users WHERE email = 'lead@shop.test'`);
    expect(state.assignee_id).toBe(lead.id);
  });

  it('approves the selected drafts from the queue after the confirmation', async () => {
    const first = await seedItem(db, { customer: 'first@example.test' });
    const second = await seedItem(db, { customer: 'second@example.test' });
    const placeholder = await seedItem(db, { body: 'Beste {{customer.name}}, je pakket is onderweg.' });
    // Loaded anew: the queue the desk loaded at sign-in did not have these drafts yet.
    await page.goto(`${base}/#/`);
    await page.reload();
    for (const { draftId } of [first, second, placeholder]) await check(draftId).check();
    await page.getByRole('region', { name: 'Selection' }).getByRole('button', { name: 'Approve…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Approve 3 drafts' });
    await dialog.getByText('3 selected drafts will be approved as they are').waitFor();
    await dialog.getByRole('button', { name: 'Approve 3 drafts' }).click();
    const result = page.getByRole('status').filter({ hasText: 'Result' });
    await result.getByText('2 done, 1 failed:').waitFor();
    await result.getByText('the draft still holds a placeholder to fill in').waitFor();
    const rows = await db.query<{ draft_id: string; status: string }>(
      `SELECT draft_id, status FROM review_items WHERE draft_id = ANY($1)`,
      [[first.draftId, second.draftId, placeholder.draftId]],
    );
    expect(Object.fromEntries(rows.map((r) => [r.draft_id, r.status]))).toEqual({
      [first.draftId]: 'sending',
      [second.draftId]: 'sending',
      [placeholder.draftId]: 'pending',
    });
  });

  it('"/" focuses the search, and "?" lists every shortcut', async () => {
    await page.goto(`${base}/#/inbox`);
    await row(conversations[0]).waitFor();
    await page.evaluate('document.activeElement?.blur()');
    await page.keyboard.press('/');
    expect(await page.evaluate('document.activeElement?.id')).toBe('inbox-q');
    await page.evaluate('document.activeElement?.blur()');
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    const listed = await help.locator('dt').allTextContents();
    const described = await help.locator('dd').allTextContents();
    expect(listed).toEqual(['j', 'k', 'a', 'e', 'r', 'x', 's', 'd', 'z', 'c', 'Esc', '/', 'x', '?']);
    expect(described).toEqual(
      expect.arrayContaining(['Search (inbox)', 'Select the row (inbox)', 'Escalate', 'Show these shortcuts']),
    );
    expect(described.every((d) => d.trim() !== '' && !/^[a-z]+[A-Z]\w*$/.test(d))).toBe(true);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
  });
});
