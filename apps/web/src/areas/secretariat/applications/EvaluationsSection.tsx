import { Badge, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import type { Call } from '../../../api/types';
import { DateTime } from '../../../shared/DateTime';
import { formatNumber, formatScore } from '../../../shared/format';
import { ReasonDialog } from '../../../shared/ReasonDialog';
import { EmptyState } from '../../../shared/States';
import { ASSIGNMENT_STATUS_COLOURS } from '../../evaluator/AssignmentStatusBadge';
import { evaluationTotal, scaleOf } from '../../evaluator/scoring/total';
import { evaluationsMayChange, type ReviewedEvaluation } from './review';

/** The API takes reasons of at least this many characters. */
const MIN_REASON = 3;

/** Every evaluation of the application: who, how far, each criterion's score and comment, the total. */
export function EvaluationsSection({ evaluations, call }: { evaluations: ReviewedEvaluation[]; call: Call }) {
  const { t } = useTranslation('secretariat');
  return (
    <section aria-labelledby="evaluations">
      <Title order={2} id="evaluations" mb="sm">
        {t('application.evaluations.title')}
      </Title>
      {evaluations.length === 0 ? (
        <EmptyState>{t('application.evaluations.none')}</EmptyState>
      ) : (
        <Stack gap="md">
          {evaluations.map((evaluation) => (
            <EvaluationCard key={evaluation.assignmentId} evaluation={evaluation} call={call} />
          ))}
        </Stack>
      )}
    </section>
  );
}

function EvaluationCard({ evaluation, call }: { evaluation: ReviewedEvaluation; call: Call }) {
  const { t, i18n } = useTranslation('secretariat');
  const scores = Object.fromEntries(evaluation.scores.map((s) => [s.criterionCode, s.score]));
  const comments = new Map(evaluation.scores.map((s) => [s.criterionCode, s.comment]));
  const total = evaluationTotal(call.criteria, scores, scaleOf(call));
  const headingId = `evaluation-${evaluation.assignmentId}`;
  return (
    <Paper component="article" aria-labelledby={headingId} withBorder p="md" radius="md" data-testid="evaluation">
      <Group justify="space-between" align="flex-start" mb="sm" gap="sm">
        <Stack gap={4}>
          <Title order={3} size="h4" id={headingId}>
            {evaluation.evaluatorName || t('application.evaluations.unknownEvaluator')}
          </Title>
          <Group gap="xs">
            <Badge color={ASSIGNMENT_STATUS_COLOURS[evaluation.status]} variant="filled">
              {t(`application.evaluations.statuses.${evaluation.status}`)}
            </Badge>
            <Text size="sm">
              {evaluation.confidence
                ? t('application.evaluations.confidence', {
                    level: t(`application.evaluations.confidenceLevels.${evaluation.confidence}`),
                  })
                : t('application.evaluations.noConfidence')}
            </Text>
            {evaluation.submittedAt && (
              <Text size="sm" c="dimmed">
                {t('application.evaluations.submittedAt')} <DateTime value={evaluation.submittedAt} />
              </Text>
            )}
          </Group>
        </Stack>
        {evaluation.status === 'submitted' && evaluationsMayChange(call) && <ReopenButton evaluation={evaluation} />}
      </Group>
      <Table.ScrollContainer minWidth={320}>
        <Table withTableBorder verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('application.evaluations.criterion')}</Table.Th>
              <Table.Th scope="col" ta="end">
                {t('application.evaluations.score')}
              </Table.Th>
              <Table.Th scope="col">{t('application.evaluations.comment')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {call.criteria.map((criterion) => (
              <Table.Tr key={criterion.code}>
                <Table.Th scope="row" fw={600}>
                  {criterion.title}
                </Table.Th>
                <Table.Td ta="end">
                  {scores[criterion.code] === undefined ? '—' : formatNumber(scores[criterion.code], i18n.language)}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                  {comments.get(criterion.code) ?? '—'}
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th scope="row">{t('application.evaluations.total')}</Table.Th>
              <Table.Td ta="end" fw={700}>
                {total.complete ? formatScore(total.points, i18n.language) : '—'}
              </Table.Td>
              <Table.Td>
                {!total.complete && (
                  <Text size="sm" c="dimmed">
                    {t('application.evaluations.incomplete', { count: total.scored, total: call.criteria.length })}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm" fw={600} mt="sm">
        {t('application.evaluations.overallComment')}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
        {evaluation.overallComment || '—'}
      </Text>
    </Paper>
  );
}

/** Sends a submitted evaluation back to its evaluator as a draft, with a reason the evaluator is told. */
function ReopenButton({ evaluation }: { evaluation: ReviewedEvaluation }) {
  const { t } = useTranslation('secretariat');
  const revalidator = useRevalidator();
  const [opened, { open, close }] = useDisclosure(false);
  const name = evaluation.evaluatorName;
  return (
    <>
      <Button variant="default" size="compact-sm" onClick={open}>
        {t('application.evaluations.reopen')}
        <VisuallyHidden>{t('application.evaluations.reopenContext', { name })}</VisuallyHidden>
      </Button>
      <ReasonDialog
        opened={opened}
        onClose={close}
        title={t('application.evaluations.reopenTitle', { name })}
        explanation={t('application.evaluations.reopenExplanation', { name })}
        reasonLabel={t('application.evaluations.reopenReason')}
        reasonHint={t('application.evaluations.reopenReasonHint')}
        minLength={MIN_REASON}
        confirmLabel={t('application.evaluations.reopenConfirm')}
        onConfirm={async (reason) => {
          await ok(
            api.POST('/api/v1/assignments/{id}/evaluation/reopen', {
              params: { path: { id: evaluation.assignmentId } },
              body: { reason },
            }),
          );
          close();
          await revalidator.revalidate();
        }}
      />
    </>
  );
}
