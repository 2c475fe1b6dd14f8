import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { expectEventually } from '../support/expect-eventually';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Browser, Page } from 'playwright-core';
import { sampleShopDir } from '@draftdesk/shop';
import { accessibilityViolations } from '../support/axe';
import { launchChromium, screenshots } from '../support/browser';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { RunningService, startService } from '../support/services';
import { seedAudit, seedReportItem } from './reports-fixtures';

/** What the test reads of the API's answer, to compare the page with. */
interface ReportSeen {
  volume: { byChannel: Record<string, number[]> };
  intents: { intent: string; volume: number }[];
  totals: { volume: number };
}

const INTENTS = ['track_order', 'delivery_period', 'get_refund', 'change_order', 'complaint'];

/**
 * Two weeks of a shop's desk (2–15 November 2026), written as the services write it: every day some messages by
 * e-mail and chat, auto-sent, approved as drafted, edited or closed, most of them answered within the SLA.
 */
async function seedTwoWeeks(db: TestDatabase) {
  for (let day = 0; day < 14; day++) {
    for (let k = 0; k < 2 + ((day * 7 + 3) % 5); k++) {
      const n = day * 10 + k;
      const received = new Date(Date.UTC(2026, 10, 2 + day, 8 + k, (n * 13) % 60));
      const at = (minutes: number) => new Date(received.getTime() + minutes * 60_000).toISOString();
      const intent = INTENTS[(n * 3) % INTENTS.length];
      const kind = n % 5; // 0 auto-sent, 1–2 approved as drafted, 3 edited, 4 closed
      const agent = n % 2 ? 'anna@shop.test' : 'bram@shop.test';
      const minutes = 5 + ((n * 17) % 90);
      const item = await seedReportItem(db, {
        intent,
        channel: n % 3 ? 'email' : 'chat',
        status: kind === 0 && intent === 'track_order' ? 'auto_sent' : kind === 4 ? 'rejected' : 'approved',
        receivedAt: received.toISOString(),
        draftedAfterSeconds: 20,
        decidedAt: at(minutes),
        decidedBy: agent,
        drafted: 'Beste klant, je pakket is onderweg en komt morgen aan.',
        sent: kind === 3 ? 'Beste klant, je pakket is vertraagd en komt overmorgen aan.' : undefined,
        closeReason: kind === 4 ? ['spam', 'already_answered', 'no_reply_needed'][n % 3] : undefined,
        dueAt: at(60),
        repliedAt: kind === 4 ? undefined : at(minutes + 1),
      });
      if (kind === 0 && intent === 'track_order') continue;
      await seedAudit(db, agent, 'claim', item.draftId, at(minutes - 3));
      const action = kind === 4 ? 'reject' : kind === 3 ? 'edit_and_approve' : 'approve';
      await seedAudit(db, agent, action, item.draftId, at(minutes));
    }
  }
}

