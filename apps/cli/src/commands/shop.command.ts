import { existsSync, statSync } from 'node:fs';
import { checkShopFolder, formatFinding, type ShopCheckReport } from '@draftdesk/shop';

const USAGE = `usage: draftdesk shop check <dir>

Validates a shop folder (shop.yaml, policy.yaml, products.yaml, orders.json, kb/<language>/*.md) with the schemas
the drafter loads it with. One line per problem, naming the file, the line and the field; exit code 1 when there is
any (warnings alone keep 0).`;

function summary(report: ShopCheckReport): string {
  const articles = Object.entries(report.articles).map(([language, n]) => `${language} ${n}`);
  const autoSend = report.autoSend?.enabled ? `on for ${report.autoSend.intents} intent(s)` : 'off';
  return [
    `shop "${report.shop?.name}" (${report.shop?.id}) is valid`,
    `  orders       ${report.orders}`,
    `  KB articles  ${articles.length ? articles.join(', ') : 'none'}`,
    `  auto-send    ${autoSend}`,
  ].join('\n');
}

/** `draftdesk shop check <dir>`: every problem of a shop folder at once, each with its file, line and field. */
export async function run(argv: string[]): Promise<number> {
  const [sub, dir, ...extra] = argv;
  if (!sub || sub === '--help' || sub === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return sub ? 0 : 2;
  }
  if (sub !== 'check') {
    process.stderr.write(`draftdesk shop: unknown subcommand "${sub}"\n\n${USAGE}\n`);
    return 2;
  }
  if (!dir || extra.length) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    process.stderr.write(`draftdesk shop check: ${dir} is not a folder\n`);
    return 2;
  }
  const report = checkShopFolder(dir);
  for (const finding of report.findings) process.stdout.write(`${formatFinding(finding)}\n`);
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  if (errors) {
    process.stdout.write(`\n${errors} problem(s) in ${dir}\n`);
    return 1;
  }
  process.stdout.write(`${report.findings.length ? '\n' : ''}${summary(report)}\n`);
  return 0;
}
