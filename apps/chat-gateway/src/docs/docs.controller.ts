import { Public } from '@draftdesk/platform';
import { Controller, Get, Header } from '@nestjs/common';
import { docsPage, openApiDocument } from './openapi.document';

/** Mounted with the feature module, under its own prefix so it also works inside the embedded app. */
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

/** The standalone service also answers at /docs, where operators look first. */
@Public()
@Controller('docs')
export class RootDocsController {
  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  page() {
    return docsPage('/docs/openapi.json');
  }

  @Get('openapi.json')
  document() {
    return openApiDocument;
  }
}
