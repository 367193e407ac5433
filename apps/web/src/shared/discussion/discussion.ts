import type { TFunction } from 'i18next';
import { api, ok } from '../../api/client';
import { MAX_PAGE_SIZE } from '../../api/pages';
import { ApiProblem } from '../../api/problem';
import type { components } from '../../api/schema';
import { loadNamespace } from '../../i18n';

type Schemas = components['schemas'];
export type DiscussionThread = Schemas['DiscussionThreadDto'];
export type DiscussionPost = Schemas['DiscussionPostDto'];
export type DiscussionPostVersion = Schemas['DiscussionPostVersionDto'];
export type Participant = Schemas['ParticipantDto'];
type Person = Schemas['PersonRefDto'];

/** The id of the thread's section, which mentions' e-mails link to (`#discussion`). */
export const DISCUSSION_SECTION = 'discussion';
/** The thread shows this many messages at a time, the oldest first. */
export const DISCUSSION_PAGE_SIZE = 20;
/** The query parameter of the page of the thread shown, so that the back button returns to it. */
export const DISCUSSION_PARAMETER = 'discussion';
/** The API's limit of a message, in characters. */
export const MAX_POST_LENGTH = 10_000;

export type Discussion =
  | { state: 'closed' }
  | {
      state: 'open';
      readerId: string;
      thread: DiscussionThread;
      posts: { items: DiscussionPost[]; total: number; offset: number };
      /** Whom the reader may mention: the secretariat and the evaluators who submitted (a handful). */
      participants: Participant[];
    };

/**
 * A person of the thread as the reader names it, in the reader's language: by name where the thread
 * shows names (to the secretariat and the call's chair), otherwise as "Evaluator n" or the secretariat.
 */
export function personName(person: Person, namesShown: boolean, t: TFunction<'discussion'>): string {
  if (namesShown) return person.displayName || t('unnamed');
  return person.evaluatorNumber === null ? t('kinds.secretariat') : evaluatorAlias(person.evaluatorNumber, t);
}

/** "Evaluator n": how evaluators read each other, and how a mention writes an evaluator into a message. */
export function evaluatorAlias(evaluatorNumber: number, t: TFunction<'discussion'>): string {
  return t('alias', { number: evaluatorNumber });
}

/** The page of the thread the address names (its first page otherwise). */
export function discussionOffset(request: Request): number {
  return Math.max(0, Number(new URL(request.url).searchParams.get(DISCUSSION_PARAMETER)) || 0);
}

/**
 * An application's thread for a page's loader, with its texts' catalogue; `closed` while the API
 * keeps it from the reader (an evaluator whose own evaluation is not submitted yet).
 */
export async function loadDiscussion(readerId: string, applicationId: string, offset: number): Promise<Discussion> {
  const path = { path: { id: applicationId } };
  try {
    const [thread, posts, participants] = await Promise.all([
      ok(api.GET('/api/v1/applications/{id}/discussion', { params: path })),
      ok(
        api.GET('/api/v1/applications/{id}/discussion/posts', {
          params: { ...path, query: { limit: DISCUSSION_PAGE_SIZE, offset } },
        }),
      ),
      ok(
        api.GET('/api/v1/applications/{id}/discussion/participants', {
          params: { ...path, query: { limit: MAX_PAGE_SIZE } },
        }),
      ),
      loadNamespace('discussion'),
    ]);
    return { state: 'open', readerId, thread, posts: { ...posts, offset }, participants: participants.items };
  } catch (problem) {
    if (problem instanceof ApiProblem && problem.code === 'DISCUSSION_AFTER_SUBMISSION') return closedDiscussion();
    throw problem;
  }
}

/** The thread of an evaluator who has not submitted its own evaluation: the page says why it is closed. */
export async function closedDiscussion(): Promise<Discussion> {
  await loadNamespace('discussion');
  return { state: 'closed' };
}
