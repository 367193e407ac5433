import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../../api/client';
import { formatNumber } from '../../../shared/format';
import { requireStaff } from '../access';
import { readServerList } from '../list-search';
import { useCall } from '../call/call-route';
import { SectionTitle } from '../call/SectionTitle';
import { StageSelector } from '../stages/StageSelector';
import { readStage, stageQuery, stageSettings } from '../stages/stages';
import { AddEvaluators } from './AddEvaluators';
import { applicationNames } from './application-names';
import { AutoAssignment } from './AutoAssignment';
import { CONFLICT_LIST, ConflictsSection } from './ConflictsSection';
import { MEMBER_LIST, PanelMembers } from './PanelMembers';

/**
 * The panel's two tables each page and sort on the server, each with address parameters of its own.
 * The whole panel is read too: adding evaluators, naming them in the conflicts and the assignment
 * report need every member, not a page. The panel is the one the chosen stage assigns from.
 */
export async function panelLoader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const path = { params: { path: { id: params.callId ?? '' } } };
  const search = new URL(request.url).searchParams;
  const stage = readStage(search);
  const memberView = readServerList(search, MEMBER_LIST);
  const conflictView = readServerList(search, CONFLICT_LIST);
  const [panel, callPanel, memberPage, conflictPage, names] = await Promise.all([
    ok(api.GET('/api/v1/calls/{id}/panel', { params: { ...path.params, query: stageQuery(stage) } })),
    // The conflicts are the call's whichever stage is shown, so their evaluators are named from the call's panel.
    stage === 1 ? null : ok(api.GET('/api/v1/calls/{id}/panel', path)),
    ok(
      api.GET('/api/v1/calls/{id}/panel/members', {
        params: { ...path.params, query: { ...memberView, limit: MEMBER_LIST.pageSize, ...stageQuery(stage) } },
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
    ownPanel: panel.ownPanel,
    callMembers: (callPanel ?? panel).members,
    memberList: { ...memberPage, ...memberView },
    conflictList: { ...conflictPage, ...conflictView },
    names,
    stage,
  };
}

/** Who evaluates the call, or its chosen stage: the panel, the conflicts of interest, and the automatic assignment. */
export function PanelPage() {
  const { t, i18n } = useTranslation('secretariat');
  const call = useCall();
  const { members, ownPanel, callMembers, memberList, conflictList, names, stage } =
    useLoaderData<typeof panelLoader>();
  const stageName = stageSettings(call, stage).name;
  return (
    <>
      <SectionTitle title={t('call.section.panel')} call={call} />
      <StageSelector stage={stage} />
      {stage > 1 && (
        <Text mb="md">
          {ownPanel
            ? t('panel.stage.own', {
                stage: stageName,
                count: members.length,
                formatted: formatNumber(members.length, i18n.language),
              })
            : t('panel.stage.call', { stage: stageName })}
        </Text>
      )}
      {/* Another stage's sections start afresh: no evaluators chosen, problem or assignment report kept. */}
      <Stack gap="xl" key={stage}>
        <PanelMembers list={memberList} stage={stage} ownPanel={ownPanel} />
        <AddEvaluators members={members} stage={stage} ownPanel={ownPanel} />
        <ConflictsSection callId={call.id} members={callMembers} list={conflictList} names={names} />
        <AutoAssignment members={members} names={names} stage={stage} />
      </Stack>
    </>
  );
}