/** A lead opens the reports in Debian's Chromium: charts with their tables, per intent and per agent, and the CSV. */
describe('reports page in Chromium', () => {
  const password = 'reports ui password 1';
  let db: TestDatabase;
  let shopDir: string;
  let review: RunningService;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    db = await createTestDatabase('reports_ui');
    await seedTwoWeeks(db);
    shopDir = mkdtempSync(join(tmpdir(), 'reports-ui-shop-'));
    cpSync(sampleShopDir(), shopDir, { recursive: true });
    writeFileSync(
      join(shopDir, 'policy.yaml'),
      'autoSend:\n  enabled: true\n  intents: [track_order, delivery_period]\n  minConfidence:\n    default: 0.9\n    track_order: 0.85\n',
    );
    review = await startService(
      'review',
      {
        DATABASE_URL: db.url,
        KAFKA_BROKERS: engines.kafkaBrokers,
        KAFKA_TOPIC_PREFIX: `reports-${randomBytes(4).toString('hex')}.`,
        MESSAGE_ID_DOMAIN: 'replies.shop.test',
        REVIEW_ADMIN_EMAIL: 'lead@shop.test',
        REVIEW_ADMIN_PASSWORD: password,
        SHOP_DIR: shopDir,
      },
      'reports-ui-review',
    );
    await review.ready();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await review?.kill('SIGTERM');
    await db?.drop();
    if (shopDir) rmSync(shopDir, { recursive: true, force: true });
  });

  const signIn = async (locale: 'en-GB' | 'nl-NL') => {
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale, acceptDownloads: true });
    await page.goto(review.url);
    await page.locator('#email').fill('lead@shop.test');
    await page.locator('#password').fill(password);
    await page.locator('button[type=submit]').click();
    await page.locator('nav.pages').waitFor();
  };

  /** Screenshots at both sizes and axe in both themes; nothing may scroll sideways on a phone. */
  const checkScreens = async (name: string) => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [w, h] of [
        [1440, 900],
        [390, 844],
        [360, 740],
      ]) {
        await page.setViewportSize({ width: w, height: h });
        await page.locator('#report-intent-table').waitFor();
        if (w !== 360)
          await page.screenshot({ path: join(screenshots, `reports-${name}-${scheme}-${w}.png`), fullPage: true });
        expect(await accessibilityViolations(page)).toEqual([]);
        // Neither the document nor the page's own scroll box may scroll sideways; wide tables scroll in theirs.
        const overflow = await page.evaluate(
          `[document.documentElement, document.querySelector('main.page')].map((e) => e.scrollWidth - e.clientWidth)`,
        );
        expect({ width: w, overflow }).toEqual({ width: w, overflow: [0, 0] });
        if (w !== 360) {
          await page.locator('#report-intent-table').scrollIntoViewIfNeeded();
          await page.screenshot({ path: join(screenshots, `reports-${name}-${scheme}-${w}-tables.png`) });
          await page.locator('main.page').evaluate((e) => e.scrollTo(0, 0));
        }
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1440, height: 900 });
  };

  it('shows the range as charts with tables, per intent beside the policy and per agent, in English', async () => {
    await signIn('en-GB');
    await page.selectOption('#locale', 'en');
    await page.getByRole('link', { name: 'Reports' }).click();
    // By id: once the charts are drawn, their names ("auto-sent …") also hold the words From and To.
    await page.locator('#report-from').fill('2026-11-02');
    await page.locator('#report-to').fill('2026-11-15');
    await page.getByRole('button', { name: 'Show' }).click();
    await expectEventually(async () => expect(page.url()).toMatch(/#\/reports\/2026-11-02\/2026-11-15$/));
    const report = (await page.evaluate(
      `fetch('/v1/reports?from=2026-11-02&to=2026-11-15').then((r) => r.json())`,
    )) as ReportSeen;
    const intentTable = page.locator('#report-intent-table');
    await intentTable.waitFor();

    // The charts: canvases with a name that sums them up.
    const volume = page.locator('canvas#report-volume-chart');
    expect(await volume.getAttribute('role')).toBe('img');
    const emailTotal = report.volume.byChannel.email.reduce((a, b) => a + b, 0);
    expect(await volume.getAttribute('aria-label')).toContain(`e-mail ${emailTotal}`);
    expect(await page.locator('canvas#report-intent-chart').getAttribute('aria-label')).toContain('where is my order');
    // ...and their numbers as tables: one row per day.
    expect(await page.locator('#report-volume-table tbody tr').count()).toBe(14);

    // The per-intent table: every intent with its volume and the policy's setting, then all intents.
    const track = report.intents.find((i) => i.intent === 'track_order')!;
    const trackRow = intentTable.locator('tbody tr', { hasText: 'where is my order' });
    await expect(trackRow.locator('td').first().textContent()).resolves.toBe(String(track.volume));
    await expect(trackRow.locator('td').nth(1).textContent()).resolves.toBe('on from 85% confidence');
    const refundRow = intentTable.locator('tbody tr', { hasText: /refund/ });
    await expect(refundRow.locator('td').nth(1).textContent()).resolves.toBe('off');
    await expect(intentTable.locator('tbody tr').last().locator('th').textContent()).resolves.toBe('All intents');
    await expect(intentTable.locator('tbody tr').last().locator('td').first().textContent()).resolves.toBe(
      String(report.totals.volume),
    );
    // Per agent, with names where the desk knows them.
    const agents = page.locator('#report-agent-table tbody tr');
    expect(await agents.count()).toBe(2);
    await page.locator('#report-reason-table').getByText('already answered').waitFor();

    // The same tables as CSV.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('draftdesk-report-2026-11-02-2026-11-15.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('per_intent');
    expect(csv).toContain(`track_order,${track.volume},`);

    // The numbers under a chart unfold for whoever wants them.
    await page.locator('#report-volume summary').click();
    await page.locator('#report-volume-table').waitFor();
    await checkScreens('en');
    await page.close();
  });

  it('reads in Dutch, light and dark, on a phone and a big screen', async () => {
    await signIn('nl-NL');
    await page.selectOption('#locale', 'nl');
    await page.goto(`${review.url}/#/reports/2026-11-02/2026-11-15`);
    await page.getByRole('heading', { name: 'Rapporten' }).waitFor();
    await page.locator('#report-intent-table').getByText('waar blijft mijn bestelling').waitFor();
    await page.locator('#report-intent-table').getByText('aan vanaf 85% zekerheid').waitFor();
    await page.getByRole('link', { name: 'Downloaden als CSV' }).waitFor();
    await checkScreens('nl');
    await page.close();
  });
});
