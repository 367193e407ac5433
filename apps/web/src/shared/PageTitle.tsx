import { Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface PageTitleProps {
  title: string;
  overline?: string;
  /** The browser tab's title when the h1 alone would be ambiguous (e.g. a section of one call). */
  documentTitle?: string;
  /** The title's language when it is not the page's (a call's title shown in English for want of a translation). */
  titleLang?: string;
  children?: ReactNode;
}

/**
 * The page's one h1, also its document title. It takes the focus after each navigation (see
 * Layout), so a screen reader announces the new page.
 */
export function PageTitle({ title, overline, documentTitle, titleLang, children }: PageTitleProps) {
  const { t } = useTranslation();
  useDocumentTitle(`${documentTitle ?? title} · ${t('app.name')}`);
  return (
    <Stack gap={4} mb="lg">
      {overline && (
        <Text c="dimmed" size="sm" fw={600}>
          {overline}
        </Text>
      )}
      <Title order={1} tabIndex={-1} data-page-title lang={titleLang}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}
