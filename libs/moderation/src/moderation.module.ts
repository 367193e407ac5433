import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@app/applications';
import { AuditModule } from '@app/audit';
import { CallsModule } from '@app/calls';
import { EvaluationModule } from '@app/evaluation';
import { IdentityModule } from '@app/identity';
import { ScoringModule } from '@app/scoring';
import { ModerationContext } from './application/moderation-context';
import { ModerationService } from './application/moderation.service';
import { ModerationRepository } from './infrastructure/moderation.repository';

/** Moderation of flagged applications; reopens evaluations through evaluation, rescoring through scoring. */
@Module({
  imports: [CallsModule, ApplicationsModule, IdentityModule, EvaluationModule, ScoringModule, AuditModule],
  providers: [ModerationService, ModerationContext, ModerationRepository],
  exports: [ModerationService],
})
export class ModerationModule {}
