import { Module } from '@nestjs/common';
import { ModerationModule } from '../moderation.module';
import { ChairedCallsController } from './chaired-calls.controller';
import { ModerationController } from './moderation.controller';

/** The moderation context's HTTP edge, imported only by apps/api. */
@Module({ imports: [ModerationModule], controllers: [ModerationController, ChairedCallsController] })
export class ModerationHttpModule {}
