import { Module } from '@nestjs/common';
import { AuditModule } from '../audit.module';
import { AuditEventsController } from './audit-events.controller';

/** The audit context's HTTP edge, imported only by apps/api. */
@Module({ imports: [AuditModule], controllers: [AuditEventsController] })
export class AuditHttpModule {}
