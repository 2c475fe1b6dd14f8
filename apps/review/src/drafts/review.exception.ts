import { ConflictException, NotFoundException } from '@nestjs/common';

export enum ReviewErrorCode {
  NotFound = 'DRAFT_NOT_FOUND',
  NotPending = 'DRAFT_NOT_PENDING',
  VersionConflict = 'DRAFT_VERSION_CONFLICT',
}

export const draftNotFound = (id: string) => new NotFoundException({ code: ReviewErrorCode.NotFound, message: `draft ${id} not found` });

export const draftConflict = (code: ReviewErrorCode, message: string) => new ConflictException({ code, message });
