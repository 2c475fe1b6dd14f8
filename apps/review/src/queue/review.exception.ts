import { ConflictException, ForbiddenException, NotFoundException, PreconditionFailedException } from '@nestjs/common';

export enum ReviewErrorCode {
  NotFound = 'DRAFT_NOT_FOUND',
  NotPending = 'DRAFT_NOT_PENDING',
  Superseded = 'DRAFT_SUPERSEDED',
  VersionConflict = 'DRAFT_VERSION_CONFLICT',
  Claimed = 'DRAFT_CLAIMED',
  NoText = 'DRAFT_HAS_NO_TEXT',
  Placeholders = 'DRAFT_HAS_PLACEHOLDERS',
  HasDraft = 'DRAFT_HAS_TEXT',
  LeadRequired = 'ESCALATED_TO_LEAD',
  NotAMember = 'ASSIGNEE_NOT_A_MEMBER',
  SendStarted = 'SEND_ALREADY_STARTED',
  NotSending = 'DRAFT_NOT_SENDING',
  NotEscalated = 'DRAFT_NOT_ESCALATED',
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

/** Undo of an item that is not waiting to be sent: too late once it was handed on, else nothing to undo. */
export const notUndoable = (id: string, status: string) =>
  ['approved', 'failed'].includes(status)
    ? draftConflict(ReviewErrorCode.SendStarted, `draft ${id} was already sent (${status}); it can no longer be undone`)
    : draftConflict(
        ReviewErrorCode.NotSending,
        `draft ${id} is ${status}, not waiting to be sent; there is nothing to undo`,
      );
