import type { KbSnippet } from '@draftdesk/shop';
import { terms } from '@draftdesk/shop';

const SUMMARY_BUDGET = 650;

/** Markdown as plain-text paragraphs: links spelled out, headings and emphasis dropped, list items kept. */
export function markdownToText(markdown: string): string[] {
  return markdown
    .replace(/\r\n/g, '\n')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .replace(/\*\*|__|`/g, '')
    .split(/\n{2,}/)
    .map((block) =>
      block
        .split('\n')
        .filter((line) => !/^\s*#/.test(line))
        .map((line) => line.replace(/^\s*[*+]\s+/, '- ').trimEnd())
        .join('\n')
        .trim(),
    )
    .filter(Boolean);
}

/** The lines of a list block that the question names: a price list is quoted for the country asked about. */
function matchingLines(block: string, overlap: (text: string) => number): string | null {
  const lines = block.split('\n');
  if (lines.length < 2 || !lines.every((l) => /^(- |\d+\. )/.test(l))) return null;
  const wanted = lines.filter((l) => overlap(l) > 0);
  return wanted.length ? wanted.join('\n') : null;
}

/** The snippet's opening block, then the blocks that best match the question, within a length budget. */
export function summariseSnippet(snippet: KbSnippet, customerText: string): string {
  const blocks = markdownToText(snippet.body);
  if (blocks.length === 0) return '';
  const query = terms(customerText);
  const overlap = (block: string) => [...terms(block)].filter((t) => query.has(t)).length;
  const chosen = new Map<number, string>([[0, blocks[0]]]);
  const ranked = blocks
    .map((block, index) => ({ index, score: overlap(block) }))
    .filter((b) => b.index > 0 && b.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index);
  let length = blocks[0].length;
  for (const candidate of ranked) {
    // A list too long to quote whole still gives the lines the customer asked about.
    const text =
      length + blocks[candidate.index].length > SUMMARY_BUDGET
        ? matchingLines(blocks[candidate.index], overlap)
        : blocks[candidate.index];
    if (!text || length + text.length > SUMMARY_BUDGET) continue;
    chosen.set(candidate.index, text);
    length += text.length;
  }
  // Whatever budget is left goes to the article in its own order: a short article is quoted whole.
  for (let index = 1; index < blocks.length; index++) {
    if (chosen.has(index) || length + blocks[index].length > SUMMARY_BUDGET) continue;
    chosen.set(index, blocks[index]);
    length += blocks[index].length;
  }
  return [...chosen.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, text]) => text)
    .join('\n\n');
}
