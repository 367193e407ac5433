import type { FieldError } from '@app/platform/errors';

/** How someone takes part in a thread: as one of the application's evaluators, or as the secretariat. */
export const PARTICIPANT_KINDS = ['evaluator', 'secretariat'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

/** The longest post, in characters: a considered comment, not a document (documents go with the application). */
export const MAX_POST_LENGTH = 10_000;
/** The most people one post may mention: a panel and the secretariat, with room. */
export const MAX_MENTIONS = 50;

export interface PersonRef {
  id: string;
  displayName: string;
}

/** Someone who may read and write an application's thread, and so be mentioned in it. */
export interface Participant extends PersonRef {
  kind: ParticipantKind;
}

export interface DiscussionPost {
  id: string;
  callId: string;
  applicationId: string;
  author: PersonRef;
  authorKind: ParticipantKind;
  body: string;
  mentions: PersonRef[];
  /** 1 until the first edit; each edit adds one and keeps the text it replaced. */
  version: number;
  createdAt: Date;
  editedAt: Date | null;
}

/** A text a post had before an edit replaced it. */
export interface DiscussionPostVersion {
  version: number;
  body: string;
  mentions: PersonRef[];
  /** When this text was written (posted, or put by an earlier edit). */
  writtenAt: Date;
  /** When the next edit replaced it. */
  replacedAt: Date;
}

/** What the caller's role and assignment make of an application's thread. */
export type ThreadAccess = 'open' | 'after-submission' | 'none';

/**
 * The secretariat always takes part; an evaluator once it has submitted its own evaluation of the
 * application (before that its judgement must stay its own, so the thread stays closed, and says
 * why); anyone else does not learn that the thread exists.
 */
export function threadAccess(
  caller: { staff: boolean },
  ownAssignment: 'submitted' | 'unsubmitted' | null,
): ThreadAccess {
  if (caller.staff) return 'open';
  if (ownAssignment === 'submitted') return 'open';
  return ownAssignment === 'unsubmitted' ? 'after-submission' : 'none';
}

/** A post's text as kept: without surrounding blank space, which would only shift it. */
export function normalisedBody(body: string): string {
  return body.trim();
}

/** What is wrong with a post's text and mentions, given the ids of those who may be mentioned. */
export function postErrors(
  post: { body: string; mentionIds: readonly string[] },
  mentionable: ReadonlySet<string>,
): FieldError[] {
  const errors: FieldError[] = [];
  const body = normalisedBody(post.body);
  if (body.length === 0) errors.push({ field: 'body', message: 'must not be empty', code: 'REQUIRED' });
  if (body.length > MAX_POST_LENGTH)
    errors.push({
      field: 'body',
      message: `must be at most ${MAX_POST_LENGTH} characters`,
      code: 'TOO_LONG',
      params: { max: MAX_POST_LENGTH },
    });
  post.mentionIds.forEach((id, index) => {
    if (!mentionable.has(id))
      errors.push({
        field: `mentionIds.${index}`,
        message: `${id} does not take part in this discussion`,
        code: 'NOT_A_PARTICIPANT',
        params: { id },
      });
  });
  return errors;
}

/** The people to tell about a post: mentioned now and not before (an edit tells only newcomers), never its author. */
export function newlyMentioned(authorId: string, before: readonly string[], after: readonly string[]): string[] {
  const told = new Set(before);
  return [...new Set(after)].filter((id) => id !== authorId && !told.has(id));
}
