import { buildApiDocument, Public } from '@draftdesk/platform';
import { Controller, Get, Header } from '@nestjs/common';
import { HttpAdapterHost, ModulesContainer } from '@nestjs/core';
import { ApiExcludeController, OpenAPIObject } from '@nestjs/swagger';
import { docsPage } from './docs-page.util';
import { replyCallbackSchema, WEBHOOK_CONTRACT } from './webhook-api.docs';

/**
 * The webhook contract for integrators: the routes under /v1/channels as the app's own document describes them, with
 * the signing rules. Mounted with the feature module, under its own prefix, so it also works inside the embedded app.
 */
@ApiExcludeController()
@Public()
@Controller('v1/chat')
export class ChatDocsController {
  private document?: OpenAPIObject;

  constructor(
    private readonly modules: ModulesContainer,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  @Get('openapi.json')
  openapi(): OpenAPIObject {
    this.document ??= this.webhookDocument();
    return this.document;
  }

  @Get('docs')
  @Header('content-type', 'text/html; charset=utf-8')
  page() {
    return docsPage(this.openapi(), '/v1/chat/openapi.json');
  }

  private webhookDocument(): OpenAPIObject {
    const whole = buildApiDocument(this.modules, this.adapterHost, {
      title: 'draftdesk chat-gateway',
      description: WEBHOOK_CONTRACT,
    });
    const paths = Object.fromEntries(Object.entries(whole.paths).filter(([path]) => path.startsWith('/v1/channels/{')));
    return {
      ...whole,
      paths,
      components: { ...whole.components, schemas: { ReplyCallback: replyCallbackSchema as never } },
    };
  }
}
