import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { readCsvExamples, readJsonlExamples } from './dataset.util';

describe('dataset readers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nlp-dataset-'));

  it('reads RFC 4180 CSV with quoted commas, quotes and newlines', () => {
    const path = join(dir, 'a.csv');
    writeFileSync(
      path,
      'instruction,intent,response\n"cancel, please",cancel_order,"line 1\nline 2"\n"say ""hi""",other,x\n',
    );
    expect(readCsvExamples(path, 'instruction', 'intent')).toEqual([
      { text: 'cancel, please', intent: 'cancel_order' },
      { text: 'say "hi"', intent: 'other' },
    ]);
  });

  it('names the missing columns', () => {
    const path = join(dir, 'b.csv');
    writeFileSync(path, 'foo,bar\n1,2\n');
    expect(() => readCsvExamples(path)).toThrow(/columns "text" and "intent" are required/);
  });

  it('reads JSON lines and rejects rows without text', () => {
    const good = join(dir, 'c.jsonl');
    writeFileSync(good, '{"text":"hi","intent":"other","language":"en"}\n\n');
    expect(readJsonlExamples(good)).toEqual([{ text: 'hi', intent: 'other', language: 'en' }]);
    const bad = join(dir, 'd.jsonl');
    writeFileSync(bad, '{"intent":"other"}\n');
    expect(() => readJsonlExamples(bad)).toThrow(/d.jsonl:1/);
  });
});
