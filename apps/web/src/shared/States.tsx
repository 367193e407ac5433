import { Center, Loader, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status">
      <Loader aria-hidden size="sm" me="sm" />
      <Text>{t('states.loading')}</Text>
    </Center>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Text c="dimmed">{children}</Text>
    </Paper>
  );
}
