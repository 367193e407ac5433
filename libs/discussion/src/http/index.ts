import { Module } from '@nestjs/common';
import { DiscussionModule } from '../discussion.module';
import { DiscussionController } from './discussion.controller';

/** The discussion context's HTTP edge, imported only by apps/api. */
@Module({ imports: [DiscussionModule], controllers: [DiscussionController] })
export class DiscussionHttpModule {}
