import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiTags, IntersectionType } from '@nestjs/swagger';
import type { Response } from 'express';
import { StageQueryDto } from '@app/calls';
import { ApiTableExport, AuthUser, CurrentUser, ExportFormatQueryDto, Staff, sendTable } from '@app/platform';
import { EvaluationExport } from '../application/evaluation-export';

const ID = new ParseUUIDPipe();

/** The format of the export and the stage whose evaluations it holds (1 unless given). */
export class EvaluationExportQueryDto extends IntersectionType(ExportFormatQueryDto, StageQueryDto) {}

@ApiTags('evaluation')
@Controller('calls/:id')
export class EvaluationExportController {
  constructor(private readonly exports: EvaluationExport) {}

  /**
   * Every evaluation of a stage of the call (each assignment, whatever its status; stage 1 unless
   * `stage` says which) with each of the stage's criteria scored and commented. Audited.
   */
  @Get('evaluations/export')
  @Staff()
  @ApiTableExport(
    'The evaluations of a stage, a row per assignment, a score and a comment column per criterion of the stage.',
  )
  async exportEvaluations(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Query() query: EvaluationExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const table = await this.exports.table(actor, callId, query.format, query.stage);
    await sendTable(res, query.format, `evaluations-${callId}`, table);
  }
}
