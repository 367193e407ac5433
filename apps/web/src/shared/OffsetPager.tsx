import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

interface OffsetPagerProps {
  /** What the pages are of, as the navigation landmark's name ("Pages of people"). */
  label: string;
  offset: number;
  total: number;
  pageSize: number;
  /** The address parameter of the page's offset: a page with two paged lists gives each its own. */
  parameter?: string;
}

/**
 * Previous and next pages of a list paged by its `offset` query parameter (or the one given), keeping
 * the page's other parameters (filters, sort); nothing when the list fits on one page.
 */
export function OffsetPager({ label, offset, total, pageSize, parameter = 'offset' }: OffsetPagerProps) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  if (total <= pageSize) return null;
  const link = (to: number) => {
    const next = new URLSearchParams(params);
    if (to > 0) next.set(parameter, String(to));
    else next.delete(parameter);
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
