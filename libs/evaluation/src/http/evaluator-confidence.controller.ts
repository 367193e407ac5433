import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Page, PageOf, PageQueryDto, Staff } from '@app/platform';
import { EvaluatorConfidenceQuery } from '../application/evaluator-confidence.query';
import { EvaluatorConfidenceDto } from './evaluator-confidence.dto';

const ID = new ParseUUIDPipe();

@ApiTags('evaluation')
@Controller('calls/:id')
export class EvaluatorConfidenceController {
  constructor(private readonly confidence: EvaluatorConfidenceQuery) {}

  /** How confident each evaluator said it was, over its submitted evaluations of the call; by evaluator id, a page at a time. */
  @Get('evaluator-confidence')
  @Staff()
  @ApiOkResponse({ type: PageOf(EvaluatorConfidenceDto) })
  page(@Param('id', ID) callId: string, @Query() query: PageQueryDto): Promise<Page<EvaluatorConfidenceDto>> {
    return this.confidence.page(callId, query);
  }
}
