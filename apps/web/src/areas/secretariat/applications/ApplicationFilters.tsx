import { Anchor, Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Form, Link } from 'react-router';
import type { Application, Country, Region } from '../../../api/types';
import { REGIONS } from '../../../shared/regions';
import type { ApplicationStatus } from '../types';

const STATUSES: ApplicationStatus[] = ['draft', 'submitted', 'withdrawn', 'selected', 'waitlisted', 'not_selected'];
const ELIGIBILITIES = ['eligible', 'ineligible'] as const;
type EligibilityFilter = (typeof ELIGIBILITIES)[number];

/** The filters the API applies itself (GET /calls/:id/applications). */
export interface ServerFilters {
  status?: ApplicationStatus;
  countryCode?: string;
  region?: Region;
}

/** The API filters by status, country and region only: eligibility and search apply in the page. */
export interface Filters extends ServerFilters {
  eligibility?: EligibilityFilter;
  search?: string;
  offset: number;
}

/** The filters in the page's address (so a filtered list can be bookmarked or shared); unknown values are ignored. */
export function readFilters(params: URLSearchParams): Filters {
  const status = params.get('status') as ApplicationStatus | null;
  const region = params.get('region') as Region | null;
  const eligibility = params.get('eligibility') as EligibilityFilter | null;
  const countryCode = params.get('countryCode');
  const search = params.get('search')?.trim();
  const offset = Number(params.get('offset'));
  return {
    ...(status && STATUSES.includes(status) ? { status } : {}),
    ...(region && REGIONS.includes(region) ? { region } : {}),
    ...(countryCode && /^[A-Z]{2}$/.test(countryCode) ? { countryCode } : {}),
    ...(eligibility && ELIGIBILITIES.includes(eligibility) ? { eligibility } : {}),
    ...(search ? { search } : {}),
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** Whether an application passes the filters the API does not apply; `searchable`: its organisation's name and city. */
export function matchesPageFilters(application: Application, searchable: string, filters: Filters): boolean {
  const { eligibility } = application;
  if (filters.eligibility && (!eligibility || eligibility.eligible !== (filters.eligibility === 'eligible')))
    return false;
  return !filters.search || searchable.toLocaleLowerCase().includes(filters.search.toLocaleLowerCase());
}

/** A plain GET form: choosing and then pressing the button filters, so nothing moves while choosing. */
export function ApplicationFilters({ filters, countries }: { filters: Filters; countries: Country[] }) {
  const { t, i18n } = useTranslation(['secretariat', 'applicant', 'common']);
  const collator = new Intl.Collator(i18n.language);
  const countryOptions = countries
    .map((c) => ({ value: c.code, label: i18n.language === 'fr' ? c.nameFr : c.nameEn }))
    .sort((a, b) => collator.compare(a.label, b.label));
  const any = { value: '', label: t('applications.any') };
  return (
    <Form method="get" key={JSON.stringify(filters)} aria-label={t('applications.filters')}>
      <Group align="flex-end" gap="sm" mb="md">
        <TextInput
          name="search"
          type="search"
          label={t('applications.search')}
          description={t('applications.searchHint')}
          defaultValue={filters.search ?? ''}
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
