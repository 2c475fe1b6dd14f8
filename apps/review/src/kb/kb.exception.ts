import { ConflictException, NotFoundException } from '@nestjs/common';

export enum KbErrorCode {
  NotFound = 'KB_ARTICLE_NOT_FOUND',
  IdTaken = 'KB_ARTICLE_ID_TAKEN',
}

/** A citation of an article deleted since: the desk says the article is gone rather than showing nothing. */
export const kbArticleNotFound = (id: string) =>
  new NotFoundException({
    code: KbErrorCode.NotFound,
    message: `the knowledge base has no article "${id}" (any more)`,
    errors: [],
  });

export const kbArticleIdTaken = (id: string) =>
  new ConflictException({
    code: KbErrorCode.IdTaken,
    message: `the knowledge base already has an article "${id}"`,
    errors: [{ field: 'id', message: 'is already used; give another id or title' }],
  });
