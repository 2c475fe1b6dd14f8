import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { Browser, Page } from 'playwright-core';
import { accessibilityViolations } from '../support/axe';
import { launchChromium, screenshots } from '../support/browser';
import { RunningEmbedded, startEmbeddedSandbox } from '../support/embedded-sandbox';
import { expectEventually } from '../support/expect-eventually';
import { freePort } from '../support/services';

/**
 * Send with undo in the agent UI (embedded mode, Debian's Chromium): after an approval a toast counts down the send
 * delay with an Undo button (`z`), the queue shows the item as sending, and an undo brings the edited draft back.
 */
describe('agent UI: send with undo', () => {
  const password = 'send undo password 1';
  let suite: RunningEmbedded;
  let smtpPort: number;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    smtpPort = await freePort();
    suite = await startEmbeddedSandbox({
      SMTP_INBOUND_PORT: String(smtpPort),
      REVIEW_ADMIN_PASSWORD: password,
      REVIEW_SEND_DELAY_SECONDS: '8',
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'nl-NL' });
  });

  afterAll(async () => {
    await browser?.close();
    await suite?.stop();
  });

  const pending = async () => {
    const res = await fetch(`${suite.url}/v1/drafts?status=pending`, { headers: suite.reviewAuth() });
    return ((await res.json()) as { items: { draftId: string; body: string; status: string }[] }).items;
  };

  it('counts down, undoes with z (the edited text stays), and sends once when left alone', async () => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    await transport.sendMail({
      from: 'Sanne de Vries <customer@example.test>',
      to: 'support@shop.test',
      subject: 'Waar blijft bestelling 100234?',
      text: 'Hallo, ik heb bestelling 100234 besteld maar nog niets ontvangen.\n\nGroeten, Sanne',
    });
    transport.close();
    const [draft] = await expectEventually(async () => {
      const items = await pending();
      expect(items).toHaveLength(1);
      return items;
    });

    await page.goto(suite.url);
    await page.getByLabel('E-mail').fill('admin@shop.test');
    await page.getByLabel('Wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const queue = page.getByRole('navigation', { name: 'Wachtrij' });
    await queue.getByText('Waar blijft bestelling 100234?').waitFor();
    await page.keyboard.press('j');
    const editor = page.getByLabel(/Conceptantwoord/);
    await expectEventually(async () => expect(await editor.inputValue()).toContain('100234'));

    await page.keyboard.press('e');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\nPS: het komt goed.');
    await page.keyboard.press('Escape');
    const approvedAt = Date.now();
    await page.keyboard.press('a');
    const toast = page.getByTestId('sending-toast');
    await toast.getByText(/Versturen over [1-8] s/).waitFor();
    await toast.getByRole('button', { name: /Ongedaan maken/ }).waitFor();
    await queue.getByText('wordt verstuurd').waitFor();
    await page.screenshot({ path: join(screenshots, 'sending-toast.png') });
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.keyboard.press('z');
    await page
      .getByRole('status')
      .filter({ hasText: 'Niet verstuurd' })
      .waitFor({ timeout: 5_000 })
      .catch(async (e) => {
        throw new Error(
          `${e.message}; ${Date.now() - approvedAt} ms after the approval; notice: ${await page.locator('.notice').textContent()}`,
        );
      });
    expect(await toast.count()).toBe(0);
    const [back] = await pending();
    expect(back).toMatchObject({ draftId: draft.draftId, status: 'pending' });
    expect(back.body).toContain('PS: het komt goed.');
    await expectEventually(async () => expect(await editor.inputValue()).toContain('PS: het komt goed.'));
    const sentDir = join(suite.dataDir, 'sent');
    const sentFile = join(sentDir, `${draft.draftId}.eml`);
    await page.waitForTimeout(8_500);
    expect(existsSync(sentFile)).toBe(false);

    // The shortcut is in the overlay.
    await page.keyboard.press('?');
    await page.getByRole('dialog').getByText('Versturen ongedaan maken').waitFor();
    await page.keyboard.press('Escape');

    await page.keyboard.press('a');
    await toast.waitFor();
    await toast.waitFor({ state: 'detached', timeout: 15_000 });
    await expectEventually(() => expect(existsSync(sentFile)).toBe(true));
    expect(readdirSync(sentDir)).toHaveLength(1);
    expect(await pending()).toEqual([]);
  });
});
