import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '@app/applications';
import { AuditModule } from '@app/audit';
import { CallsModule } from '@app/calls';
import { DiscussionModule } from '@app/discussion';
import { IdentityModule } from '@app/identity';
import { NotificationsModule } from '@app/notifications';
import { ScoringModule } from '@app/scoring';
import { ReadGrants } from '@app/platform';
import { ApplicationHistoryService } from './application/application-history.service';
import { AssignmentsService } from './application/assignments.service';
import { ConflictsService } from './application/conflicts.service';
import { DueRemindersService } from './application/due-reminders.service';
import { EvaluationContext } from './application/evaluation-context';
import { EvaluationsService } from './application/evaluations.service';
import { ExpertiseService } from './application/expertise.service';
import { InvitedPanelSeatsRegistration } from './application/invited-panel-seats';
import { PanelProgressService } from './application/panel-progress.service';
import { PanelService } from './application/panel.service';
import { ReassignmentsService } from './application/reassignments.service';
import { AssignmentsRepository } from './infrastructure/assignments.repository';
import { DueDatesRepository } from './infrastructure/due-dates.repository';
import { ExpertiseRepository } from './infrastructure/expertise.repository';
import {
  AssignmentEntity,
  ConflictEntity,
  CriterionScoreEntity,
  PanelMemberEntity,
} from './infrastructure/evaluation.entities';
import { PanelMembersRepository } from './infrastructure/panel-members.repository';
import { PanelProgressRepository } from './infrastructure/panel-progress.repository';
import { ConflictsRepository, PanelRepository } from './infrastructure/panel.repository';
import { ShortlistedRepository } from './infrastructure/shortlisted.repository';

@Module({
  imports: [
    TypeOrmModule.forFeature([PanelMemberEntity, ConflictEntity, AssignmentEntity, CriterionScoreEntity]),
    AuditModule,
    CallsModule,
    ApplicationsModule,
    IdentityModule,
    ScoringModule,
    DiscussionModule,
    NotificationsModule,
  ],
  providers: [
    PanelService,
    ConflictsService,
    AssignmentsService,
    EvaluationsService,
    EvaluationContext,
    InvitedPanelSeatsRegistration,
    PanelProgressService,
    ReassignmentsService,
    ApplicationHistoryService,
    DueRemindersService,
    ExpertiseService,
    ExpertiseRepository,
    PanelRepository,
    ConflictsRepository,
    AssignmentsRepository,
    ShortlistedRepository,
    PanelProgressRepository,
    PanelMembersRepository,
    DueDatesRepository,
  ],
  exports: [
    PanelService,
    ConflictsService,
    AssignmentsService,
    EvaluationsService,
    EvaluationContext,
    PanelProgressService,
    ReassignmentsService,
    ApplicationHistoryService,
    DueRemindersService,
    ExpertiseService,
  ],
})
export class EvaluationModule implements OnModuleInit {
  constructor(
    private readonly grants: ReadGrants,
    private readonly assignments: AssignmentsRepository,
    private readonly panel: PanelRepository,
  ) {}

  /** An evaluator reads the calls whose panel it sits on, and the applications (and documents) it is assigned to. */
  onModuleInit(): void {
    this.grants.register(
      'call',
      async (user, callId) => user.role === 'evaluator' && (await this.panel.isMember(callId, user.id)),
    );
    this.grants.register(
      'application',
      async (user, applicationId) =>
        user.role === 'evaluator' && (await this.assignments.findLive(user.id, applicationId)) !== null,
    );
  }
}
