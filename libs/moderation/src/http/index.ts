import { Module } from '@nestjs/common';
import { ModerationModule } from '../moderation.module';
import { ModerationController } from './moderation.controller';

/** The moderation context's HTTP edge, imported only by apps/api. */
@Module({ imports: [ModerationModule], controllers: [ModerationController] })
export class ModerationHttpModule {}
