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
  NameView,
  Participant,
  ParticipantKind,
  newlyMentioned,
  normalisedBody,
  postAsSeen,
  postErrors,
  seesNames,
  threadAccess,
  versionAsSeen,
} from '../domain/discussion';
import { DiscussionAfterSubmissionError, NotPostAuthorError } from '../domain/discussion.errors';
import { DiscussionRepository, Mentionable } from '../infrastructure/discussion.repository';
import { DiscussionContext, assertOpenToDiscussion } from './discussion-context';
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
  /** The reader sees people's names (the secretariat, the call's chair); others see "Evaluator n" and "Secretariat". */
  namesShown: boolean;
}

/** A reader admitted to a thread. */
interface Entered {
  application: Application;
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
    const [call, namesShown] = await Promise.all([
      this.context.call(application.callId),
      this.namesShownTo(actor, application.callId),
    ]);
    return { applicationId, callId: application.callId, frozen: !isBeforePublication(call.status), as, namesShown };
  }

  async posts(actor: AuthUser, applicationId: string, page: PageQuery): Promise<Page<DiscussionPost>> {
    const { application } = await this.enter(actor, applicationId);
    const [found, view] = await Promise.all([
      this.repository.posts(applicationId, page),
      this.nameView(actor, application),
    ]);
    return { total: found.total, items: found.items.map((post) => postAsSeen(view, post)) };
  }

  /** Who the reader may mention: the thread's participants, named as the reader sees them. */
  async participants(
    actor: AuthUser,
    applicationId: string,
    query: PageQuery & { search?: string },
  ): Promise<Page<Participant>> {
    const { application } = await this.enter(actor, applicationId);
    return this.repository.participants(applicationId, query, await this.namesShownTo(actor, application.callId));
  }

  /**
   * A new post. Whether the author may still write is decided in the transaction that writes, under
   * locks: the call's (a publication waits, or is seen) and the author's live assignment's (a
   * reopening, release or reassignment waits, or is seen), so none slips between check and write.
   */
  async post(actor: AuthUser, applicationId: string, text: PostText): Promise<DiscussionPost> {
    const application = await this.context.application(applicationId);
    const [written, view] = await this.transactions.run(async (tx) => {
      const { call, as } = await this.admitToWrite(tx, actor, application);
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
      const names = await this.nameView(actor, application, tx);
      await this.notifyMentioned(tx, call, post, names, mentionable, newlyMentioned(actor.id, [], mentionIds));
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'discussion.posted',
        entityType: 'discussion_post',
        entityId: id,
        before: null,
        after: { applicationId, version: 1, mentionIds },
      });
      return [post, names] as const;
    });
    return postAsSeen(view, written);
  }

  /**
   * Its author replaces a post's text and mentions as a whole; the replaced text is kept as a
   * version, and only people the post never mentioned before are told. The author's standing is
   * checked as `post` does.
   */
  async edit(
    actor: AuthUser,
    applicationId: string,
    postId: string,
    expectedVersion: number,
    text: PostText,
  ): Promise<DiscussionPost> {
    const application = await this.context.application(applicationId);
    const [written, view] = await this.transactions.run(async (tx) => {
      const { call } = await this.admitToWrite(tx, actor, application);
      const current = await this.repository.lock(tx, postId);
      if (!current || current.applicationId !== applicationId) throw new NotFoundError('Post');
      if (current.authorId !== actor.id) throw new NotPostAuthorError();
      if (current.version !== expectedVersion) throw new VersionConflictError(current.version);
      const { body, mentionIds, mentionable } = await this.checked(tx, applicationId, text);
      await this.repository.replaceText(tx, current, { body, mentionIds });
      const post = await this.written(tx, postId);
      const names = await this.nameView(actor, application, tx);
      const told = [...current.mentionIds, ...current.earlierMentionIds];
      await this.notifyMentioned(tx, call, post, names, mentionable, newlyMentioned(actor.id, told, mentionIds));
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'discussion.post_edited',
        entityType: 'discussion_post',
        entityId: postId,
        before: { version: current.version, mentionIds: current.mentionIds },
        after: { applicationId, version: post.version, mentionIds },
      });
      return [post, names] as const;
    });
    return postAsSeen(view, written);
  }

  /** The texts a post of the thread had before its edits, the latest first. */
  async versions(
    actor: AuthUser,
    applicationId: string,
    postId: string,
    page: PageQuery,
  ): Promise<Page<DiscussionPostVersion>> {
    const { application } = await this.enter(actor, applicationId);
    const post = await this.repository.findPost(postId);
    if (!post || post.applicationId !== applicationId) throw new NotFoundError('Post');
    const [found, view] = await Promise.all([
      this.repository.versions(postId, page),
      this.nameView(actor, application),
    ]);
    return { total: found.total, items: found.items.map((version) => versionAsSeen(view, version)) };
  }

  /** The ids of an application's posts, whose events its history shows. */
  postIdsOf(applicationId: string): Promise<string[]> {
    return this.repository.postIdsOf(applicationId);
  }

  /**
   * The application, once the caller may take part in its thread: the secretariat always, an
   * evaluator once its own evaluation is submitted (403 before, saying so), anyone else 404.
   */
  private async enter(actor: AuthUser, applicationId: string): Promise<Entered> {
    return this.admit(actor, await this.context.application(applicationId));
  }

  /** `enter`'s rule; in a transaction, on the evaluator's live assignment share-locked to its end. */
  private async admit(actor: AuthUser, application: Application, tx?: Transaction): Promise<Entered> {
    const staff = isStaff(actor);
    const standing = staff ? null : await this.repository.assignmentStanding(application.id, actor.id, tx);
    const access = threadAccess({ staff }, standing);
    if (access === 'none') throw new NotFoundError('Application');
    if (access === 'after-submission') throw new DiscussionAfterSubmissionError();
    return { application, as: staff ? 'secretariat' : 'evaluator' };
  }

  /**
   * The writer's standing, in the writing transaction: the call locked first (as a reopening locks it
   * after the assignment, both share locks), then the writer admitted under its assignment's lock,
   * then the call's publication checked, so that nobody learns of a thread it may not enter.
   */
  private async admitToWrite(
    tx: Transaction,
    actor: AuthUser,
    application: Application,
  ): Promise<{ call: Call; as: ParticipantKind }> {
    const call = await this.context.lockedCall(tx, application.callId);
    const { as } = await this.admit(actor, application, tx);
    assertOpenToDiscussion(call);
    return { call, as };
  }

  /** Whether the reader sees people's names in the call's threads: the secretariat and the call's chair. */
  private async namesShownTo(actor: AuthUser, callId: string, tx?: Transaction): Promise<boolean> {
    const staff = isStaff(actor);
    return seesNames({ staff, chair: !staff && (await this.repository.chairOf(callId, tx)) === actor.id });
  }

  private async nameView(actor: AuthUser, application: Application, tx?: Transaction): Promise<NameView> {
    const namesShown = await this.namesShownTo(actor, application.callId, tx);
    return { namesShown, evaluatorNumbers: await this.repository.evaluatorNumbers(application.id, tx) };
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

  /** Each person told names the author as that person sees it: by name, or as a number or the secretariat. */
  private async notifyMentioned(
    tx: Transaction,
    call: Call,
    post: DiscussionPost,
    names: NameView,
    mentionable: Map<string, Mentionable>,
    recipientIds: string[],
  ): Promise<void> {
    if (recipientIds.length === 0) return;
    const chairId = await this.repository.chairOf(call.id, tx);
    const recipients = recipientIds.flatMap((id): Array<[string, Mentionable]> => {
      const person = mentionable.get(id);
      return person ? [[id, person]] : [];
    });
    const author = {
      displayName: post.author.displayName,
      kind: post.authorKind,
      evaluatorNumber: names.evaluatorNumbers.get(post.author.id) ?? null,
    };
    await this.notifications.notify(
      tx,
      mentionNotices(this.config.PUBLIC_BASE_URL, call, post.applicationId, author, recipients, chairId),
    );
  }
}
