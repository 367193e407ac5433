import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ApplicationsModule } from '@app/applications';
import { AuditModule } from '@app/audit';
import { CallsModule } from '@app/calls';
import { NotificationsModule } from '@app/notifications';
import { DiscussionContext } from './application/discussion-context';
import { DiscussionService } from './application/discussion.service';
import { discussionConfig } from './discussion.config';
import { DiscussionRepository } from './infrastructure/discussion.repository';

/** Discussion threads of applications; reads applications and calls through their services. */
@Module({
  imports: [
    ConfigModule.forFeature(discussionConfig),
    ApplicationsModule,
    CallsModule,
    AuditModule,
    NotificationsModule,
  ],
  providers: [DiscussionService, DiscussionContext, DiscussionRepository],
  exports: [DiscussionService],
})
export class DiscussionModule {}
