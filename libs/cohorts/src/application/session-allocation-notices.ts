import { Call, sessionTitlesOf, titlesOf } from '@app/calls';
import { notificationRequest } from '@app/notifications';
import type { Language } from '@app/platform/languages';
import { UNALLOCATED_REASON_TEXTS, genevaTimes, programmeTexts } from '../domain/session-allocation-texts';
import type { ListedAllocationEntry } from '../infrastructure/session-allocations.repository';

/**
 * Each replier's notice: its session and when, or why it has none (the secretariat's reason when
 * amended), then the programme, the sessions with their speakers, and where it is published.
 */
export function allocationNotices(call: Call, entries: ListedAllocationEntry[], programmeUrl: string) {
  const sessions = new Map(call.sessions.map((s) => [s.key, s]));
  const sessionTitles = sessionTitlesOf(call);
  const programme = programmeTexts(
    call.sessions.map((session) => ({
      title: sessionTitles.get(session.key) as Record<Language, string>,
      startsAt: session.startsAt,
      speakers: entries
        .filter((e) => e.sessionKey === session.key)
        .map((e) => `${e.organisationName} (${e.countryCode})`),
    })),
  );
  const common = { callReference: call.reference, callTitle: titlesOf(call), programme, programmeUrl };
  return entries.flatMap((entry) => {
    if (!entry.recipientId) return [];
    const session = entry.sessionKey ? sessions.get(entry.sessionKey) : undefined;
    if (session) {
      return [
        notificationRequest(entry.recipientId, 'session.allocated', {
          ...common,
          organisationName: entry.organisationName,
          sessionTitle: sessionTitles.get(session.key) ?? session.title,
          sessionTime: genevaTimes(session.startsAt),
        }),
      ];
    }
    const reason = entry.amendment?.reason ?? UNALLOCATED_REASON_TEXTS[entry.reason ?? 'SESSIONS_FULL'];
    return [
      notificationRequest(entry.recipientId, 'session.not_allocated', {
        ...common,
        organisationName: entry.organisationName,
        reason,
      }),
    ];
  });
}
