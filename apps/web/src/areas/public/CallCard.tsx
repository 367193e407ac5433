import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Call } from '../../api/types';
import { Countdown } from '../../shared/Countdown';
import { DateTime } from '../../shared/DateTime';
import { CallText, inReaderLanguage } from '../../shared/call-texts';
import { CriteriaTable } from './CriteriaTable';

/** An open call at a glance: what it is, how applications are judged, and the time left. */
export function CallCard({ call: read }: { call: Call }) {
  const { t } = useTranslation('public');
  const call = inReaderLanguage(read);
  return (
    <Paper withBorder p="lg" radius="md" component="article" aria-labelledby={`call-${call.id}`}>
      <Stack gap="sm">
        <div>
          <Text size="sm" c="dimmed" fw={600}>
            {call.reference}
          </Text>
          <Title order={2} id={`call-${call.id}`}>
            <Anchor component={Link} to={`/calls/${call.id}`} inherit>
              <CallText call={call} field="title">
                {call.title}
              </CallText>
            </Anchor>
          </Title>
        </div>
        <Text lineClamp={3} style={{ whiteSpace: 'pre-line' }}>
          <CallText call={call} field="description">
            {call.description}
          </CallText>
        </Text>
        <Group gap="xs" wrap="wrap">
          <Text fw={600}>{t('call.deadline')}</Text>
          <DateTime value={call.closesAt} />
        </Group>
        <Countdown deadline={call.closesAt} />
        <CriteriaTable criteria={call.criteria} headingLevel={3} call={call} />
      </Stack>
    </Paper>
  );
}
