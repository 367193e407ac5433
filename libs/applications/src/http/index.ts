import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { CallsModule } from '@app/calls';
import { ApplicationExport } from '../application/application-export';
import { ApplicationListQuery } from '../application/application-list.query';
import { ApplicationsModule } from '../applications.module';
import { ApplicationListRepository } from '../infrastructure/application-list.repository';
import { ApplicationBulkController } from './application-bulk.controller';
import { ApplicationsController } from './applications.controller';
import { ClarificationsController } from './clarifications.controller';

/** The applications context's HTTP edge, imported only by apps/api; the list's read model and its export serve only it. */
@Module({
  imports: [ApplicationsModule, AuditModule, CallsModule],
  providers: [ApplicationListQuery, ApplicationExport, ApplicationListRepository],
  controllers: [ApplicationsController, ApplicationBulkController, ClarificationsController],
})
export class ApplicationsHttpModule {}
