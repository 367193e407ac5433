import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../../api/client';
import { MAX_PAGE_SIZE, allPages } from '../../../api/pages';
import { requireStaff } from '../access';
import { readChoice } from '../list-search';
import { useCall } from '../call/call-route';
import { SectionTitle } from '../call/SectionTitle';
import { AddEvaluators } from './AddEvaluators';
import { applicationNames } from './application-names';
import { AutoAssignment } from './AutoAssignment';
import { CONFLICT_SORTS, ConflictsSection, DEFAULT_CONFLICT_SORT } from './ConflictsSection';
import { PanelMembers } from './PanelMembers';

export async function panelLoader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const path = { params: { path: { id: params.callId ?? '' } } };
  const sort = readChoice(new URL(request.url).searchParams, 'sort', CONFLICT_SORTS, DEFAULT_CONFLICT_SORT);
  const [panel, conflicts, names] = await Promise.all([
    ok(api.GET('/api/v1/calls/{id}/panel', path)),
    allPages((offset) =>
      ok(
        api.GET('/api/v1/calls/{id}/conflicts', {
          params: { ...path.params, query: { limit: MAX_PAGE_SIZE, offset, sort } },
        }),
      ),
    ),
    applicationNames(params.callId ?? ''),
  ]);
  return { members: panel.members, conflicts, names, sort };
}

/** Who evaluates the call: the panel, the conflicts of interest, and the automatic assignment. */
export function PanelPage() {
  const { t } = useTranslation('secretariat');
  const call = useCall();
  const { members, conflicts, names, sort } = useLoaderData<typeof panelLoader>();
  return (
    <>
      <SectionTitle title={t('call.section.panel')} call={call} />
      <Stack gap="xl">
        <PanelMembers members={members} />
        <AddEvaluators members={members} />
        <ConflictsSection callId={call.id} members={members} conflicts={conflicts} names={names} sort={sort} />
        <AutoAssignment members={members} names={names} />
      </Stack>
    </>
  );
}
