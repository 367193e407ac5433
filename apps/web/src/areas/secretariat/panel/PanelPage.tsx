import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../../api/client';
import { MAX_PAGE_SIZE, allPages } from '../../../api/pages';
import { requireStaff } from '../access';
import { useCall } from '../call/call-route';
import { SectionTitle } from '../call/SectionTitle';
import { AddEvaluators } from './AddEvaluators';
import { applicationNames } from './application-names';
import { AutoAssignment } from './AutoAssignment';
import { ConflictsSection } from './ConflictsSection';
import { PanelMembers } from './PanelMembers';

export async function panelLoader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const path = { params: { path: { id: params.callId ?? '' } } };
  const [panel, conflicts, names] = await Promise.all([
    ok(api.GET('/api/v1/calls/{id}/panel', path)),
    allPages((offset) =>
      ok(
        api.GET('/api/v1/calls/{id}/conflicts', {
          params: { ...path.params, query: { limit: MAX_PAGE_SIZE, offset } },
        }),
      ),
    ),
    applicationNames(params.callId ?? ''),
  ]);
  return { members: panel.members, conflicts, names };
}

/** Who evaluates the call: the panel, the conflicts of interest, and the automatic assignment. */
export function PanelPage() {
  const { t } = useTranslation('secretariat');
  const call = useCall();
  const { members, conflicts, names } = useLoaderData<typeof panelLoader>();
  return (
    <>
      <SectionTitle title={t('call.section.panel')} call={call} />
      <Stack gap="xl">
        <PanelMembers members={members} />
        <AddEvaluators members={members} />
        <ConflictsSection callId={call.id} members={members} conflicts={conflicts} names={names} />
        <AutoAssignment members={members} names={names} />
      </Stack>
    </>
  );
}
