// The conversations service's public face: what the embedded suite composes. Other apps import only from here.
export { ConversationsModule } from './conversations/conversations.module';
export {
  conversationsConfigSchema,
  conversationsConfigShape,
  conversationsOptionsFromConfig,
} from './conversations/conversations.options';
