import { Alert, Anchor, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Agreement, Application, Call, Clarification, Offer } from '../../api/types';
import { AnswerText } from '../../shared/AnswerText';
import { ClarificationsSection } from '../../shared/clarifications/ClarificationsSection';
import { DateTime } from '../../shared/DateTime';
import { AgreementSection } from './AgreementSection';
import { DocumentsSection } from './documents/DocumentsSection';
import { FeedbackSection } from './FeedbackSection';
import { OfferSection } from './OfferSection';
import { ReplyDecision } from './ReplyDecision';
import { StatusBadge } from './StatusBadge';
import { WithdrawButton } from './WithdrawButton';

/**
 * An application past its draft: where it stands, the questions put to it, the outcome and feedback
 * once published with the offer of a place and the cooperation agreement, what was sent.
 */
export function SubmittedApplication({
  application,
  call,
  clarifications,
  offer,
  agreement,
}: {
  application: Application;
  call: Call | null;
  clarifications: { items: Clarification[]; total: number; offset: number } | null;
  offer: Offer | null;
  agreement: Agreement | null;
}) {
  const { t } = useTranslation('applicant');
  return (
    <Stack gap="xl">
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="status">
        <Stack>
          <Group gap="sm">
            <Title order={2} id="status">
              {t('application.status')}
            </Title>
            <StatusBadge status={application.status} />
          </Group>
          {application.submittedAt && (
            <Text>
              {t('application.submittedAt')} <DateTime value={application.submittedAt} />
              {application.submittedBy &&
                ` ${t('application.submittedBy', { name: application.submittedBy.displayName })}`}
            </Text>
          )}
          {application.withdrawnAt && (
            <Text>
              {t('application.withdrawnAt')} <DateTime value={application.withdrawnAt} />
            </Text>
          )}
          <Eligibility application={application} />
          <Outcome application={application} call={call} />
          <ReplyDecision application={application} call={call} />
          {application.status === 'submitted' && <WithdrawButton applicationId={application.id} />}
        </Stack>
      </Paper>
      {offer && <OfferSection offer={offer} />}
      {agreement && <AgreementSection agreement={agreement} />}
      {clarifications && clarifications.total > 0 && (
        <ClarificationsSection
          reader="applicant"
          applicationId={application.id}
          clarifications={clarifications}
          mayAsk={false}
        />
      )}
      {application.feedback && <FeedbackSection feedback={application.feedback} call={call} />}
      <Answers application={application} call={call} />
      <DocumentsSection application={application} call={call} editable={false} />
    </Stack>
  );
}

function Eligibility({ application }: { application: Application }) {
  const { t } = useTranslation('applicant');
  const { eligibility } = application;
  if (!eligibility) return null;
  return (
    <div>
      <Text fw={600}>{eligibility.eligible ? t('eligibility.eligible') : t('eligibility.ineligible')}</Text>
      {eligibility.reasons.length > 0 && (
        <List size="sm">
          {eligibility.reasons.map((reason) => (
            <List.Item key={reason.code}>
              {t(`eligibility.reasons.${reason.code}` as 'eligibility.reasons.SECRETARIAT_DECISION', {
                defaultValue: reason.message,
              })}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}

/** The outcome, with the published list it refers to. */
function Outcome({ application, call }: { application: Application; call: Call | null }) {
  const { t } = useTranslation('applicant');
  if (!application.outcome) return null;
  const cohortId = call?.publishedCohortId;
  const colour = { selected: 'green', waitlisted: 'orange', not_selected: 'gray', withdrawn: 'gray' }[
    application.outcome
  ];
  return (
    // Mantine's light greens and oranges are below AA for a title: it takes the text colour.
    <Alert
      color={colour}
      variant="light"
      title={t(`outcome.${application.outcome}.title`)}
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
    >
      <Text size="sm">{t(`outcome.${application.outcome}.text`)}</Text>
      {cohortId && (
        <Anchor component={Link} to={`/cohorts/${encodeURIComponent(cohortId)}`} size="sm" mt="xs" display="block">
          {t('outcome.publishedList')}
        </Anchor>
      )}
    </Alert>
  );
}

function Answers({ application, call }: { application: Application; call: Call | null }) {
  const { t } = useTranslation('applicant');
  const keys = call ? call.questions.map((q) => q.key) : Object.keys(application.answers);
  const label = (key: string) => call?.questions.find((q) => q.key === key)?.label ?? key;
  return (
    <section aria-labelledby="answers">
      <Title order={2} id="answers" mb="sm">
        {t('application.answers')}
      </Title>
      <Table withTableBorder>
        <Table.Tbody>
          {keys.map((key) => (
            <Table.Tr key={key}>
              <Table.Th scope="row" w="35%" fw={600}>
                {label(key)}
              </Table.Th>
              <Table.Td style={{ whiteSpace: 'pre-line' }}>
                <AnswerText value={application.answers[key]} call={call} questionKey={key} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
