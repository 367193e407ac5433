import { Module } from '@nestjs/common';
import { CallsModule } from '../calls.module';
import { CallsController } from './calls.controller';

/** The calls context's HTTP edge, imported only by apps/api. */
@Module({ imports: [CallsModule], controllers: [CallsController] })
export class CallsHttpModule {}
