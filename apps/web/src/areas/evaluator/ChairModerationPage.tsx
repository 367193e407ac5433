import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { requireUser } from '../../app/guards';
import { ModerationQueue } from '../../shared/moderation/ModerationQueue';
import { moderationQueue } from '../../shared/moderation/moderation';
import { PageTitle } from '../../shared/PageTitle';
import { allMyAssignments, callOfAssignment } from './my-assignments';
import { assignmentPath } from './paths';

export async function chairModerationLoader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, ['evaluator']);
  const callId = params.callId ?? '';
  // The queue first: it answers 403 NOT_MODERATOR to a panel member who does not chair the call.
  const { queue, offset } = await moderationQueue(request, callId);
  const [call, assignments] = await Promise.all([callOfAssignment(callId), allMyAssignments()]);
  // The chair reads an application, and its discussion, where it evaluated it.
  const ownAssignments = Object.fromEntries(
    assignments.filter((a) => a.callId === callId).map((a) => [a.applicationId, a.id]),
  );
  return { call: { id: call.id, title: call.title, reference: call.reference }, queue, offset, ownAssignments };
}

/** The moderation queue of a call the signed-in panel member chairs, resolved as the secretariat does. */
export function ChairModerationPage() {
  const { t } = useTranslation('moderation');
  const { call, queue, offset, ownAssignments } = useLoaderData<typeof chairModerationLoader>();
  return (
    <>
      <PageTitle title={t('title')} overline={call.title} documentTitle={`${t('title')} · ${call.reference}`} />
      <Stack gap="md">
        <Text>{t('chairIntro', { call: call.title })}</Text>
        <ModerationQueue
          callId={call.id}
          queue={queue}
          offset={offset}
          applicationPath={(entry) => {
            const own = ownAssignments[entry.applicationId];
            return own ? assignmentPath(own) : null;
          }}
        />
      </Stack>
    </>
  );
}
