import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Criterion } from '../../api/types';
import { formatPercent, formatScore } from '../../shared/format';
import { draftOf, type Evaluation } from './scoring/evaluation-draft';
import { evaluationTotal, weightShare, type Scale } from './scoring/total';

/** The narrowest a column reads well in, comments included; a phone scrolls the table, never the page. */
const CRITERION_COLUMN_WIDTH = 160;
const EVALUATION_COLUMN_WIDTH = 150;

interface EvaluationsTableProps {
  /** The reader's own evaluation first, then its colleagues' in the order they submitted. */
  evaluations: Evaluation[];
  ownEvaluatorId: string;
  criteria: Criterion[];
  scale: Scale;
  caption: string;
}

/**
 * Submitted evaluations side by side: a row per criterion (score, then its comment), then each
 * evaluator's total. Colleagues stay anonymous (A, B…): the API names none, and names would not help.
 */
export function EvaluationsTable({ evaluations, ownEvaluatorId, criteria, scale, caption }: EvaluationsTableProps) {
  const { t, i18n } = useTranslation('evaluator');
  const drafts = evaluations.map(draftOf);
  let colleague = 0;
  const names = evaluations.map((evaluation) =>
    evaluation.evaluatorId === ownEvaluatorId
      ? t('peers.you')
      : t('peers.colleague', { letter: String.fromCharCode(65 + colleague++) }),
  );
  // Focusable and named, so that a keyboard can scroll it and a screen reader says what it is.
  return (
    <Table.ScrollContainer
      type="native"
      minWidth={CRITERION_COLUMN_WIDTH + EVALUATION_COLUMN_WIDTH * evaluations.length}
      tabIndex={0}
      role="region"
      aria-label={caption}
    >
      <Table withTableBorder verticalSpacing="sm" captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('peers.criterion')}</Table.Th>
            {names.map((name) => (
              <Table.Th key={name} scope="col">
                {name}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {criteria.map((criterion) => (
            <Table.Tr key={criterion.code}>
              <Table.Th scope="row" fw={600} style={{ verticalAlign: 'top' }}>
                {criterion.title}
                <Text size="xs" c="dimmed">
                  {formatPercent(weightShare(criterion, criteria), i18n.language)}
                </Text>
              </Table.Th>
              {drafts.map((draft, index) => (
                <Table.Td key={names[index]} style={{ verticalAlign: 'top' }}>
                  <Stack gap={2}>
                    <Text fw={600}>{draft.scores[criterion.code] ?? '—'}</Text>
                    {draft.comments[criterion.code] && (
                      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                        {draft.comments[criterion.code]}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row">{t('peers.total')}</Table.Th>
            {drafts.map((draft, index) => (
              <Table.Td key={names[index]} fw={700}>
                {formatScore(evaluationTotal(criteria, draft.scores, scale).points, i18n.language)}
              </Table.Td>
            ))}
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row" style={{ verticalAlign: 'top' }}>
              {t('peers.overallComment')}
            </Table.Th>
            {drafts.map((draft, index) => (
              <Table.Td key={names[index]} style={{ whiteSpace: 'pre-line', verticalAlign: 'top' }}>
                {draft.overallComment || '—'}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
