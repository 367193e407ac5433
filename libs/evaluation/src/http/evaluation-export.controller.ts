import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiTableExport, AuthUser, CurrentUser, ExportFormatQueryDto, Staff, sendTable } from '@app/platform';
import { EvaluationExport } from '../application/evaluation-export';

const ID = new ParseUUIDPipe();

@ApiTags('evaluation')
@Controller('calls/:id')
export class EvaluationExportController {
  constructor(private readonly exports: EvaluationExport) {}

  /** Every evaluation of the call (each assignment, whatever its status) with every criterion's score and comment. Audited. */
  @Get('evaluations/export')
  @Staff()
  @ApiTableExport('The evaluations, a row per assignment, a score and a comment column per criterion.')
  async exportEvaluations(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Query() query: ExportFormatQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const table = await this.exports.table(actor, callId, query.format);
    await sendTable(res, query.format, `evaluations-${callId}`, table);
  }
}
