import type { KbSnippet } from '../shop.types';
import { selectSnippets } from '../snippet-ranking.util';

export interface KnowledgeQuery {
  shopId: string;
  intent: string;
  language: string;
  text: string;
  limit?: number;
}

/** Where the drafter's knowledge snippets come from: the in-memory sample or PostgreSQL full-text search. */
export interface KnowledgeSource {
  readonly name: string;
  search(query: KnowledgeQuery): Promise<KbSnippet[]>;
}

export class InMemoryKnowledge implements KnowledgeSource {
  readonly name = 'memory';

  constructor(private readonly snippets: KbSnippet[]) {}

  async search(query: KnowledgeQuery): Promise<KbSnippet[]> {
    return selectSnippets(this.snippets, query.intent, query.language, query.text, query.limit ?? 3);
  }
}
