import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { DateTime } from '../../shared/DateTime';

export type Workload = components['schemas']['EvaluatorWorkloadDto'];

/** How many of the evaluator's evaluations are late, and when the next one is due; nothing when neither. */
export function WorkloadSummary({ workload }: { workload: Workload }) {
  const { t } = useTranslation('evaluator');
  return (
    <>
      {workload.overdue > 0 && (
        <Alert
          color="red"
          variant="light"
          title={t('assignments.overdueTitle')}
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
        >
          {t('assignments.overdueSummary', { count: workload.overdue })}
        </Alert>
      )}
      {workload.nextDueAt && (
        <Text>
          {t('assignments.nextDueLabel')} <DateTime value={workload.nextDueAt} />
        </Text>
      )}
    </>
  );
}
