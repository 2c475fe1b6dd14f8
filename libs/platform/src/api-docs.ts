import { Controller, DynamicModule, Get, Header, Module, NotFoundException, Res, Type } from '@nestjs/common';
import { HttpAdapterHost, ModulesContainer } from '@nestjs/core';
import { ApiExcludeController, DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { Response } from 'express';
import { dirname, join } from 'node:path';
import { Public } from './access/access.decorators';

export interface ApiDocsOptions {
  title: string;
  description?: string;
  /** Name of a session cookie the API also accepts, beside Authorization: Bearer. */
  sessionCookie?: string;
}

/** Where swagger-ui-dist is installed; null when it is not (then the JSON document is served alone). */
function swaggerUiDir(): string | null {
  try {
    return dirname(require.resolve('swagger-ui-dist/package.json'));
  } catch {
    return null;
  }
}

/** The OpenAPI document of every route an application's modules declare, from their decorators. */
export function buildApiDocument(
  modules: ModulesContainer,
  adapterHost: HttpAdapterHost,
  options: ApiDocsOptions,
): OpenAPIObject {
  // SwaggerModule reads routes from the app's container; these are the same objects the app holds. Built from the
  // container rather than in main.ts so that an app composing modules (the embedded mode) documents them all.
  const app = {
    container: { getModules: () => modules, isGlobalModule: () => false },
    config: { getGlobalPrefix: () => '', getVersioning: () => undefined, getGlobalPrefixOptions: () => ({}) },
    getHttpAdapter: () => adapterHost.httpAdapter,
  };
  const builder = new DocumentBuilder().setTitle(options.title).setVersion('1').addBearerAuth();
  if (options.description) builder.setDescription(options.description);
  if (options.sessionCookie) builder.addCookieAuth(options.sessionCookie);
  return SwaggerModule.createDocument(app as never, builder.build());
}

/**
 * A controller serving an application's OpenAPI document at /docs/json (and /docs/openapi.json) and, when
 * swagger-ui-dist is installed, its pages at /docs. Public: reading the API's description needs no credentials.
 * An app adds guards of its own (a rate limit) by extending the returned class.
 */
export function ApiDocsController(options: ApiDocsOptions): Type {
  const uiDir = swaggerUiDir();

  @ApiExcludeController()
  @Public()
  @Controller('docs')
  class DocsController {
    private document?: OpenAPIObject;

    constructor(
      private readonly modules: ModulesContainer,
      private readonly adapterHost: HttpAdapterHost,
    ) {}

    @Get(['json', 'openapi.json'])
    openapi(): OpenAPIObject {
      this.document ??= buildApiDocument(this.modules, this.adapterHost, options);
      return this.document;
    }

    @Get()
    @Header('Content-Type', 'text/html; charset=utf-8')
    page() {
      if (!uiDir)
        return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${options.title}</title></head>
<body><p>The OpenAPI document: <a href="/docs/json">/docs/json</a></p></body></html>`;
      return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${options.title}</title>
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
      sendUiFile(res, uiDir, 'swagger-ui.css');
    }

    @Get('assets/swagger-ui-bundle.js')
    bundle(@Res() res: Response) {
      sendUiFile(res, uiDir, 'swagger-ui-bundle.js');
    }
  }
  return DocsController;
}

function sendUiFile(res: Response, uiDir: string | null, file: string): void {
  if (!uiDir) throw new NotFoundException('the API pages are not installed; the document is at /docs/json');
  res.sendFile(join(uiDir, file));
}

/** Serves an application's API documentation (ApiDocsController); imported once by the app's root module. */
@Module({})
export class ApiDocsModule {
  static forApp(options: ApiDocsOptions): DynamicModule {
    return { module: ApiDocsModule, controllers: [ApiDocsController(options)] };
  }
}
