// The chat gateway's public face: what the embedded suite composes. Other apps import only from here.
export { ChatGatewayModule, configureChatGatewayHttp } from './chat-gateway.module';
export {
  chatGatewayConfigSchema,
  chatGatewayConfigShape,
  chatGatewayOptionsFromConfig,
  MAX_WEBHOOK_BYTES,
} from './chat-gateway.options';
export type { ChatGatewayOptions } from './chat-gateway.options';
export type { ChannelInput } from './channels/channel.types';
export { ChatIntakeErrorCode, unauthorized } from './intake/chat-intake.exception';
export { readRawBody } from './intake/raw-body.util';
export type { RawBodyRequest } from './intake/raw-body.util';
export { decodeWebhookSecret, verifyWebhook } from './intake/standard-webhooks.util';
export { genericMessageSchema } from './intake/dto/chat-message.dto';
