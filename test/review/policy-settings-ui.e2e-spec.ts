import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { Browser, Page } from 'playwright-core';
import { expectAccessibleEverywhere } from '../support/axe';
import { launchChromium, screenshots } from '../support/browser';
import { RunningEmbedded, startEmbeddedSandbox } from '../support/embedded-sandbox';
import { expectEventually } from '../support/expect-eventually';
import { freePort } from '../support/services';

/**
 * The auto-send policy on the settings page (embedded mode, Debian's Chromium): an admin turns auto-send on for
 * "where is my order", sees a bad threshold refused beside its field, previews the change on the drafted messages,
 * saves it, and the next customer message is answered without a person. English and Dutch, light and dark: no axe
 * violations, and it fits a phone.
 */
describe('agent UI: the auto-send policy on the settings page', () => {
  const password = 'policy ui password 1';
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

  async function customerWrites(subject: string, text: string) {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    await transport.sendMail({
      from: 'Sanne de Vries <customer@example.test>',
      to: 'support@shop.test',
      subject,
      text,
    });
    transport.close();
  }

  const accessibleEverywhere = (what: string) => expectAccessibleEverywhere(page, what);

  /** Widths that would scroll sideways: the document's, and any settings section wider than its box. */
  const overflowing = () =>
    page.evaluate(`[document.documentElement, ...document.querySelectorAll('.settings-section')]
      .filter((e) => e.scrollWidth > e.clientWidth + 1)
      .map((e) => [e.getAttribute('aria-labelledby') || e.tagName, e.scrollWidth, e.clientWidth].join(' '))`);

  /** Screenshots at 1440×900 (`inView` scrolled into view) and at 390×844, where nothing may scroll sideways. */
  async function bothSizes(name: string, inView = 'policy') {
    expect(await overflowing()).toEqual([]);
    await page.getByTestId(inView).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, `${name}-1440.png`) });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await overflowing()).toEqual([]);
    await page.screenshot({ path: join(screenshots, `${name}-390.png`), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
  }

  it('changes the policy, previews it on the drafted messages, saves it, and the next reply goes out on its own', async () => {
    await customerWrites(
      'Waar blijft bestelling 100234?',
      'Hallo, ik heb bestelling 100234 besteld maar nog niets ontvangen.\n\nGroeten, Sanne',
    );
    await expectEventually(async () =>
      expect((await get<{ items: unknown[] }>('/v1/drafts?status=pending')).items).toHaveLength(1),
    );

    await page.goto(suite.url);
    await page.getByLabel('E-mail').fill('admin@shop.test');
    await page.getByLabel('Wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.locator('nav.pages').getByRole('link', { name: 'Instellingen' }).click();
    const policy = page.getByTestId('policy');
    await policy.getByRole('heading', { name: 'Beleid voor automatisch versturen' }).waitFor();
    await policy.getByTestId('policy-source').filter({ hasText: 'policy.yaml uit de winkelmap' }).waitFor();

    // Auto-send on, "where is my order" at a threshold any triage passes, at any hour.
    await policy.getByLabel(/Antwoorden zonder medewerker versturen/).check();
    expect(await policy.getByLabel('waar blijft mijn bestelling', { exact: true }).isChecked()).toBe(true);
    await policy.getByLabel('Alleen binnen openingstijden').uncheck();
    await policy.getByLabel('Voor elke vraag', { exact: true }).fill('1.5');
    await policy.getByLabel(/Voor ‘waar blijft mijn bestelling’/).fill('0.3');

    // The API refuses the threshold; the form says so beside the field.
    await policy.getByRole('button', { name: 'Voorbeeld' }).click();
    const thresholdError = policy.locator('#policy-min-default-error');
    await thresholdError.filter({ hasText: 'expected number to be <=1' }).waitFor();
    expect(await policy.getByLabel('Voor elke vraag', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await bothSizes('policy-field-error');
    await accessibleEverywhere('a policy field the API refused');

    await policy.getByLabel('Voor elke vraag', { exact: true }).fill('0.9');
    await policy.getByRole('button', { name: 'Voorbeeld' }).click();
    const summary = policy.getByTestId('policy-summary');
    await summary.waitFor();
    expect(await thresholdError.count()).toBe(0);
    expect(await summary.textContent()).toBe(
      'Van de laatste 1 berichten met een concept waren er 1 zonder medewerker verstuurd in plaats van beoordeeld, en 0 andersom; in totaal 1 anders besloten.',
    );
    const row = policy.locator('.policy-changes tbody tr');
    expect(await row.count()).toBe(1);
    await row.filter({ hasText: 'Re: Waar blijft bestelling 100234?' }).waitFor();
    expect(await row.locator('td').nth(1).textContent()).toBe('beoordeeld door een medewerker');
    expect(await row.locator('td').nth(2).locator('strong').textContent()).toBe('zonder medewerker verstuurd');
    await bothSizes('policy-preview', 'policy-preview');
    await accessibleEverywhere('the policy preview');

    await policy.getByRole('button', { name: 'Opslaan' }).click();
    await page.locator('.notice').filter({ hasText: 'Opgeslagen' }).waitFor();
    await policy.getByTestId('policy-source').filter({ hasText: 'versie 1' }).waitFor();
    expect(await get('/v1/shop/policy')).toMatchObject({
      source: 'desk',
      version: 1,
      policy: { autoSend: { enabled: true, minConfidence: { default: 0.9, track_order: 0.3 } } },
    });
    expect(await get('/v1/shop/policy')).not.toHaveProperty('policy.businessHours');
    await bothSizes('policy-saved', 'policy-source');

    // The drafter of the same process decides the next message by the saved policy.
    await customerWrites(
      'Nog steeds niets: bestelling 100234',
      'Hallo, ik heb bestelling 100234 besteld maar nog steeds niets ontvangen. Waar blijft mijn bestelling?\n\nGroeten, Sanne',
    );
    await expectEventually(
      async () =>
        expect(
          (await get<{ items: { intent: string }[] }>('/v1/drafts?status=auto_sent')).items.map((i) => i.intent),
        ).toEqual(['track_order']),
      { timeoutMs: 60_000 },
    );
  });
});
