import { Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatScore } from '../../../shared/format';
import type { Total } from './total';

/**
 * The evaluator's total (DESIGN §5.1) as the form fills, out of 100. A polite live region: a
 * screen reader hears the new total once the evaluator pauses, not at every key.
 */
export function EvaluationTotal({ total, criteria }: { total: Total; criteria: number }) {
  const { t, i18n } = useTranslation('evaluator');
  const points = formatScore(total.points, i18n.language);
  return (
    <Paper withBorder p="md" radius="md" bg="gray.0">
      <Stack gap="xs">
        <Group justify="space-between" role="status" aria-live="polite" aria-atomic="true">
          <Text fw={700} size="lg" data-evaluation-total={total.points.toFixed(1)}>
            {t(total.complete ? 'total.complete' : 'total.partial', { points })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('total.scored', { scored: total.scored, count: criteria })}
          </Text>
        </Group>
        <Progress value={total.points} aria-hidden color="blue.9" />
        <Text size="sm" c="dimmed">
          {t('total.formula')}
        </Text>
      </Stack>
    </Paper>
  );
}
