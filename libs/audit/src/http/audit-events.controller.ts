import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Page, PageOf, Staff } from '@app/platform';
import { AuditService } from '../application/audit.service';
import { AuditEventDto, AuditEventQueryDto } from './audit-events.dto';

@ApiTags('operations')
@Controller('audit-events')
export class AuditEventsController {
  constructor(private readonly audit: AuditService) {}

  /** The audit trail, oldest first, optionally of one entity. */
  @Get()
  @Staff()
  @ApiOkResponse({ type: PageOf(AuditEventDto) })
  list(@Query() query: AuditEventQueryDto): Promise<Page<AuditEventDto>> {
    return this.audit.list(query);
  }
}
