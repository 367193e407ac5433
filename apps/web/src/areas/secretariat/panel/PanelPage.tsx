import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../../api/client';
import { requireStaff } from '../access';
import { readServerList } from '../list-search';
import { useCall } from '../call/call-route';
import { SectionTitle } from '../call/SectionTitle';
import { readStage } from '../stages/stages';
import { AddEvaluators } from './AddEvaluators';
import { applicationNames } from './application-names';
import { AutoAssignment } from './AutoAssignment';
import { CONFLICT_LIST, ConflictsSection } from './ConflictsSection';
import { MEMBER_LIST, PanelMembers } from './PanelMembers';

/**
 * The panel's two tables each page and sort on the server, each with address parameters of its own.
 * The whole panel is read too: adding evaluators, naming them in the conflicts and the assignment
 * report need every member, not a page.
 */
export async function panelLoader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const path = { params: { path: { id: params.callId ?? '' } } };
  const search = new URL(request.url).searchParams;
  const memberView = readServerList(search, MEMBER_LIST);
  const conflictView = readServerList(search, CONFLICT_LIST);
  const [panel, memberPage, conflictPage, names] = await Promise.all([
    ok(api.GET('/api/v1/calls/{id}/panel', path)),
    ok(
      api.GET('/api/v1/calls/{id}/panel/members', {
        params: { ...path.params, query: { ...memberView, limit: MEMBER_LIST.pageSize } },
      }),
    ),
    ok(
      api.GET('/api/v1/calls/{id}/conflicts', {
        params: { ...path.params, query: { ...conflictView, limit: CONFLICT_LIST.pageSize } },
      }),
    ),
    applicationNames(params.callId ?? ''),
  ]);
  return {
    members: panel.members,
    memberList: { ...memberPage, ...memberView },
    conflictList: { ...conflictPage, ...conflictView },
    names,
    stage: readStage(search),
  };
}

/** Who evaluates the call: the panel, the conflicts of interest, and the automatic assignment. */
export function PanelPage() {
  const { t } = useTranslation('secretariat');
  const call = useCall();
  const { members, memberList, conflictList, names, stage } = useLoaderData<typeof panelLoader>();
  return (
    <>
      <SectionTitle title={t('call.section.panel')} call={call} />
      <Stack gap="xl">
        <PanelMembers list={memberList} />
        <AddEvaluators members={members} />
        <ConflictsSection callId={call.id} members={members} list={conflictList} names={names} />
        <AutoAssignment key={stage} members={members} names={names} stage={stage} />
      </Stack>
    </>
  );
}
