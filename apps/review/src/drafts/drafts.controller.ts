import { ZodBodyPipe } from '@draftdesk/platform';
import { BadRequestException, Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiTokenGuard } from './api-token.guard';
import { ApproveDraftDto, approveDraftSchema, listDraftsSchema, RejectDraftDto, rejectDraftSchema } from './dto/decide-draft.dto';
import { ReviewService } from './review.service';

@Controller('v1/drafts')
@UseGuards(ApiTokenGuard)
export class DraftsController {
  constructor(private readonly review: ReviewService) {}

  @Get()
  async list(@Query() query: Record<string, string>) {
    const parsed = listDraftsSchema.safeParse(query);
    if (!parsed.success) {
      throw new BadRequestException(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    }
    return { items: await this.review.list(parsed.data.status, parsed.data.limit) };
  }

  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.review.get(id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(@Param('id', new ParseUUIDPipe()) id: string, @Body(new ZodBodyPipe(approveDraftSchema)) dto: ApproveDraftDto) {
    return this.review.approve(id, dto);
  }

  @Post(':id/reject')
  @HttpCode(200)
  reject(@Param('id', new ParseUUIDPipe()) id: string, @Body(new ZodBodyPipe(rejectDraftSchema)) dto: RejectDraftDto) {
    return this.review.reject(id, dto);
  }
}
