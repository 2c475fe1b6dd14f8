import { baseConfigShape } from '@draftdesk/config';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { conversationsConfigShape } from '../../apps/conversations/src/conversations/conversations.options';
import { embeddedConfigShape } from '../../apps/embedded/src/embedded.options';
import { repoRoot } from '../support/engines';
import { codeSpans, docNames, fencedBlocks, readDoc } from './docs-text.util';

/** Every variable a service validates at start, and the rows of the README's configuration table. */
function settingNames(): Set<string> {
  const names = new Set([
    ...Object.keys(baseConfigShape),
    ...Object.keys(embeddedConfigShape),
    ...Object.keys(conversationsConfigShape),
  ]);
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const table = readme.slice(
    readme.indexOf('## Configuration'),
    readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1),
  );
  for (const [, name] of table.matchAll(/`([A-Z][A-Z0-9_]+)`/g)) names.add(name);
  return names;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'node_modules' ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Upper-case names the code defines: string constants such as error codes ('API_CLOSED') and exported constants. */
function namesInCode(): Set<string> {
  const names = new Set<string>();
  for (const file of ['apps', 'libs'].flatMap((d) => sourceFiles(join(repoRoot, d)))) {
    const text = readFileSync(file, 'utf8');
    for (const [, name] of text.matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g)) names.add(name);
    for (const [, name] of text.matchAll(/export const ([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b/g)) names.add(name);
  }
  return names;
}

const UPPER_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/** Variables set in front of a command in a shell block (`SHOP_DIR=… npm start`), continuation lines joined. */
function variablesOfCommands(markdown: string): string[] {
  const names: string[] = [];
  for (const block of fencedBlocks(markdown).filter((b) => b.lang === 'sh')) {
    for (const line of block.code.replace(/\\\n/g, ' ').split('\n')) {
      const assignments = /^(\s*[A-Z][A-Z0-9_]*=(?:'[^']*'|"[^"]*"|\S+))+\s+(npm|npx|node)\b/.exec(line);
      if (!assignments) continue;
      for (const [, name] of assignments[0].matchAll(/([A-Z][A-Z0-9_]*)=/g)) names.push(name);
    }
  }
  return names;
}

describe('docs/*.md name only settings and names that exist', () => {
  const settings = settingNames();
  const inCode = namesInCode();

  it('finds the pages and the settings', () => {
    expect(docNames()).toEqual(
      expect.arrayContaining(['policy.md', 'shop-folder.md', 'chat-webhook.md', 'upgrading.md']),
    );
    expect(settings).toContain('SHOP_DIR');
    expect(settings).not.toContain('SHOP_DIRECTORY');
  });

  it.each(docNames())('%s: every upper-case name in backticks is a setting, or a name the code defines', (page) => {
    const unknown = codeSpans(readDoc(page)).filter(
      (span) => UPPER_NAME.test(span) && !settings.has(span) && !inCode.has(span),
    );
    expect(unknown).toEqual([]);
  });

  it.each(docNames())('%s: every variable set in front of a command is a setting', (page) => {
    expect(variablesOfCommands(readDoc(page)).filter((name) => !settings.has(name))).toEqual([]);
  });
});
