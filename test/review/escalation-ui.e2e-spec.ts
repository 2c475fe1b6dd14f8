import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { Browser, Page } from 'playwright-core';
import { accessibilityViolations } from '../support/axe';
import { launchChromium, screenshots } from '../support/browser';
import { RunningEmbedded, startEmbeddedSandbox } from '../support/embedded-sandbox';
import { expectEventually } from '../support/expect-eventually';
import { freePort } from '../support/services';

/**
 * The lead's queue in the agent UI (embedded mode, Debian's Chromium): an escalated draft shows why it was
 * escalated, and the lead hands it back to the agents with a note, in English and Dutch, light and dark, wide and
 * on a phone.
 */
describe("agent UI: the lead's queue and hand back", () => {
  const password = 'escalation ui password 1';
  let suite: RunningEmbedded;
  let smtpPort: number;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    smtpPort = await freePort();
    suite = await startEmbeddedSandbox({ SMTP_INBOUND_PORT: String(smtpPort), REVIEW_ADMIN_PASSWORD: password });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
  });

  afterAll(async () => {
    await browser?.close();
    await suite?.stop();
  });

  const drafts = async (query: string) => {
    const res = await fetch(`${suite.url}/v1/drafts?${query}`, { headers: suite.reviewAuth() });
    return ((await res.json()) as { items: { draftId: string; version: number; escalated: boolean }[] }).items;
  };

  it('shows the reason, hands the draft back with a note, and leaves the queue of escalations empty', async () => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    await transport.sendMail({
      from: 'Sanne de Vries <customer@example.test>',
      to: 'support@shop.test',
      subject: 'Refund for order 100234',
      text: 'Hello, the bike arrived damaged. I want my money back for order 100234.\n\nRegards, Sanne',
    });
    transport.close();
    const [draft] = await expectEventually(async () => {
      const items = await drafts('status=pending');
      expect(items).toHaveLength(1);
      return items;
    });
    const escalated = await fetch(`${suite.url}/v1/drafts/${draft.draftId}/escalate`, {
      method: 'POST',
      headers: { ...suite.reviewAuth(), 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Refund above the agent limit', version: draft.version }),
    });
    expect(escalated.status).toBe(200);

    await page.goto(suite.url);
    await page.getByLabel('Email').fill('admin@shop.test');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const queue = page.getByRole('navigation', { name: 'Queue' });
    await queue.getByLabel("Lead's queue (escalated)").check();
    await queue.getByText('Refund for order 100234').click();
    const panel = page.getByRole('region', { name: 'Escalated' });
    await panel.getByText('Escalated because: Refund above the agent limit').waitFor();
    await page.screenshot({ path: join(screenshots, 'lead-queue.png') });
    expect(await accessibilityViolations(page)).toEqual([]);

    await panel.getByRole('button', { name: 'Hand back' }).click();
    await panel.getByLabel('Note for the agent (optional)').fill('Go ahead: refund 80 euro.');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(screenshots, 'lead-queue-390.png'), fullPage: true });
    await page.locator('#locale').selectOption('nl');
    await page.getByRole('region', { name: 'Geëscaleerd' }).getByText('Geëscaleerd omdat').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.locator('#locale').selectOption('en');
    await page.setViewportSize({ width: 1440, height: 900 });

    await panel.getByRole('button', { name: 'Hand back' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Handed back to the agents' })
      .waitFor({ timeout: 10_000 })
      .catch(async (e) => {
        throw new Error(`${e.message}; notice: ${await page.locator('.notice').textContent()}`);
      });
    await expectEventually(async () => expect(await drafts('escalated=true')).toEqual([]));
    const [back] = await drafts('status=pending');
    expect(back).toMatchObject({ draftId: draft.draftId, escalated: false });
    const detail = (await (
      await fetch(`${suite.url}/v1/drafts/${draft.draftId}`, { headers: suite.reviewAuth() })
    ).json()) as { notes: { body: string }[] };
    expect(detail.notes.map((n) => n.body)).toEqual(['Go ahead: refund 80 euro.']);
  });
});
