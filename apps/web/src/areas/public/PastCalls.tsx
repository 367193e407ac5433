import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Call } from '../../api/types';
import { formatDate } from '../../shared/format';

/** Calls whose selected centres are published, latest deadline first, each with its cohort. */
export function PastCalls({ calls }: { calls: Call[] }) {
  const { t, i18n } = useTranslation('public');
  if (calls.length === 0) return null;
  return (
    <section aria-labelledby="past-calls">
      <Title order={2} id="past-calls" mt="xl" mb="xs">
        {t('home.pastTitle')}
      </Title>
      <Text mb="md">{t('home.pastIntro')}</Text>
      <Stack component="ul" gap="sm" p={0} style={{ listStyle: 'none' }}>
        {calls.map((call) => (
          <Paper component="li" key={call.id} withBorder p="md" radius="md">
            <Text size="sm" c="dimmed" fw={600}>
              {call.reference}
            </Text>
            <Anchor component={Link} to={`/calls/${call.id}`} fw={600}>
              {call.title}
            </Anchor>
            <Group gap="md" mt={4} wrap="wrap">
              <Text size="sm">{t('home.closedOn', { date: formatDate(call.closesAt, i18n.language) })}</Text>
              {call.publishedCohortId && (
                <Anchor
                  component={Link}
                  to={`/cohorts/${call.publishedCohortId}`}
                  size="sm"
                  aria-label={t('home.selectedCentresOf', { title: call.title })}
                >
                  {t('home.selectedCentres')}
                </Anchor>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
    </section>
  );
}
