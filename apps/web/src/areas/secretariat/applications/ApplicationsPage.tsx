import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../../api/client';
import { countryName } from '../../../shared/format';
import { OffsetPager } from '../../../shared/OffsetPager';
import { EmptyState } from '../../../shared/States';
import { StatusBadge } from '../../applicant/StatusBadge';
import { requireStaff } from '../access';
import { callPath, useCall } from '../call/call-route';
import { SectionTitle } from '../call/SectionTitle';
import { ExportButtons } from '../ExportButtons';
import { SortableHeader } from '../SortableHeader';
import { formatCompactDateTime } from '../format';
import type { CallApplication } from '../types';
import { ApplicationFilters } from './ApplicationFilters';
import { BulkActions, RowCheckbox, SelectAllCheckbox, useSelection, type Selection } from './BulkActions';
import { DEFAULT_APPLICATION_SORT, exportQuery, readFilters, type Filters } from './application-filters';
import { EligibilityBadge } from './EligibilityBadge';

const PAGE_SIZE = 25;

/** One request: the API filters, searches, sorts and pages, and names who applied. */
export async function applicationsLoader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const filters = readFilters(new URL(request.url).searchParams);
  const [page, countries] = await Promise.all([
    ok(
      api.GET('/api/v1/calls/{id}/applications', {
        params: { path: { id: params.callId ?? '' }, query: { ...filters, limit: PAGE_SIZE } },
      }),
    ),
    ok(api.GET('/api/v1/countries')),
  ]);
  return { applications: page.items, total: page.total, filters, countries };
}

/** The call's applications, filtered and a page at a time; each one's page decides its eligibility. */
export function ApplicationsPage() {
  const { t } = useTranslation('secretariat');
  const call = useCall();
  const { applications, total, filters, countries } = useLoaderData<typeof applicationsLoader>();
  const selection = useSelection(applications.map((a) => a.id));
  return (
    <>
      <SectionTitle title={t('call.section.applications')} call={call} />
      <ApplicationFilters filters={filters} countries={countries} />
      <ExportButtons table="applications" query={exportQuery(filters)} />
      {applications.length === 0 ? (
        <EmptyState>{t('applications.none')}</EmptyState>
      ) : (
        <>
          <BulkActions callId={call.id} applications={applications} selection={selection} />
          <ApplicationsTable applications={applications} total={total} filters={filters} selection={selection} />
          <OffsetPager label={t('applications.pages')} offset={filters.offset} total={total} pageSize={PAGE_SIZE} />
        </>
      )}
    </>
  );
}

interface TableProps {
  applications: CallApplication[];
  total: number;
  filters: Filters;
  selection: Selection;
}

function ApplicationsTable({ applications, total, filters, selection }: TableProps) {
  const { t, i18n } = useTranslation(['secretariat', 'common']);
  const call = useCall();
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped withTableBorder verticalSpacing="xs" captionSide="top">
        <Table.Caption>
          {t('applications.caption', { first: filters.offset + 1, last: filters.offset + applications.length, total })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={40}>
              <SelectAllCheckbox selection={selection} rows={applications.length} />
            </Table.Th>
            <SortedBy column="organisation" sort={filters.sort} />
            <SortedBy column="country" sort={filters.sort} />
            <Table.Th scope="col">{t('applications.region')}</Table.Th>
            <SortedBy column="status" sort={filters.sort} />
            <Table.Th scope="col">{t('applications.eligibility')}</Table.Th>
            <SortedBy column="submittedAt" sort={filters.sort} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {applications.map((application) => (
            <Table.Tr key={application.id}>
              <Table.Td>
                <RowCheckbox selection={selection} application={application} />
              </Table.Td>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={callPath(call.id, `applications/${application.id}`)} size="sm" fw={600}>
                  {application.organisation.name}
                </Anchor>
              </Table.Th>
              <Table.Td>{countryName(application.countryCode, i18n.language)}</Table.Td>
              <Table.Td>{t(`common:regions.${application.region}`)}</Table.Td>
              <Table.Td>
                <StatusBadge status={application.status} />
              </Table.Td>
              <Table.Td>
                <EligibilityBadge application={application} />
              </Table.Td>
              <Table.Td>
                {application.submittedAt ? formatCompactDateTime(application.submittedAt, i18n.language) : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A header that sorts the list by its column, on the server. */
function SortedBy({ column, sort }: { column: 'organisation' | 'country' | 'status' | 'submittedAt'; sort?: string }) {
  const { t } = useTranslation('secretariat');
  return (
    <SortableHeader
      label={t(`applications.${column}`)}
      sortKey={column}
      sort={sort ?? DEFAULT_APPLICATION_SORT}
      defaultSort={DEFAULT_APPLICATION_SORT}
      pageParameter="offset"
    />
  );
}
