import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { accessibilityViolations } from '../support/axe';
import { launchChromium, screenshots } from '../support/browser';
import { expectEventually } from '../support/expect-eventually';
import { RunningService, startService } from '../support/services';
import { seedItem } from './review-fixtures';

/** The English agent UI in Debian's Chromium: the reject and escalate dialogs, driven from the keyboard. */
describe('agent UI dialogs in English (Chromium)', () => {
  const password = 'agent ui password 2';
  let db: TestDatabase;
  let review: RunningService;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    db = await createTestDatabase('agent_ui_dialogs');
    review = await startService(
      'review',
      {
        DATABASE_URL: db.url,
        KAFKA_BROKERS: engines.kafkaBrokers,
        KAFKA_TOPIC_PREFIX: `uid-${randomBytes(4).toString('hex')}.`,
        REVIEW_ADMIN_EMAIL: 'lead@shop.test',
        REVIEW_ADMIN_PASSWORD: password,
      },
      'ui-dialogs-review',
    );
    await review.ready();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
  });

  afterAll(async () => {
    await browser?.close();
    await review?.kill('SIGTERM');
    await db?.drop();
  });

  it('signs in in English, rejects with a reason after a cancelled try, and escalates with a reason', async () => {
    const toReject = await seedItem(db, { dueAt: new Date(Date.now() + 60_000) });
    const toEscalate = await seedItem(db, { dueAt: new Date(Date.now() + 120_000) });

    await page.goto(review.url);
    await page.getByLabel('Email').fill('lead@shop.test');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const queue = page.getByRole('navigation', { name: 'Queue' });
    await queue.waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    await expectEventually(async () => expect(await queue.getByRole('button').count()).toBe(2));

    // The earliest due item first.
    await page.keyboard.press('j');
    await page.getByRole('heading', { name: 'Order facts' }).waitFor();
    const facts = page.getByTestId('order-facts');
    await expect(facts.textContent()).resolves.toContain('No order found for this message');
    await expect(facts.textContent()).resolves.toMatch(/Mentioned in the message: 100234$/);

    await page.keyboard.press('r');
    const rejectDialog = page.getByRole('dialog', { name: 'Reason for rejecting' });
    await rejectDialog.waitFor();
    expect(await page.evaluate('document.activeElement?.id')).toBe('reject-reason');
    await page.screenshot({ path: join(screenshots, 'reject-dialog.png') });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await rejectDialog.waitFor({ state: 'detached' });
    expect(
      (await db.query<{ status: string }>(`SELECT status FROM review_items WHERE draft_id = $1`, [toReject.draftId]))[0]
        .status,
    ).toBe('pending');

    await page.keyboard.press('r');
    await rejectDialog.waitFor();
    await page.keyboard.press('Enter'); // empty: the browser refuses the required field
    await expect(rejectDialog.isVisible()).resolves.toBe(true);
    await page.keyboard.type('Wrong order number');
    await page.keyboard.press('Enter');
    await page.getByText('Rejected', { exact: true }).waitFor();
    await expectEventually(async () => {
      const [row] = await db.query(`SELECT status, reject_reason FROM review_items WHERE draft_id = $1`, [
        toReject.draftId,
      ]);
      expect(row).toEqual({ status: 'rejected', reject_reason: 'Wrong order number' });
    });

    // The next item opens by itself; escalate it with a reason.
    await expectEventually(async () => expect(await queue.getByRole('button').count()).toBe(1));
    await page.keyboard.press('x');
    const escalateDialog = page.getByRole('dialog', { name: /Why a lead should look at this/ });
    await escalateDialog.waitFor();
    await page.keyboard.type('Customer threatens a chargeback');
    await page.screenshot({ path: join(screenshots, 'escalate-dialog.png') });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Escalated to a lead').waitFor();
    await expectEventually(async () => {
      const [row] = await db.query(`SELECT status, escalated FROM review_items WHERE draft_id = $1`, [
        toEscalate.draftId,
      ]);
      expect(row).toEqual({ status: 'pending', escalated: true });
    });
    const [audit] = await db.query<{ after: { reason: string } }>(
      `SELECT after FROM audit_log WHERE entity_id = $1 AND action = 'escalate'`,
      [toEscalate.draftId],
    );
    expect(audit.after.reason).toBe('Customer threatens a chargeback');
  });
  it('asks before an edited draft is left: Escape keeps the edit, Discard moves on', async () => {
    await seedItem(db, { dueAt: new Date(Date.now() + 10_000) });
    await seedItem(db, { dueAt: new Date(Date.now() + 20_000) });
    await page.goto(review.url);
    const queue = page.getByRole('navigation', { name: 'Queue' });
    await expectEventually(async () => expect(await queue.getByRole('button').count()).toBe(3));

    await page.keyboard.press('j');
    const editor = page.getByLabel(/Draft reply/);
    await expectEventually(async () => expect(await editor.inputValue()).not.toBe(''));
    await page.keyboard.press('e');
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' A sentence the agent added.');
    await page.keyboard.press('Escape');

    await page.keyboard.press('j');
    const ask = page.getByRole('alertdialog', { name: /You changed this draft/ });
    await ask.waitFor();
    await page.screenshot({ path: join(screenshots, 'discard-dialog.png') });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(screenshots, 'discard-dialog-dark.png') });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    expect(await editor.inputValue()).toContain('A sentence the agent added.');

    await page.keyboard.press('Escape'); // out of the editor, which took the focus back
    await page.keyboard.press('j');
    await ask.waitFor();
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await expectEventually(async () => expect(await editor.inputValue()).not.toContain('A sentence the agent added.'));
    // An unedited draft is left without a question.
    await page.keyboard.press('k');
    await expectEventually(async () => expect(await page.getByRole('alertdialog').count()).toBe(0));
  });
  it('shows every shortcut on ?, and closes it with Escape', async () => {
    await page.goto(review.url);
    await page.getByRole('navigation', { name: 'Queue' }).waitFor();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    for (const action of ['Next', 'Approve', 'Reject', 'Escalate', 'Leave the editor', 'Show these shortcuts'])
      await help.getByText(action, { exact: true }).waitFor();
    await page.screenshot({ path: join(screenshots, 'shortcuts.png') });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
  });
});
