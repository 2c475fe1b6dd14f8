/**
 * Injects the review desk's ConversationDraftsReadModel. The review desk reads conversations too, so only the module
 * imports that app (at registration); a class import in the service would make the two apps' files load in a cycle.
 */
export const CONVERSATION_DRAFTS = Symbol('ConversationDraftsReadModel');
