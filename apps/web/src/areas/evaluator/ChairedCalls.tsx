import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ok } from '../../api/client';
import { MAX_PAGE_SIZE, allPages } from '../../api/pages';
import { chairModerationPath } from './paths';

export type ChairedCall = Awaited<ReturnType<typeof chairedCalls>>[number];

/** Every call the signed-in evaluator chairs (a handful at most). */
export function chairedCalls() {
  return allPages((offset) =>
    ok(api.GET('/api/v1/moderation/chaired-calls', { params: { query: { limit: MAX_PAGE_SIZE, offset } } })),
  );
}

/** The calls the evaluator chairs, each linking to its moderation queue; nothing for one who chairs none. */
export function ChairedCalls({ calls }: { calls: ChairedCall[] }) {
  const { t } = useTranslation('evaluator');
  if (calls.length === 0) return null;
  return (
    <Paper component="section" aria-labelledby="chaired-calls" withBorder p="lg" radius="md">
      <Stack gap="sm">
        <Title order={2} id="chaired-calls">
          {t('chaired.title')}
        </Title>
        <Text>{t('chaired.intro')}</Text>
        <List>
          {calls.map((call) => (
            <List.Item key={call.callId}>
              <Anchor
                component={Link}
                to={chairModerationPath(call.callId)}
                aria-label={t('chaired.for', { call: call.title })}
              >
                {t('chaired.link')}
              </Anchor>
              <Text span>
                {' '}
                — {call.title} ({call.reference})
              </Text>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
}
