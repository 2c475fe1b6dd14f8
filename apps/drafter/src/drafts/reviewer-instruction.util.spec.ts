import { instructedClient, redraftReason, withReviewerInstruction } from './reviewer-instruction.util';
import type OpenAI from 'openai';

describe('withReviewerInstruction', () => {
  it.each([
    ['after the only system message', ['system', 'user'], ['system', 'system', 'user'], 1],
    [
      'after the last of several system messages',
      ['system', 'system', 'user'],
      ['system', 'system', 'system', 'user'],
      2,
    ],
    ['first when there is no system message', ['user'], ['system', 'user'], 0],
  ])('puts the instruction %s', (_name, roles, expected, at) => {
    const messages = roles.map((role, i) => ({ role, content: `m${i}` }));
    const out = withReviewerInstruction(messages, '  Mention the pickup point.  ');
    expect(out.map((m) => m.role)).toEqual(expected);
    expect(out[at].content).toContain('<reviewer_instruction>\nMention the pickup point.\n</reviewer_instruction>');
    expect(messages).toHaveLength(roles.length);
  });
});

describe('redraftReason', () => {
  it.each([
    ['mention the pickup point', 'redraft:mention the pickup point'],
    ['  two\n lines ', 'redraft:two lines'],
    ['x'.repeat(300), `redraft:${'x'.repeat(200)}`],
  ])('%s', (instruction, expected) => expect(redraftReason(instruction)).toBe(expected));
});

describe('instructedClient', () => {
  it('sends the instruction with every completion and passes the rest through', async () => {
    const create = jest.fn().mockResolvedValue({ id: 'x' });
    const client = instructedClient({ chat: { completions: { create } } } as unknown as OpenAI, 'be brief');
    await client.chat.completions.create({
      model: 'm',
      messages: [
        { role: 'system', content: 'rules' },
        { role: 'user', content: 'hi' },
      ],
    });
    const sent = create.mock.calls[0][0];
    expect(sent.model).toBe('m');
    expect(sent.messages.map((m: { role: string }) => m.role)).toEqual(['system', 'system', 'user']);
    expect(sent.messages[1].content).toContain('be brief');
  });
});
