import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeProblem } from '../../../shared/problems';
import type { SaveState } from './useEvaluationDraft';

/** Whether the scores are saved, and when the API last confirmed a save; told politely as it changes. */
export function SaveStatus({
  state,
  savedAt,
  onRetry,
}: {
  state: SaveState;
  savedAt: string | null;
  onRetry: () => void;
}) {
  const { t, i18n } = useTranslation('evaluator');
  const time = savedAt
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(savedAt))
    : null;
  const message =
    state.status === 'failed'
      ? t('save.failed', { reason: describeProblem(state.problem).message })
      : state.status === 'saved'
        ? time
          ? t('save.savedAt', { time })
          : t('save.nothingYet')
        : t(`save.${state.status}`);
  return (
    <Group gap="sm" role="status" aria-live="polite" data-save-status={state.status}>
      <Text size="sm" c={state.status === 'failed' ? 'red.9' : 'dimmed'}>
        {message}
      </Text>
      {state.status === 'failed' && (
        <Button size="compact-sm" variant="default" onClick={onRetry}>
          {t('save.retry')}
        </Button>
      )}
    </Group>
  );
}
