import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoaderData, useRevalidator, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../api/client';
import type { Notification } from '../../api/types';
import { requireUser } from '../../app/guards';
import { formatDateTime } from '../../shared/format';
import { PageTitle } from '../../shared/PageTitle';
import { EmptyState } from '../../shared/States';

export async function notificationsLoader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const page = await ok(api.GET('/api/v1/me/notifications', { params: { query: { limit: 100 } } }));
  return { notifications: page.items };
}

/** The user's messages, newest first; each was also sent by e-mail. */
export function NotificationsPage() {
  const { t } = useTranslation(['account', 'common']);
  const { notifications } = useLoaderData<typeof notificationsLoader>();
  return (
    <>
      <PageTitle title={t('inbox.title')}>
        <Text>{t('inbox.intro')}</Text>
      </PageTitle>
      {notifications.length === 0 ? (
        <EmptyState>{t('inbox.none')}</EmptyState>
      ) : (
        <Stack component="ul" p={0} style={{ listStyle: 'none' }}>
          {notifications.map((notification) => (
            <li key={notification.id}>
              <NotificationItem notification={notification} />
            </li>
          ))}
        </Stack>
      )}
    </>
  );
}

function NotificationItem({ notification }: { notification: Notification }) {
  const { t, i18n } = useTranslation(['account', 'common']);
  const revalidator = useRevalidator();
  const [marking, setMarking] = useState(false);
  const unread = notification.readAt === null;
  const markRead = async () => {
    setMarking(true);
    await ok(api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id: notification.id } } })).finally(
      () => setMarking(false),
    );
    await revalidator.revalidate();
  };
  return (
    <Paper withBorder p="md" radius="md" component="article" lang={notification.locale}>
      <Group justify="space-between" align="flex-start">
        <Title order={2} size="h4">
          {notification.subject}
        </Title>
        {unread && <Badge color="blue.9">{t('inbox.unread')}</Badge>}
      </Group>
      <Text size="sm" c="dimmed" mb="xs" lang={i18n.language}>
        {formatDateTime(notification.createdAt, i18n.language)}
      </Text>
      <Text style={{ whiteSpace: 'pre-line' }}>
        <WithLinks text={notification.body} />
      </Text>
      {unread && (
        <Button
          variant="default"
          size="compact-sm"
          mt="sm"
          loading={marking}
          onClick={() => void markRead()}
          lang={i18n.language}
        >
          {t('inbox.markRead')}
        </Button>
      )}
    </Paper>
  );
}

/** The body with its web addresses as links (an outcome's published list); long ones wrap on a phone. */
function WithLinks({ text }: { text: string }) {
  return text.split(/(https?:\/\/\S+)/).map((part, i) =>
    i % 2 === 1 ? (
      <Anchor key={i} href={part} style={{ overflowWrap: 'anywhere' }}>
        {part}
      </Anchor>
    ) : (
      part
    ),
  );
}
