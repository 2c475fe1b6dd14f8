import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { repoRoot } from './engines';

/** Where the browser tests leave their screenshots. */
export const screenshots = join(repoRoot, 'test-artifacts', 'screenshots');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's Chromium (installed by scripts/engines/chromium.sh when missing), headless, for playwright-core. */
export async function launchChromium(): Promise<Browser> {
  execFileSync('bash', [join(repoRoot, 'scripts', 'engines', 'chromium.sh')], { stdio: 'inherit' });
  mkdirSync(screenshots, { recursive: true });
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}
