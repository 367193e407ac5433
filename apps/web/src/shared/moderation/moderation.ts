import { api, ok } from '../../api/client';
import type { components } from '../../api/schema';
import { loadNamespace } from '../../i18n';

export type ModerationQueuePage = components['schemas']['ModerationQueueDto'];
export type QueueEntry = components['schemas']['ModerationQueueEntryDto'];
export type Outcome = components['schemas']['ResolveDto']['outcome'];

export const MODERATION_PAGE_SIZE = 50;
export const OUTCOMES: Outcome[] = ['scores_stand', 'revisit', 'consensus'];

/**
 * For loaders: the page of the call's queue the address asks for (`?offset=`), widest spread first,
 * with the moderation catalogue, which the secretariat's and the chair's pages share.
 */
export async function moderationQueue(request: Request, callId: string) {
  const offset = Math.max(0, Number(new URL(request.url).searchParams.get('offset')) || 0);
  const [queue] = await Promise.all([
    ok(
      api.GET('/api/v1/calls/{id}/moderation/queue', {
        params: { path: { id: callId }, query: { limit: MODERATION_PAGE_SIZE, offset, sort: '-spread' } },
      }),
    ),
    loadNamespace('moderation'),
  ]);
  return { queue, offset };
}
