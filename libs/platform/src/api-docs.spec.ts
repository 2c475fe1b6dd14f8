import { Controller, Get, INestApplication, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { ApiDocsModule } from './api-docs';

@Controller('v1/things')
class ThingsController {
  @Get(':id')
  one(@Param('id') id: string) {
    return { id };
  }

  @Post()
  create() {
    return {};
  }
}

@Module({ imports: [ApiDocsModule.forApp({ title: 'things API' })], controllers: [ThingsController] })
class ThingsAppModule {}

describe('ApiDocsModule', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await NestFactory.create(ThingsAppModule, { logger: false });
    await app.init();
  });

  afterAll(() => app.close());

  it.each(['/docs/json', '/docs/openapi.json'])('%s: the routes of the app, from their decorators', async (url) => {
    const res = await request(app.getHttpServer()).get(url);
    expect(res.status).toBe(200);
    expect(res.body.info.title).toBe('things API');
    expect(Object.keys(res.body.paths).sort()).toEqual(['/v1/things', '/v1/things/{id}']);
    expect(Object.keys(res.body.paths['/v1/things/{id}'])).toEqual(['get']);
    expect(Object.keys(res.body.paths['/v1/things'])).toEqual(['post']);
  });

  it('serves the pages at /docs', async () => {
    const res = await request(app.getHttpServer()).get('/docs');
    expect(res.status).toBe(200);
    expect(res.text).toContain('things API');
  });
});
