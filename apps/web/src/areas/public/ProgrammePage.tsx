import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../api/client';
import { DateTime } from '../../shared/DateTime';
import { CallText } from '../../shared/call-texts';
import { countryName } from '../../shared/format';
import { PageTitle } from '../../shared/PageTitle';
import { SessionTime } from '../../shared/SessionTime';

export async function programmeLoader({ params }: LoaderFunctionArgs) {
  const programme = await ok(
    api.GET('/api/v1/public/calls/{id}/programme', { params: { path: { id: params.callId ?? '' } } }),
  );
  return { programme };
}

/**
 * A registration call's programme, public once the secretariat confirms the allocation: each
 * session at its time in Geneva with its speakers, in the allocation's order. The titles are in the
 * reader's language (the client's Accept-Language), each marked where it is shown in English.
 */
export function ProgrammePage() {
  const { t, i18n } = useTranslation('public');
  const { programme } = useLoaderData<typeof programmeLoader>();
  const texts = { localized: { language: programme.language, fallback: programme.fallback } };
  return (
    <>
      <PageTitle title={t('programme.title', { call: programme.title })} overline={programme.reference}>
        <Anchor component={Link} to={`/calls/${encodeURIComponent(programme.callId)}`} size="sm">
          {t('programme.back')}
        </Anchor>
      </PageTitle>
      <Stack gap="lg">
        <Text size="sm">
          {t('programme.confirmedAt')} <DateTime value={programme.confirmedAt} />
        </Text>
        {programme.sessions.map((session) => (
          <Paper
            key={session.key}
            withBorder
            p="lg"
            radius="md"
            component="section"
            aria-labelledby={`session-${session.key}`}
          >
            <Title order={2} id={`session-${session.key}`} size="h3">
              <CallText call={texts} field={`sessions.${session.key}.title`}>
                {session.title}
              </CallText>
            </Title>
            <Text mb="sm">
              <SessionTime startsAt={session.startsAt} endsAt={session.endsAt} />
            </Text>
            {session.speakers.length === 0 ? (
              <Text c="dimmed">{t('programme.noSpeakers')}</Text>
            ) : (
              <>
                <Text fw={600} size="sm">
                  {t('programme.speakers', { count: session.speakers.length })}
                </Text>
                <List>
                  {session.speakers.map((speaker, index) => (
                    <List.Item key={`${speaker.organisationName}-${index}`}>
                      {speaker.organisationName}{' '}
                      <Text span c="dimmed" size="sm">
                        ({countryName(speaker.countryCode, i18n.language)})
                      </Text>
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </Paper>
        ))}
      </Stack>
    </>
  );
}
