import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeProblem } from '../../../shared/problems';
import type { SaveState } from './useAutosave';

/** Whether the typed answers are saved, told politely to screen readers as it changes. */
export function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { t } = useTranslation('applicant');
  return (
    <Group gap="sm" role="status" aria-live="polite" data-save-status={state.status}>
      <Text size="sm" c={state.status === 'failed' || state.status === 'conflict' ? 'red.9' : 'dimmed'}>
        {state.status === 'failed'
          ? t('save.failed', { reason: describeProblem(state.problem).message })
          : t(`save.${state.status}`)}
      </Text>
      {state.status === 'failed' && (
        <Button size="compact-sm" variant="default" onClick={onRetry}>
          {t('save.retry')}
        </Button>
      )}
    </Group>
  );
}
