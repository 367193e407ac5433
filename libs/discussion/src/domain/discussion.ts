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
  /** The person's number among the application's evaluators (1, 2…); null for the secretariat. */
  evaluatorNumber: number | null;
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

/** How an evaluator who may not see names reads the secretariat, whoever of it wrote. */
export const SECRETARIAT_PSEUDONYM = 'Secretariat';

/** How an evaluator who may not see names reads another evaluator of the application: this and its number. */
export const EVALUATOR_PSEUDONYM_PREFIX = 'Evaluator ';

export function evaluatorPseudonym(number: number): string {
  return `${EVALUATOR_PSEUDONYM_PREFIX}${number}`;
}

/**
 * The secretariat sees who wrote, and so does the call's chair (who moderates the panel's
 * disagreements); other evaluators judge each other's arguments, not their authors, and in a blind
 * call must not learn who else reviews.
 */
export function seesNames(reader: { staff: boolean; chair: boolean }): boolean {
  return reader.staff || reader.chair;
}

/**
 * How a reader sees the people of one application's thread: each evaluator has its number, in the
 * order they were first assigned to the application (so it never changes); anyone else is the
 * secretariat.
 */
export interface NameView {
  namesShown: boolean;
  evaluatorNumbers: ReadonlyMap<string, number>;
}

/** A person as the reader sees it: by name, or as "Evaluator n" or the secretariat. */
export function personAsSeen(view: NameView, person: { id: string; displayName: string }): PersonRef {
  const evaluatorNumber = view.evaluatorNumbers.get(person.id) ?? null;
  if (view.namesShown) return { id: person.id, displayName: person.displayName, evaluatorNumber };
  const displayName = evaluatorNumber === null ? SECRETARIAT_PSEUDONYM : evaluatorPseudonym(evaluatorNumber);
  return { id: person.id, displayName, evaluatorNumber };
}

/** A post as the reader sees it: its author (as the part it took) and its mentions as `personAsSeen` names them. */
export function postAsSeen(view: NameView, post: DiscussionPost): DiscussionPost {
  const author =
    post.authorKind === 'secretariat'
      ? {
          id: post.author.id,
          displayName: view.namesShown ? post.author.displayName : SECRETARIAT_PSEUDONYM,
          evaluatorNumber: null,
        }
      : personAsSeen(view, post.author);
  return { ...post, author, mentions: post.mentions.map((person) => personAsSeen(view, person)) };
}

export function versionAsSeen(view: NameView, version: DiscussionPostVersion): DiscussionPostVersion {
  return { ...version, mentions: version.mentions.map((person) => personAsSeen(view, person)) };
}
