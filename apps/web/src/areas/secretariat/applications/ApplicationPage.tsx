import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../../api/client';
import { downloadDocument } from '../../../api/download';
import { ApiProblem } from '../../../api/problem';
import type { Application, Call, Organisation } from '../../../api/types';
import { AnswerText } from '../../../shared/AnswerText';
import { ClarificationsSection } from '../../../shared/clarifications/ClarificationsSection';
import { loadClarifications, mayAskAbout } from '../../../shared/clarifications/load';
import { DateTime } from '../../../shared/DateTime';
import { DiscussionSection } from '../../../shared/discussion/DiscussionSection';
import { discussionOffset, loadDiscussion } from '../../../shared/discussion/discussion';
import { countryName, formatBytes } from '../../../shared/format';
import { documentKindLabel } from '../../../shared/labels';
import { PageTitle } from '../../../shared/PageTitle';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { asProblem } from '../../../shared/problems';
import { StatusBadge } from '../../applicant/StatusBadge';
import { requireStaff } from '../access';
import { callPath, useCall } from '../call/call-route';
import { EligibilityBadge } from './EligibilityBadge';
import { EligibilityOverride } from './EligibilityOverride';
import { eligibilityReason } from './eligibility-reason';
import { EvaluationsSection } from './EvaluationsSection';
import { HistorySection } from './HistorySection';
import { MembershipCategory } from './MembershipCategory';
import { organisation } from './organisations';
import { ReplyDecisionSection } from './ReplyDecisionSection';
import { HISTORY_PARAMETER, loadReview } from './review';
import { ScoresSection } from './ScoresSection';
import { FactList } from '../../../shared/FactList';

export async function applicationLoader({ request, params }: LoaderFunctionArgs) {
  const me = await requireStaff(request);
  const id = params.applicationId ?? '';
  const application = await ok(api.GET('/api/v1/applications/{id}', { params: { path: { id } } }));
  // The address names the call too: an application of another call is not found under this one.
  if (application.callId !== params.callId) throw new ApiProblem(404, { code: 'NOT_FOUND' });
  const historyOffset = Math.max(0, Number(new URL(request.url).searchParams.get(HISTORY_PARAMETER)) || 0);
  const [owner, review, clarifications, discussion] = await Promise.all([
    organisation(application.organisationId),
    loadReview(application.callId, id, historyOffset),
    loadClarifications(id, request),
    loadDiscussion(me.id, id, discussionOffset(request)),
  ]);
  return { application, organisation: owner, review, clarifications, discussion };
}

/**
 * One application as submitted: who, what they answered and sent; its eligibility, which the
 * secretariat may decide; its scores and every evaluation (which staff may reopen); and its history.
 */
export function ApplicationPage() {
  const { t } = useTranslation('secretariat');
  const call = useCall();
  const { application, organisation, review, clarifications, discussion } = useLoaderData<typeof applicationLoader>();
  const evaluatorNames = new Map(review.evaluations.map((e) => [e.assignmentId, e.evaluatorName]));
  return (
    <>
      <PageTitle
        title={organisation.name}
        overline={t('application.overline')}
        documentTitle={`${organisation.name} · ${call.reference}`}
      >
        <Anchor component={Link} to={callPath(call.id, 'applications')} size="sm">
          {t('application.back')}
        </Anchor>
      </PageTitle>
      <Stack gap="xl">
        <Summary application={application} organisation={organisation} />
        {/* A reply to a registration call is confirmed or declined, not scored. */}
        {call.kind === 'registration' ? (
          <ReplyDecisionSection application={application} call={call} />
        ) : (
          <>
            <ScoresSection scores={review.scores} call={call} />
            <EvaluationsSection evaluations={review.evaluations} call={call} />
          </>
        )}
        <DiscussionSection applicationId={application.id} discussion={discussion} />
        <Answers application={application} call={call} />
        <Documents application={application} />
        <ClarificationsSection
          reader="secretariat"
          applicationId={application.id}
          clarifications={clarifications}
          mayAsk={mayAskAbout(application.status, call.status)}
        />
        <HistorySection history={review.history} evaluatorNames={evaluatorNames} />
      </Stack>
    </>
  );
}

function Summary({ application, organisation }: { application: Application; organisation: Organisation }) {
  const { t, i18n } = useTranslation(['secretariat', 'common']);
  const facts: Array<[string, ReactNode]> = [
    [t('application.type'), t(`common:organisationTypes.${organisation.type}`)],
    [t('application.country'), countryName(organisation.countryCode, i18n.language)],
    [t('application.region'), t(`common:regions.${organisation.region}`)],
    [t('membership.label'), <MembershipCategory organisation={organisation} />],
    [t('application.city'), organisation.city ?? '—'],
    [
      t('application.website'),
      organisation.website ? <Anchor href={organisation.website}>{organisation.website}</Anchor> : '—',
    ],
    [t('application.submittedAt'), application.submittedAt ? <DateTime value={application.submittedAt} /> : '—'],
    ...(application.pseudonym ? [[t('application.pseudonym'), application.pseudonym] as [string, ReactNode]] : []),
  ];
  return (
    <Paper withBorder p="lg" radius="md">
      <Group gap="sm" mb="md">
        <StatusBadge status={application.status} />
        <EligibilityBadge application={application} />
        <EligibilityOverride application={application} organisationName={organisation.name} />
      </Group>
      {application.eligibility?.reasons.map((reason) => (
        <Text key={reason.code} size="sm" mb="xs">
          {eligibilityReason(reason)}
        </Text>
      ))}
      <FactList facts={facts} cols={{ base: 1, sm: 2, md: 3 }} />
    </Paper>
  );
}

function Answers({ application, call }: { application: Application; call: Call }) {
  const { t } = useTranslation('secretariat');
  return (
    <section aria-labelledby="answers">
      <Title order={2} id="answers" mb="sm">
        {t('application.answers')}
      </Title>
      <Table withTableBorder>
        <Table.Tbody>
          {call.questions.map((question) => (
            <Table.Tr key={question.key}>
              <Table.Th scope="row" w="35%">
                {question.label}
              </Table.Th>
              <Table.Td style={{ whiteSpace: 'pre-line' }}>
                <AnswerText value={application.answers[question.key]} call={call} questionKey={question.key} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}

function Documents({ application }: { application: Application }) {
  const { t, i18n } = useTranslation('secretariat');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  return (
    <section aria-labelledby="documents">
      <Title order={2} id="documents" mb="sm">
        {t('application.documents')}
      </Title>
      {problem && <ProblemAlert problem={problem} />}
      {application.documents.length === 0 ? (
        <Text c="dimmed">{t('application.noDocuments')}</Text>
      ) : (
        <Stack gap="xs">
          {application.documents.map((document) => (
            <Group key={document.id} gap="sm">
              <Button
                variant="default"
                size="compact-sm"
                onClick={() =>
                  void downloadDocument(application.id, document.id, document.filename).catch((error: unknown) =>
                    setProblem(asProblem(error)),
                  )
                }
              >
                {document.filename}
              </Button>
              <Text size="sm" c="dimmed">
                {documentKindLabel(document.kind)} · {formatBytes(document.size, i18n.language)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </section>
  );
}
