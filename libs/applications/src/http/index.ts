import { Module } from '@nestjs/common';
import { CallsModule } from '@app/calls';
import { ApplicationListQuery } from '../application/application-list.query';
import { ApplicationsModule } from '../applications.module';
import { ApplicationListRepository } from '../infrastructure/application-list.repository';
import { ApplicationsController } from './applications.controller';

/** The applications context's HTTP edge, imported only by apps/api; the list's read model serves only it. */
@Module({
  imports: [ApplicationsModule, CallsModule],
  providers: [ApplicationListQuery, ApplicationListRepository],
  controllers: [ApplicationsController],
})
export class ApplicationsHttpModule {}
