import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications.module';
import { ApplicationsController } from './applications.controller';

/** The applications context's HTTP edge, imported only by apps/api. */
@Module({ imports: [ApplicationsModule], controllers: [ApplicationsController] })
export class ApplicationsHttpModule {}
