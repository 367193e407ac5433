import { Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Call } from '../../api/types';
import { CallText } from '../../shared/call-texts';
import { SessionsTable } from '../../shared/SessionsTable';

/**
 * A registration call's sessions, with their time in Geneva and their seats (speaking slots); their
 * titles as `inReaderLanguage` gives them, each marked where it is shown in English.
 */
export function CallSessions({ call }: { call: Call }) {
  const { t } = useTranslation('public');
  if (call.sessions.length === 0) return null;
  return (
    <section aria-labelledby="sessions">
      <Title order={2} id="sessions" mb="xs">
        {t('sessions.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('sessions.intro')}
      </Text>
      <SessionsTable
        sessions={call.sessions}
        headers={{ session: t('sessions.session'), time: t('sessions.time'), capacity: t('sessions.capacity') }}
        title={(session) => (
          <CallText call={call} field={`sessions.${session.key}.title`}>
            {session.title}
          </CallText>
        )}
      />
    </section>
  );
}
