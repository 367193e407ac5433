import { Blockquote, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Application, Call } from '../../api/types';
import { formatNumber, formatScore } from '../../shared/format';

type Feedback = NonNullable<Application['feedback']>;

/** What the evaluations said, as publication released it: never who said it. */
export function FeedbackSection({ feedback, call }: { feedback: Feedback; call: Call | null }) {
  const { t, i18n } = useTranslation('applicant');
  const score = (value: number) => formatScore(value, i18n.language);
  const outOf = call ? ` / ${formatNumber(call.scoring.scaleMax, i18n.language)}` : '';
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="feedback">
      <Stack>
        <Title order={2} id="feedback">
          {t('feedback.title')}
        </Title>
        <Group gap="xl">
          {feedback.score !== null && <Text>{t('feedback.score', { score: score(feedback.score) })}</Text>}
          {feedback.rank !== null && <Text>{t('feedback.rank', { rank: feedback.rank })}</Text>}
          <Text>{t('feedback.evaluations', { count: feedback.evaluationCount })}</Text>
        </Group>
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('feedback.criterion')}</Table.Th>
              <Table.Th scope="col">{t('feedback.meanScore')}</Table.Th>
              <Table.Th scope="col">{t('feedback.comments')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {feedback.criteria.map((criterion) => (
              <Table.Tr key={criterion.code}>
                <Table.Th scope="row" fw={600}>
                  {criterion.title}
                </Table.Th>
                <Table.Td>{`${score(criterion.meanScore)}${outOf}`}</Table.Td>
                <Table.Td>
                  {criterion.comments.length === 0 ? (
                    <Text c="dimmed">{t('feedback.noComment')}</Text>
                  ) : (
                    criterion.comments.map((comment, i) => (
                      <Text key={i} style={{ whiteSpace: 'pre-line' }}>
                        {comment}
                      </Text>
                    ))
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {feedback.comments.length > 0 && (
          <Stack gap="xs">
            <Title order={3}>{t('feedback.overall')}</Title>
            {feedback.comments.map((comment, i) => (
              <Blockquote key={i} p="sm" style={{ whiteSpace: 'pre-line' }}>
                {comment}
              </Blockquote>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
