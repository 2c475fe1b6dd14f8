import { Public } from '@draftdesk/platform';
import { Controller, Get, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REVIEW_OPTIONS, ReviewOptions } from '../review.options';
import { PerAddressLimit } from '../auth/public-rate-limit.guard';

const ASSETS = new Set(['app.js', 'app.css']);

/** Serves the built agent UI (scripts/build-ui.js) as static files: index.html at / and its two assets. */
/** The UI's files are public; everything they fetch is not. */
@ApiExcludeController()
@Public()
@PerAddressLimit()
@Controller()
export class UiController {
  constructor(@Inject(REVIEW_OPTIONS) private readonly options: ReviewOptions) {}

  @Get()
  index(@Res() res: Response) {
    this.send(res, 'index.html', 'no-cache');
  }

  @Get('ui/:asset')
  asset(@Param('asset') asset: string, @Res() res: Response) {
    if (!ASSETS.has(asset)) throw new NotFoundException();
    this.send(res, asset, 'no-cache');
  }

  private send(res: Response, file: string, cache: string) {
    const dir = this.options.uiDir;
    if (!dir || !existsSync(join(dir, file)))
      throw new NotFoundException({ code: 'UI_NOT_BUILT', message: 'the agent UI is not built: npm run build' });
    res.setHeader('Cache-Control', cache);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
    );
    res.sendFile(join(dir, file));
  }
}
