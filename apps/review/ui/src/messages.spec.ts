import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every page adds its strings to one table (addMessages in i18n.js): a key two pages define with different words
 * would show one page's words on the other, whichever loaded last.
 */
describe("the desk's strings", () => {
  it('defines no key twice with different words', () => {
    const dir = __dirname;
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    const defined = new Map<string, { file: string; value: string }>();
    const clashes: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      // The tables: i18n.js's `messages = {…}` and each `addMessages({…})`, up to the line that closes them.
      for (const block of text.matchAll(/(?:addMessages\(\{|export const messages = \{)\n([\s\S]*?)\n\}\)?;/g)) {
        let locale = '';
        for (const line of block[1].split('\n')) {
          const opened = /^ {2}(en|nl): \{$/.exec(line);
          if (opened) locale = opened[1];
          const entry = /^ {4}([A-Za-z_][\w]*): (.+?),?$/.exec(line);
          if (!entry || !locale) continue;
          const key = `${locale}.${entry[1]}`;
          const before = defined.get(key);
          if (before && before.value !== entry[2])
            clashes.push(`${key}: ${before.file} ${before.value} / ${file} ${entry[2]}`);
          else defined.set(key, { file, value: entry[2] });
        }
      }
    }
    expect(defined.size).toBeGreaterThan(300);
    expect(clashes).toEqual([]);
  });
});
