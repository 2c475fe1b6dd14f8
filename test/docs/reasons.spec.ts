import { DEFAULT_ESCALATE_ON } from '@draftdesk/shop';
import { DRAFT_REASON_CODES } from '@draftdesk/contracts';
import { LLM_FLAGS, LLM_REASONS } from '@draftdesk/triage';
import { codeSpans, readDoc, section } from './docs-text.util';

const policy = readDoc('policy.md');
const reasonsSection = section(policy, 'Every reason a draft can carry');

/** `code` or `code:<detail>` as written in the reason tables: the part before the first colon. */
const codeOf = (span: string) => span.split(':')[0];

describe('docs/policy.md explains every reason a draft can carry', () => {
  it.each([...DRAFT_REASON_CODES])('%s', (code) => {
    expect(codeSpans(reasonsSection).map(codeOf)).toContain(code);
  });

  it('explains no reason the code does not give', () => {
    const rows = reasonsSection.split('\n').filter((line) => line.startsWith('| `'));
    const documented = rows.map((row) => codeOf(/^\| `([^`]+)`/.exec(row)![1]));
    expect(documented.length).toBeGreaterThan(20);
    expect(documented.filter((code) => !(DRAFT_REASON_CODES as readonly string[]).includes(code))).toEqual([]);
  });

  it.each([...new Set([...LLM_REASONS, ...LLM_FLAGS, ...DEFAULT_ESCALATE_ON])])(
    'explains the escalation trigger %s',
    (trigger) => {
      expect(codeSpans(section(policy, 'The fields of policy.yaml'))).toContain(trigger);
    },
  );
});
