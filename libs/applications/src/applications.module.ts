import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { CallsModule } from '@app/calls';
import { IdentityModule } from '@app/identity';
import { NotificationsModule } from '@app/notifications';
import { StorageModule } from '@app/platform/storage';
import { ApplicationAccess } from './application/application-access';
import { ApplicationBulkService } from './application/application-bulk.service';
import { ApplicationOutcomesService } from './application/application-outcomes.service';
import { ApplicationsService } from './application/applications.service';
import { RepliesService } from './application/replies.service';
import { BlindReview } from './application/blind-review.service';
import { ClarificationsService } from './application/clarifications.service';
import { DeadlineRemindersService } from './application/deadline-reminders.service';
import { DocumentBytes } from './application/document-bytes';
import { DocumentInspector } from './application/document-inspector';
import { applicationsConfig } from './applications.config';
import { DocumentsService } from './application/documents.service';
import { ApplicationEntity, DocumentEntity } from './infrastructure/application.entities';
import { ApplicationBulkRepository } from './infrastructure/application-bulk.repository';
import { ApplicationOutcomesRepository } from './infrastructure/application-outcomes.repository';
import { ApplicationsRepository } from './infrastructure/applications.repository';
import { ClarificationsRepository } from './infrastructure/clarifications.repository';
import { DeadlineRemindersRepository } from './infrastructure/deadline-reminders.repository';
import { DocumentsRepository } from './infrastructure/documents.repository';
import { PseudonymsRepository } from './infrastructure/pseudonyms.repository';

@Module({
  imports: [
    ConfigModule.forFeature(applicationsConfig),
    TypeOrmModule.forFeature([ApplicationEntity, DocumentEntity]),
    AuditModule,
    CallsModule,
    IdentityModule,
    NotificationsModule,
    StorageModule,
  ],
  providers: [
    ApplicationsService,
    RepliesService,
    DocumentsService,
    ApplicationAccess,
    ApplicationsRepository,
    DocumentsRepository,
    ApplicationOutcomesService,
    ApplicationOutcomesRepository,
    ApplicationBulkService,
    ApplicationBulkRepository,
    DocumentInspector,
    DocumentBytes,
    ClarificationsService,
    ClarificationsRepository,
    BlindReview,
    PseudonymsRepository,
    DeadlineRemindersService,
    DeadlineRemindersRepository,
  ],
  exports: [
    ApplicationsService,
    RepliesService,
    DocumentsService,
    ApplicationOutcomesService,
    ApplicationBulkService,
    ClarificationsService,
    BlindReview,
    DeadlineRemindersService,
    DocumentInspector,
    DocumentBytes,
  ],
})
export class ApplicationsModule {}
