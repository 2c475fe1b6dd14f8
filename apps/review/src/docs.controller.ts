import { Controller, Get, Header, Res } from '@nestjs/common';
import { HttpAdapterHost, ModulesContainer } from '@nestjs/core';
import { ApiExcludeController, DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { Response } from 'express';
import { join } from 'node:path';
import { Public } from '@draftdesk/platform';
import { PerAddressLimit } from './auth/public-rate-limit.guard';

const SWAGGER_UI_DIR = join(require.resolve('swagger-ui-dist/package.json'), '..');

/**
 * OpenAPI at /docs. Built here rather than in main.ts so that the embedded mode, which composes modules into
 * an app it creates itself, documents the review API too.
 */
@ApiExcludeController()
@Public()
@PerAddressLimit()
@Controller('docs')
export class DocsController {
  private document?: OpenAPIObject;

  constructor(
    private readonly modules: ModulesContainer,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  @Get('openapi.json')
  openapi(): OpenAPIObject {
    // SwaggerModule reads routes from the app's container; these are the same objects the app holds.
    const app = {
      container: { getModules: () => this.modules, isGlobalModule: () => false },
      config: { getGlobalPrefix: () => '', getVersioning: () => undefined, getGlobalPrefixOptions: () => ({}) },
      getHttpAdapter: () => this.adapterHost.httpAdapter,
    };
    this.document ??= SwaggerModule.createDocument(
      app as never,
      new DocumentBuilder()
        .setTitle('draftdesk review API')
        .setDescription(
          'The review queue, its actions, users and tokens. Authenticate with a session cookie (+ X-CSRF-Token on writes) or Authorization: Bearer.',
        )
        .setVersion('1')
        .addBearerAuth()
        .addCookieAuth('dd_session')
        .build(),
    );
    return this.document;
  }

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page() {
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>draftdesk review API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/init.js"></script></body></html>`;
  }

  @Get('assets/init.js')
  @Header('Content-Type', 'text/javascript')
  init() {
    return `window.ui = SwaggerUIBundle({ url: '/docs/openapi.json', dom_id: '#ui' });`;
  }

  @Get('assets/swagger-ui.css')
  css(@Res() res: Response) {
    res.sendFile(join(SWAGGER_UI_DIR, 'swagger-ui.css'));
  }

  @Get('assets/swagger-ui-bundle.js')
  bundle(@Res() res: Response) {
    res.sendFile(join(SWAGGER_UI_DIR, 'swagger-ui-bundle.js'));
  }
}
