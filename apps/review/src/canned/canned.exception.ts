import { ConflictException, NotFoundException } from '@nestjs/common';

export enum CannedErrorCode {
  NotFound = 'CANNED_REPLY_NOT_FOUND',
  TitleTaken = 'CANNED_REPLY_TITLE_TAKEN',
}

// A canned reply of another shop answers 404 like a missing one, so ids cannot be probed across shops.
export const cannedNotFound = (id: string) =>
  new NotFoundException({ code: CannedErrorCode.NotFound, message: `canned reply ${id} not found`, errors: [] });

export const cannedTitleTaken = (title: string, language: string) =>
  new ConflictException({
    code: CannedErrorCode.TitleTaken,
    message: `this shop already has a canned reply called "${title}" in ${language}`,
    errors: [{ field: 'title', message: 'is already used in this language' }],
  });
