import { invalidRequest } from '@draftdesk/platform';
import { ForbiddenException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';

export enum InboxErrorCode {
  NotFound = 'CONVERSATION_NOT_FOUND',
  LeadRequired = 'LEAD_REQUIRED',
  NotAMember = 'ASSIGNEE_NOT_A_MEMBER',
}

// A conversation of another shop answers 404 like a missing one, so ids cannot be probed across shops.
export const conversationNotFound = (id: string) =>
  new NotFoundException({ code: InboxErrorCode.NotFound, message: `conversation ${id} not found` });

export const leadRequired = () =>
  new ForbiddenException({
    code: InboxErrorCode.LeadRequired,
    message: 'giving a conversation to someone else needs the lead role',
  });

export const notAMember = () =>
  new UnprocessableEntityException({
    code: InboxErrorCode.NotAMember,
    message: 'the assignee is not a member of this shop',
    errors: [{ field: 'assigneeId', message: 'not a member of this shop' }],
  });

/** In a bulk request the assignee is part of the input checked before anything is done: a 400 naming the field. */
export const unknownAssignee = () => invalidRequest([{ field: 'assigneeId', message: 'is not a member of this shop' }]);
