import { Badge, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/format';
import { formatCompactDateTime } from '../format';
import type { ScoringStatus } from '../types';
import { useRevalidateEvery } from './useRevalidateEvery';

/** Often enough to see pending evaluations go down, rarely enough to leave the API alone. */
const POLL_MILLISECONDS = 3000;

/** Whether the results reflect every submitted evaluation; followed live until they do. */
export function ScoringStatusPanel({ status }: { status: ScoringStatus }) {
  const { t, i18n } = useTranslation('secretariat');
  useRevalidateEvery(POLL_MILLISECONDS, !status.upToDate);
  return (
    <Paper withBorder p="md" radius="md">
      {/* A live region, so that a screen reader hears the results catch up. */}
      <Group gap="sm" aria-live="polite">
        <Badge color={status.upToDate ? 'teal.9' : 'blue.9'} variant="filled" size="lg">
          {status.upToDate
            ? t('scoring.status.upToDate')
            : t('scoring.status.pending', {
                count: status.pending,
                formatted: formatNumber(status.pending, i18n.language),
              })}
        </Badge>
        <Text size="sm">
          {status.lastComputedAt
            ? t('scoring.status.lastComputedAt', { time: formatCompactDateTime(status.lastComputedAt, i18n.language) })
            : t('scoring.status.neverComputed')}
        </Text>
      </Group>
    </Paper>
  );
}
