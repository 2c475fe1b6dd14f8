import { AuthRealm, invalidRequest, Realms, zodFieldErrors } from '@draftdesk/platform';
import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiHeader, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthGuard, CurrentActor, MinRole } from '../auth/auth.guard';
import type { Actor } from '../auth/principal';
import { MAX_REPORT_DAYS, reportQuerySchema } from './dto/report-query.dto';
import { reportCsv } from './report-csv.util';
import { ReportsService } from './reports.service';

/** Reports for leads and admins: how the desk and the drafts did over a range of days. */
@ApiTags('reports')
@ApiBearerAuth()
@ApiCookieAuth()
@ApiHeader({ name: 'X-Shop-Id', required: false, description: 'the shop to report on (default: your only shop)' })
@Controller('v1/reports')
@AuthRealm(Realms.review)
@UseGuards(AuthGuard)
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @MinRole('lead')
  @ApiOperation({
    summary:
      'Volume per day by channel and intent, first-response and resolution times (p50/p90), SLA attainment, auto-send and approved-unchanged rates, edit distance, reject reasons, per intent (beside its auto-send policy) and per agent; days in the shop time zone',
  })
  @ApiQuery({ name: 'from', description: 'first day, YYYY-MM-DD' })
  @ApiQuery({ name: 'to', description: `last day, YYYY-MM-DD (at most ${MAX_REPORT_DAYS} days after from)` })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @ApiProduces('application/json', 'text/csv')
  async report(
    @CurrentActor() actor: Actor,
    @Query() query: Record<string, string>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const parsed = reportQuerySchema.safeParse(query);
    if (!parsed.success) throw invalidRequest(zodFieldErrors(parsed.error));
    const { from, to, format } = parsed.data;
    const report = await this.reports.report(actor.shopId, from, to);
    if (format === 'json') return report;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="draftdesk-report-${from}-${to}.csv"`);
    return reportCsv(report);
  }
}
