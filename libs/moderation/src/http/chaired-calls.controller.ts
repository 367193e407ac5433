import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Page, PageOf, PageQueryDto, Roles } from '@app/platform';
import { ChairedCall, ModerationService } from '../application/moderation.service';
import { ChairedCallDto } from './moderation.dto';

@ApiTags('moderation')
@Controller('moderation')
export class ChairedCallsController {
  constructor(private readonly moderation: ModerationService) {}

  /** The calls the signed-in panel member chairs (the latest named first), whose queues it moderates. */
  @Get('chaired-calls')
  @Roles('evaluator')
  @ApiOkResponse({ type: PageOf(ChairedCallDto) })
  chairedCalls(@CurrentUser() actor: AuthUser, @Query() query: PageQueryDto): Promise<Page<ChairedCall>> {
    return this.moderation.chairedCalls(actor, { limit: query.limit, offset: query.offset });
  }
}
