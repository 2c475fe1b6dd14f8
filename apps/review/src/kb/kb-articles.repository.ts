import { KbRepository } from '@draftdesk/shop';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * kb_entries, owned by the drafter, through the drafter's own library (libs/shop): the desk's settings are where
 * people edit the knowledge base, and the drafter sees a change on its next search (within 30 s for the first
 * article, see PgKnowledge). No SQL of the desk's own touches the table.
 */
@Injectable()
export class KbArticlesRepository extends KbRepository {
  constructor(db: DataSource) {
    super(db);
  }
}
