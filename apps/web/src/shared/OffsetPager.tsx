import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

interface OffsetPagerProps {
  /** What the pages are of, as the navigation landmark's name ("Pages of people"). */
  label: string;
  offset: number;
  total: number;
  pageSize: number;
}

/**
 * Previous and next pages of a list paged by its `offset` query parameter, keeping the page's other
 * parameters (filters, sort); nothing when the list fits on one page.
 */
export function OffsetPager({ label, offset, total, pageSize }: OffsetPagerProps) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  if (total <= pageSize) return null;
  const link = (to: number) => {
    const next = new URLSearchParams(params);
    if (to > 0) next.set('offset', String(to));
    else next.delete('offset');
    return `?${next.toString()}`;
  };
  const pages = Math.ceil(total / pageSize);
  const page = Math.floor(offset / pageSize) + 1;
  return (
    <Group component="nav" aria-label={label} mt="md" gap="lg">
      {page > 1 && (
        <Anchor component={Link} to={link(Math.max(0, offset - pageSize))}>
          {t('pager.previous')}
        </Anchor>
      )}
      <Text size="sm">{t('pager.page', { page, pages })}</Text>
      {page < pages && (
        <Anchor component={Link} to={link(offset + pageSize)}>
          {t('pager.next')}
        </Anchor>
      )}
    </Group>
  );
}
