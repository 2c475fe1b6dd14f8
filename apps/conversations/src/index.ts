// The conversations service's public face: what the embedded suite composes. Other apps import only from here.
// Read models: what other services may read of this app's tables (SELECT only).
export { CustomerThreadReadModel } from './conversations/customer-thread.read-model';
export type { MessageFacts, ThreadConversation, ThreadMessage } from './conversations/customer-thread.read-model';
export { CustomerHistoryReadModel, HISTORY_CONVERSATIONS_LIMIT } from './conversations/customer-history.read-model';
export type { HistoryConversation, HistoryCustomer } from './conversations/customer-history.read-model';
export { ConversationsModule } from './conversations/conversations.module';
export {
  conversationsConfigSchema,
  conversationsConfigShape,
  conversationsOptionsFromConfig,
} from './conversations/conversations.options';
