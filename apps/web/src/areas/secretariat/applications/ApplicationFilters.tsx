import { Anchor, Button, Group, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Form, Link } from 'react-router';
import type { Country } from '../../../api/types';
import { countryLabel } from '../../../shared/format';
import { REGIONS } from '../../../shared/regions';
import { ListSearchInput } from '../ListSearchInput';
import { APPLICATION_SORTS, ELIGIBILITIES, SORT_VALUES, STATUSES, type Filters } from './application-filters';

/**
 * A plain GET form: choosing and then pressing the button filters, so nothing moves while choosing;
 * the search alone applies itself once typing pauses.
 */
export function ApplicationFilters({ filters, countries }: { filters: Filters; countries: Country[] }) {
  const { t, i18n } = useTranslation(['secretariat', 'applicant', 'common']);
  const collator = new Intl.Collator(i18n.language);
  const countryOptions = countries
    .map((c) => ({ value: c.code, label: countryLabel(c, i18n.language) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  const any = { value: '', label: t('applications.any') };
  // Not keyed by the search, so that the field keeps its focus while a search it started applies.
  const { search: _search, ...chosen } = filters;
  return (
    <Form method="get" key={JSON.stringify(chosen)} aria-label={t('applications.filters')}>
      <Group align="flex-end" gap="sm" mb="md">
        <ListSearchInput
          label={t('applications.search')}
          description={t('applications.searchHint')}
          parameter="search"
          pageParameter="offset"
          value={filters.search ?? ''}
        />
        <NativeSelect
          name="status"
          label={t('applications.status')}
          defaultValue={filters.status ?? ''}
          data={[any, ...STATUSES.map((s) => ({ value: s, label: t(`applicant:status.${s}`) }))]}
        />
        <NativeSelect
          name="eligibility"
          label={t('applications.eligibility')}
          defaultValue={filters.eligibility ?? ''}
          data={[any, ...ELIGIBILITIES.map((e) => ({ value: e, label: t(`applications.eligibilityOptions.${e}`) }))]}
        />
        <NativeSelect
          name="region"
          label={t('applications.region')}
          defaultValue={filters.region ?? ''}
          data={[any, ...REGIONS.map((r) => ({ value: r, label: t(`common:regions.${r}`) }))]}
        />
        <NativeSelect
          name="countryCode"
          label={t('applications.country')}
          defaultValue={filters.countryCode ?? ''}
          data={[any, ...countryOptions]}
        />
        <NativeSelect
          name="sort"
          label={t('applications.sort')}
          defaultValue={filters.sort ?? 'createdAt'}
          data={SORT_VALUES.map((value) => ({
            value,
            label: t(`applications.sortOptions.${APPLICATION_SORTS[value]}`),
          }))}
        />
        <Button type="submit" variant="default">
          {t('applications.filter')}
        </Button>
        <Anchor component={Link} to="." size="sm" mb={8}>
          {t('applications.clearFilters')}
        </Anchor>
      </Group>
    </Form>
  );
}
