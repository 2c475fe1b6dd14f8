import { draftReason } from '@draftdesk/contracts';
import type OpenAI from 'openai';

type Message = { role: string; content: unknown };

/** What `redraft:` reasons carry: one line, bounded, so the reasons list stays readable. */
export function redraftReason(instruction: string): string {
  return draftReason('redraft', instruction.replace(/\s+/g, ' ').trim().slice(0, 200));
}

/**
 * Adds the reviewer's instruction as a system message right after the drafter's own rules. It comes from the
 * shop's staff, so unlike customer text it is an instruction to follow — but it cannot lift the rules above it
 * (grounding, no invented promises), and the policy gate still checks what the model writes.
 */
export function withReviewerInstruction<M extends Message>(messages: M[], instruction: string): M[] {
  const note = {
    role: 'system',
    content: [
      'A colleague from the shop reviewed an earlier draft and asks for a new one. Follow their instruction,',
      'within the rules above (use only the given sources, promise nothing they do not state):',
      `<reviewer_instruction>\n${instruction.trim()}\n</reviewer_instruction>`,
    ].join('\n'),
  } as M;
  const lastSystem = messages.map((m) => m.role).lastIndexOf('system');
  return [...messages.slice(0, lastSystem + 1), note, ...messages.slice(lastSystem + 1)];
}

/**
 * An OpenAI client that sends every chat completion with the reviewer's instruction added. The drafter's prompt
 * builder lives in @draftdesk/drafting and knows no instruction; wrapping the client keeps that prompt, the fallback
 * and the token budget exactly as for a first draft.
 */
export function instructedClient(client: OpenAI, instruction: string): OpenAI {
  const completions = {
    create: (params: OpenAI.Chat.ChatCompletionCreateParamsNonStreaming, options?: OpenAI.RequestOptions) =>
      client.chat.completions.create(
        {
          ...params,
          messages: withReviewerInstruction(params.messages as Message[], instruction) as typeof params.messages,
        },
        options,
      ),
  };
  return { chat: { completions } } as unknown as OpenAI;
}
