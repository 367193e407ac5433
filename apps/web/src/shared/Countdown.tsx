import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDuration } from './format';
import { useNow } from './useNow';

const DAY = 86_400_000;

/**
 * The time left until a deadline, kept current. A timer role is silent for screen readers (they
 * would otherwise hear every tick); the deadline itself is always written next to it.
 */
export function Countdown({ deadline }: { deadline: string }) {
  const { t, i18n } = useTranslation();
  const now = useNow(1000);
  const left = new Date(deadline).getTime() - now;
  if (left <= 0) {
    return (
      <Text component="span" fw={600} c="red.9">
        {t('countdown.closed')}
      </Text>
    );
  }
  return (
    <Text component="span" role="timer" fw={600} c={left < DAY ? 'red.9' : undefined}>
      {t('countdown.left', { time: formatDuration(left, i18n.language) })}
    </Text>
  );
}
