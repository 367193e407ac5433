import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../api/client';
import { requireUser } from '../../app/guards';
import { DateTime } from '../../shared/DateTime';
import { countryName } from '../../shared/format';
import { CLARIFICATIONS_SECTION, ClarificationsSection } from '../../shared/clarifications/ClarificationsSection';
import { loadClarifications, mayAskAbout } from '../../shared/clarifications/load';
import { DiscussionSection } from '../../shared/discussion/DiscussionSection';
import {
  DISCUSSION_SECTION,
  closedDiscussion,
  discussionOffset,
  loadDiscussion,
} from '../../shared/discussion/discussion';
import { PageTitle } from '../../shared/PageTitle';
import { APPLICATION_SECTION, ApplicationReview } from './ApplicationReview';
import { AssignmentStatusBadge } from './AssignmentStatusBadge';
import { EvaluationSection } from './EvaluationSection';
import { GiveBackSection, GIVE_BACK_SECTION } from './GiveBackSection';
import { OverdueBadge } from './OverdueBadge';
import { callOfAssignment, myAssignment } from './my-assignments';
import { PEERS_SECTION, PeerScores, peerEvaluations } from './PeerScores';
import { EVALUATION_SECTION } from './scoring/ScoringForm';

export async function assignmentLoader({ request, params }: LoaderFunctionArgs) {
  const me = await requireUser(request, ['evaluator']);
  const { assignment, next } = await myAssignment(params.assignmentId ?? '');
  const [application, evaluation, call, clarifications] = await Promise.all([
    ok(api.GET('/api/v1/applications/{id}', { params: { path: { id: assignment.applicationId } } })),
    ok(api.GET('/api/v1/assignments/{id}/evaluation', { params: { path: { id: assignment.id } } })),
    callOfAssignment(assignment.callId),
    loadClarifications(assignment.applicationId, request),
  ]);
  // Colleagues' scores and the discussion open to an evaluator once its own evaluation is submitted.
  const submitted = evaluation.status === 'submitted';
  const [peers, discussion] = await Promise.all([
    submitted ? peerEvaluations(assignment.applicationId) : null,
    submitted ? loadDiscussion(me.id, assignment.applicationId, discussionOffset(request)) : closedDiscussion(),
  ]);
  return { assignment, next, application, evaluation, call, peers, discussion, clarifications };
}

/** One assignment: the application to read, the scoring form, colleagues' scores, and the ways out. */
export function AssignmentPage() {
  const { t, i18n } = useTranslation(['evaluator', 'common', 'discussion', 'clarifications']);
  const { assignment, next, application, evaluation, call, peers, discussion, clarifications } =
    useLoaderData<typeof assignmentLoader>();
  const { organisationName, countryCode } = assignment.application;
  const sections = [
    [APPLICATION_SECTION, t('application.title')],
    [CLARIFICATIONS_SECTION, t('clarifications:title')],
    [EVALUATION_SECTION, t('evaluation.title')],
    [PEERS_SECTION, t('peers.title')],
    [DISCUSSION_SECTION, t('discussion:title')],
    [GIVE_BACK_SECTION, t('giveBack.title')],
  ];
  return (
    <>
      <PageTitle
        title={organisationName}
        overline={t('assignment.overline', { reference: application.call.reference, call: application.call.title })}
        documentTitle={`${organisationName} · ${application.call.reference}`}
      >
        <Group gap="sm">
          <AssignmentStatusBadge status={evaluation.status} />
          <Text size="sm">
            {countryName(countryCode, i18n.language)} · {t(`common:regions.${application.region}`)}
          </Text>
          {application.submittedAt && (
            <Text size="sm" c="dimmed">
              {t('assignment.submittedAt')} <DateTime value={application.submittedAt} />
            </Text>
          )}
        </Group>
        {assignment.dueAt && (
          <Group gap="sm">
            <Text size="sm">
              {t('assignment.dueAt')} <DateTime value={assignment.dueAt} />
            </Text>
            {assignment.overdue && <OverdueBadge />}
          </Group>
        )}
      </PageTitle>
      <Stack gap="xl">
        <Group component="nav" aria-label={t('assignment.contents')} gap="md">
          {sections.map(([id, label]) => (
            <Anchor key={id} href={`#${id}`} size="sm">
              {label}
            </Anchor>
          ))}
        </Group>
        <ApplicationReview application={application} call={call} />
        <ClarificationsSection
          reader="evaluator"
          applicationId={assignment.applicationId}
          clarifications={clarifications}
          mayAsk={mayAskAbout(application.status, application.call.status)}
        />
        <EvaluationSection assignmentId={assignment.id} evaluation={evaluation} call={call} next={next} />
        <PeerScores own={evaluation} peers={peers} call={call} />
        <DiscussionSection applicationId={assignment.applicationId} discussion={discussion} />
        <GiveBackSection assignment={{ ...assignment, status: evaluation.status }} />
      </Stack>
    </>
  );
}
