import { Inject, Injectable } from '@nestjs/common';
import { Application } from '@app/applications';
import { Call, isBeforePublication } from '@app/calls';
import { AuditService } from '@app/audit';
import { NotificationsService } from '@app/notifications';
import {
  AuthUser,
  NotFoundError,
  Page,
  PageQuery,
  Transaction,
  Transactions,
  ValidationError,
  VersionConflictError,
  isStaff,
} from '@app/platform';
import { DiscussionConfig, discussionConfig } from '../discussion.config';
import {
  DiscussionPost,
  DiscussionPostVersion,
  Participant,
  ParticipantKind,
  newlyMentioned,
  normalisedBody,
  postErrors,
  threadAccess,
} from '../domain/discussion';
import { DiscussionAfterSubmissionError, NotPostAuthorError } from '../domain/discussion.errors';
import { DiscussionRepository, Mentionable } from '../infrastructure/discussion.repository';
import { DiscussionContext } from './discussion-context';
import { mentionNotices } from './mention-notices';

/** A post's text and the participants it mentions, by id. */
export interface PostText {
  body: string;
  mentionIds: string[];
}

/** An application's thread as its reader sees it. */
export interface DiscussionThread {
  applicationId: string;
  callId: string;
  /** The call's cohort is published: the thread can be read, no longer written. */
  frozen: boolean;
  /** How the reader takes part. */
  as: ParticipantKind;
}

/**
 * Discussion of an application among its evaluators and the secretariat. An evaluator joins once its
 * own evaluation is submitted; mentions notify; edits keep the replaced text; publication freezes it.
 */
@Injectable()
export class DiscussionService {
  constructor(
    private readonly repository: DiscussionRepository,
    private readonly context: DiscussionContext,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    @Inject(discussionConfig.KEY) private readonly config: DiscussionConfig,
  ) {}

  async thread(actor: AuthUser, applicationId: string): Promise<DiscussionThread> {
    const { application, as } = await this.enter(actor, applicationId);
    const call = await this.context.call(application.callId);
    return { applicationId, callId: application.callId, frozen: !isBeforePublication(call.status), as };
  }

  async posts(actor: AuthUser, applicationId: string, page: PageQuery): Promise<Page<DiscussionPost>> {
    await this.enter(actor, applicationId);
    return this.repository.posts(applicationId, page);
  }

  /** Who the reader may mention: the thread's participants, by name. */
  async participants(
    actor: AuthUser,
    applicationId: string,
    query: PageQuery & { search?: string },
  ): Promise<Page<Participant>> {
    await this.enter(actor, applicationId);
    return this.repository.participants(applicationId, query);
  }

  async post(actor: AuthUser, applicationId: string, text: PostText): Promise<DiscussionPost> {
    const { application, as } = await this.enter(actor, applicationId);
    return this.transactions.run(async (tx) => {
      const call = await this.context.callOpenToDiscussion(tx, application.callId);
      const { body, mentionIds, mentionable } = await this.checked(tx, applicationId, text);
      const id = await this.repository.insert(tx, {
        callId: call.id,
        applicationId,
        authorId: actor.id,
        authorKind: as,
        body,
        mentionIds,
      });
      const post = await this.written(tx, id);
      await this.notifyMentioned(tx, call, post, mentionable, newlyMentioned(actor.id, [], mentionIds));
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'discussion.posted',
        entityType: 'discussion_post',
        entityId: id,
        before: null,
        after: { applicationId, version: 1, mentionIds },
      });
      return post;
    });
  }

  /**
   * Its author replaces a post's text and mentions as a whole; the replaced text is kept as a
   * version, and only people the post never mentioned before are told.
   */
  async edit(
    actor: AuthUser,
    applicationId: string,
    postId: string,
    expectedVersion: number,
    text: PostText,
  ): Promise<DiscussionPost> {
    const { application } = await this.enter(actor, applicationId);
    return this.transactions.run(async (tx) => {
      const call = await this.context.callOpenToDiscussion(tx, application.callId);
      const current = await this.repository.lock(tx, postId);
      if (!current || current.applicationId !== applicationId) throw new NotFoundError('Post');
      if (current.authorId !== actor.id) throw new NotPostAuthorError();
      if (current.version !== expectedVersion) throw new VersionConflictError(current.version);
      const { body, mentionIds, mentionable } = await this.checked(tx, applicationId, text);
      await this.repository.replaceText(tx, current, { body, mentionIds });
      const post = await this.written(tx, postId);
      const told = [...current.mentionIds, ...current.earlierMentionIds];
      await this.notifyMentioned(tx, call, post, mentionable, newlyMentioned(actor.id, told, mentionIds));
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'discussion.post_edited',
        entityType: 'discussion_post',
        entityId: postId,
        before: { version: current.version, mentionIds: current.mentionIds },
        after: { applicationId, version: post.version, mentionIds },
      });
      return post;
    });
  }

  /** The texts a post of the thread had before its edits, the latest first. */
  async versions(
    actor: AuthUser,
    applicationId: string,
    postId: string,
    page: PageQuery,
  ): Promise<Page<DiscussionPostVersion>> {
    await this.enter(actor, applicationId);
    const post = await this.repository.findPost(postId);
    if (!post || post.applicationId !== applicationId) throw new NotFoundError('Post');
    return this.repository.versions(postId, page);
  }

  /**
   * The application, once the caller may take part in its thread: the secretariat always, an
   * evaluator once its own evaluation is submitted (403 before, saying so), anyone else 404.
   */
  private async enter(
    actor: AuthUser,
    applicationId: string,
  ): Promise<{ application: Application; as: ParticipantKind }> {
    const application = await this.context.application(applicationId);
    const staff = isStaff(actor);
    const standing = staff ? null : await this.repository.assignmentStanding(applicationId, actor.id);
    const access = threadAccess({ staff }, standing);
    if (access === 'none') throw new NotFoundError('Application');
    if (access === 'after-submission') throw new DiscussionAfterSubmissionError();
    return { application, as: staff ? 'secretariat' : 'evaluator' };
  }

  /**
   * The text and mentions to keep (each person once, in the order first given), once each mention
   * is known to be of a participant (who they are, to notify them).
   */
  private async checked(
    tx: Transaction,
    applicationId: string,
    text: PostText,
  ): Promise<{ body: string; mentionIds: string[]; mentionable: Map<string, Mentionable> }> {
    const mentionable = await this.repository.participantsAmong(applicationId, text.mentionIds, tx);
    const errors = postErrors(text, new Set(mentionable.keys()));
    if (errors.length > 0) throw new ValidationError(errors);
    return { body: normalisedBody(text.body), mentionIds: [...new Set(text.mentionIds)], mentionable };
  }

  private async written(tx: Transaction, postId: string): Promise<DiscussionPost> {
    const post = await this.repository.findPost(postId, tx);
    if (!post) throw new NotFoundError('Post');
    return post;
  }

  private async notifyMentioned(
    tx: Transaction,
    call: Call,
    post: DiscussionPost,
    mentionable: Map<string, Mentionable>,
    recipientIds: string[],
  ): Promise<void> {
    const recipients = recipientIds.flatMap((id): Array<[string, Mentionable]> => {
      const person = mentionable.get(id);
      return person ? [[id, person]] : [];
    });
    await this.notifications.notify(
      tx,
      mentionNotices(this.config.PUBLIC_BASE_URL, call, post.applicationId, post.author.displayName, recipients),
    );
  }
}
