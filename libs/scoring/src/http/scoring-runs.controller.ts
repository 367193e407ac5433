import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Staff } from '@app/platform';
import { ScoringRunsService } from '../application/scoring-runs.service';
import { ScoringRun } from '../infrastructure/scoring-runs.repository';
import { ScoringRunDto } from './scoring.dto';

const ID = new ParseUUIDPipe();

@ApiTags('scoring')
@Controller()
export class ScoringRunsController {
  constructor(private readonly runs: ScoringRunsService) {}

  /** Starts a full rescoring of the call, fanned out in chunks by the worker; follow it with GET /scoring-runs/:id. */
  @Post('calls/:id/scoring-runs')
  @HttpCode(202)
  @Staff()
  @ApiAcceptedResponse({ type: ScoringRunDto })
  async request(@CurrentUser() actor: AuthUser, @Param('id', ID) callId: string): Promise<ScoringRunDto> {
    return toScoringRunDto(await this.runs.request(actor, callId));
  }

  /** A run's progress: applications scored out of those to score. */
  @Get('scoring-runs/:id')
  @Staff()
  @ApiOkResponse({ type: ScoringRunDto })
  async get(@Param('id', ID) runId: string): Promise<ScoringRunDto> {
    return toScoringRunDto(await this.runs.get(runId));
  }
}

function toScoringRunDto(run: ScoringRun): ScoringRunDto {
  const { id, callId, status, reason, total, done, createdAt, startedAt, finishedAt, error } = run;
  return { id, callId, status, reason, total, done, createdAt, startedAt, finishedAt, error };
}
