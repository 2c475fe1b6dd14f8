// The review service's public face: what the embedded suite composes. Other apps import only from here.
// Read models: what other services may read of this app's tables (SELECT only).
export { ConversationDraftsReadModel } from './drafts/conversation-drafts.read-model';
export type { ConversationDraft } from './drafts/conversation-drafts.read-model';
export { ReviewModule } from './review.module';
export { reviewConfigSchema, reviewConfigShape, reviewOptionsFromConfig } from './review.options';
export type { ReviewOptions } from './review.options';
