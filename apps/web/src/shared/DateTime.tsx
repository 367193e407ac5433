import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { GENEVA_TIME_ZONE, formatDateTime, readerTimeZone } from './format';

/**
 * A moment as the reader lives it and as Geneva does (deadlines are set in Geneva): "Friday
 * 12 March 2027 at 18:00 (your time, Asia/Tokyo) — 10:00 in Geneva".
 */
export function DateTime({ value }: { value: string }) {
  const { t, i18n } = useTranslation();
  const zone = readerTimeZone();
  const local = formatDateTime(value, i18n.language, zone);
  const geneva = formatDateTime(value, i18n.language, GENEVA_TIME_ZONE);
  if (local === geneva) {
    return (
      <Text component="span" inherit>
        <time dateTime={value}>{local}</time> {t('time.genevaOnly')}
      </Text>
    );
  }
  return (
    <Text component="span" inherit>
      <time dateTime={value}>{local}</time> {t('time.readerZone', { zone })}
      <Text component="span" inherit c="dimmed">
        {' — '}
        {t('time.inGeneva', { time: geneva })}
      </Text>
    </Text>
  );
}
