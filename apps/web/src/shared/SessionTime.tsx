import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { GENEVA_TIME_ZONE } from './format';

/**
 * When a session is held, in Geneva's time (where the sessions are): "Monday 4 May 2040, 09:00–10:30
 * (Geneva time)"; the end's date only when it is another day.
 */
export function SessionTime({ startsAt, endsAt }: { startsAt: string; endsAt?: string | null }) {
  const { t, i18n } = useTranslation();
  const full = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: GENEVA_TIME_ZONE,
  });
  const day = (iso: string) =>
    new Intl.DateTimeFormat('en', { dateStyle: 'short', timeZone: GENEVA_TIME_ZONE }).format(new Date(iso));
  const hour = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short', timeZone: GENEVA_TIME_ZONE });
  const start = full.format(new Date(startsAt));
  const end = endsAt ? (day(endsAt) === day(startsAt) ? hour : full).format(new Date(endsAt)) : null;
  return (
    <Text component="span" inherit>
      <time dateTime={startsAt}>{start}</time>
      {end && (
        <>
          {' – '}
          <time dateTime={endsAt!}>{end}</time>
        </>
      )}{' '}
      {t('time.genevaOnly')}
    </Text>
  );
}
