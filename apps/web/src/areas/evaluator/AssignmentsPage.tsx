import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLoaderData, useLocation, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../api/client';
import { requireUser } from '../../app/guards';
import { PageTitle } from '../../shared/PageTitle';
import { EmptyState } from '../../shared/States';
import { noticeOf, type AssignmentNotice } from './actions/notice';
import { CallAssignments } from './CallAssignments';
import { ChairedCalls, chairedCalls } from './ChairedCalls';
import { myAssignmentsByCall } from './my-assignments';
import { SuccessAlert } from './SuccessAlert';
import { WorkloadSummary } from './WorkloadSummary';

export async function assignmentsLoader({ request }: LoaderFunctionArgs) {
  await requireUser(request, ['evaluator']);
  const [groups, workload, chaired] = await Promise.all([
    myAssignmentsByCall(),
    ok(api.GET('/api/v1/me/assignments/workload', {})),
    chairedCalls(),
  ]);
  return { groups, workload, chaired };
}

export function AssignmentsPage() {
  const { t } = useTranslation('evaluator');
  const { groups, workload, chaired } = useLoaderData<typeof assignmentsLoader>();
  const notice = noticeOf(useLocation().state);
  return (
    <>
      <PageTitle title={t('assignments.title')}>
        <Text c="dimmed">{t('assignments.intro')}</Text>
      </PageTitle>
      <Stack gap="xl">
        {notice && <NoticeAlert notice={notice} />}
        <WorkloadSummary workload={workload} />
        <ChairedCalls calls={chaired} />
        {groups.length === 0 ? (
          <EmptyState>{t('assignments.none')}</EmptyState>
        ) : (
          groups.map((group) => <CallAssignments key={group.call.id} group={group} />)
        )}
      </Stack>
    </>
  );
}

/** Confirms what became of an assignment the evaluator gave back; announced politely. */
function NoticeAlert({ notice }: { notice: AssignmentNotice }) {
  const { t } = useTranslation('evaluator');
  return (
    <SuccessAlert role="status" title={t(`notices.${notice.kind}.title`)}>
      {t(`notices.${notice.kind}.text`, { organisation: notice.organisation })}
    </SuccessAlert>
  );
}
