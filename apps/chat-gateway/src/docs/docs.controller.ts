import { Public } from '@draftdesk/platform';
import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { docsPage, openApiDocument } from './openapi.document';

/** Mounted with the feature module, under its own prefix so it also works inside the embedded app. */
@ApiExcludeController()
@Public()
@Controller('v1/chat')
export class ChatDocsController {
  @Get('openapi.json')
  document() {
    return openApiDocument;
  }

  @Get('docs')
  @Header('content-type', 'text/html; charset=utf-8')
  page() {
    return docsPage('/v1/chat/openapi.json');
  }
}
