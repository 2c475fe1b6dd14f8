import type { DraftStatus } from '@draftdesk/contracts';
import { ConversationItem, settle, Settlement } from './supersede.util';

const item = (n: number | null, status: DraftStatus, id = `d${n}`): ConversationItem => ({
  draftId: id,
  messageId: `m${n ?? id}`,
  sequence: n,
  status,
});
const arriving = (n: number | null, status: DraftStatus = 'pending') => ({
  draftId: `new${n}`,
  messageId: `m${n ?? 'new'}`,
  sequence: n,
  status,
});

describe('settle: which draft of a conversation stays open', () => {
  const cases: [string, ReturnType<typeof arriving>, ConversationItem[], Settlement][] = [
    ['first draft of a conversation', arriving(1), [], { kind: 'supersedes', draftIds: [] }],
    [
      'a follow-up supersedes the pending draft',
      arriving(2),
      [item(1, 'pending')],
      { kind: 'supersedes', draftIds: ['d1'] },
    ],
    [
      'a follow-up supersedes a draft waiting for its redraft',
      arriving(2),
      [item(1, 'redraft_requested')],
      { kind: 'supersedes', draftIds: ['d1'] },
    ],
    [
      'an auto-sent follow-up still supersedes the pending draft',
      arriving(2, 'auto_sent'),
      [item(1, 'pending')],
      { kind: 'supersedes', draftIds: ['d1'] },
    ],
    [
      'sent, approved (also while sending) and failed drafts are left alone',
      arriving(5),
      [item(1, 'approved'), item(2, 'auto_sent'), item(3, 'failed'), item(4, 'sending')],
      { kind: 'supersedes', draftIds: [] },
    ],
    [
      'a late draft for an older message is superseded on arrival',
      arriving(1),
      [item(2, 'pending')],
      { kind: 'superseded', by: { draftId: 'd2', messageId: 'm2' } },
    ],
    [
      '…by the newest of the newer ones',
      arriving(1),
      [item(3, 'pending'), item(2, 'superseded')],
      { kind: 'superseded', by: { draftId: 'd3', messageId: 'm3' } },
    ],
    [
      '…also when the newer draft was already sent',
      arriving(1, 'auto_sent'),
      [item(2, 'approved')],
      { kind: 'superseded', by: { draftId: 'd2', messageId: 'm2' } },
    ],
    [
      'automated mail supersedes nothing',
      arriving(2, 'ignored'),
      [item(1, 'pending')],
      { kind: 'supersedes', draftIds: [] },
    ],
    ['automated mail does not count as newer', arriving(1), [item(2, 'ignored')], { kind: 'supersedes', draftIds: [] }],
    [
      'a draft without a number (older producer) counts as the newest',
      arriving(null),
      [item(3, 'pending')],
      { kind: 'supersedes', draftIds: ['d3'] },
    ],
    [
      'an unnumbered open draft counts as older',
      arriving(2),
      [item(null, 'pending', 'old')],
      { kind: 'supersedes', draftIds: ['old'] },
    ],
  ];

  it.each(cases)('%s', (_name, draft, items, expected) => {
    expect(settle(draft, items)).toEqual(expected);
  });
});
