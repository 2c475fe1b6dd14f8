import { ConflictException, ForbiddenException, NotFoundException, PreconditionFailedException } from '@nestjs/common';

export enum ReviewErrorCode {
  NotFound = 'DRAFT_NOT_FOUND',
  NotPending = 'DRAFT_NOT_PENDING',
  Superseded = 'DRAFT_SUPERSEDED',
  VersionConflict = 'DRAFT_VERSION_CONFLICT',
  Claimed = 'DRAFT_CLAIMED',
  NoText = 'DRAFT_HAS_NO_TEXT',
  LeadRequired = 'ESCALATED_TO_LEAD',
  NotAMember = 'ASSIGNEE_NOT_A_MEMBER',
  SendStarted = 'SEND_ALREADY_STARTED',
}

// Items of another shop answer 404 like missing ones, so ids cannot be probed across shops.
export const draftNotFound = (id: string) =>
  new NotFoundException({ code: ReviewErrorCode.NotFound, message: `draft ${id} not found` });

export const draftConflict = (code: ReviewErrorCode, message: string) => new ConflictException({ code, message });

/** The customer wrote again after this draft was written; the draft for that message answers the whole thread. */
export const draftSuperseded = (
  id: string,
  by: { messageId: string | null; draftId: string | null; at: Date | null },
) =>
  new ConflictException({
    code: ReviewErrorCode.Superseded,
    message: `draft ${id} was superseded: the customer wrote again (message ${by.messageId}), and draft ${by.draftId} answers the whole conversation; review that one instead`,
    supersededBy: { messageId: by.messageId, draftId: by.draftId, at: by.at },
  });

export const staleVersion = (viaIfMatch: boolean, current: number, given: number) =>
  viaIfMatch
    ? new PreconditionFailedException({
        code: ReviewErrorCode.VersionConflict,
        message: `version is ${current}, not ${given}`,
        version: current,
      })
    : new ConflictException({
        code: ReviewErrorCode.VersionConflict,
        message: `version is ${current}, not ${given}`,
        version: current,
      });

export const leadRequired = () =>
  new ForbiddenException({
    code: ReviewErrorCode.LeadRequired,
    message: 'escalated: a lead or admin decides this draft',
  });

/** Undo came after the send delay: the reply was handed on to be sent (or the item is no longer an approval). */
export const tooLateToUndo = (id: string, status: string) =>
  draftConflict(
    ReviewErrorCode.SendStarted,
    status === 'approved' || status === 'failed'
      ? `draft ${id} was already sent (${status}); it can no longer be undone`
      : `draft ${id} is ${status}, not waiting to be sent; there is nothing to undo`,
  );
