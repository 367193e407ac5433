import { Code, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client';
import type { components } from '../../api/schema';
import { DateTime } from '../../shared/DateTime';
import { CentresTable } from './MembersByRegion';

export type CohortAmendment = components['schemas']['CohortAmendmentDto'];
export type CurrentCohort = components['schemas']['CurrentCohortDto'];

/** The list as it stands and every amendment since publication (a cohort has a handful of them). */
export async function loadHistory(cohortId: string) {
  const path = { params: { path: { id: cohortId } } };
  const [current, amendments] = await Promise.all([
    ok(api.GET('/api/v1/public/cohorts/{id}/current', path)),
    ok(api.GET('/api/v1/public/cohorts/{id}/amendments', { params: { ...path.params, query: { limit: 500 } } })),
  ]);
  return { current, amendments: amendments.items };
}

/**
 * What changed since publication, beside the published document that the rest of the page shows
 * unchanged: the current list, then each amendment with its reason (a withdrawal's) and its hash,
 * which names the one before, so that the history verifies from the published fingerprint.
 */
export function CohortHistory({ current, amendments }: { current: CurrentCohort; amendments: CohortAmendment[] }) {
  const { t } = useTranslation('public');
  if (amendments.length === 0) return null;
  return (
    <>
      <section aria-labelledby="current-list">
        <Title order={2} id="current-list" mb="sm">
          {t('history.currentTitle')}
        </Title>
        <Stack gap="sm">
          <Text>{t('history.currentIntro', { count: current.amendments, selected: current.members.length })}</Text>
          <CentresTable centres={current.members} labelledBy="current-list" />
        </Stack>
      </section>
      <section aria-labelledby="amendments">
        <Title order={2} id="amendments" mb="sm">
          {t('history.title')}
        </Title>
        <Stack gap="sm">
          <Text>{t('history.intro')}</Text>
          <Table.ScrollContainer minWidth={720}>
            <Table striped withTableBorder verticalSpacing="xs" aria-labelledby="amendments">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('history.sequence')}</Table.Th>
                  <Table.Th scope="col">{t('history.change')}</Table.Th>
                  <Table.Th scope="col">{t('history.at')}</Table.Th>
                  <Table.Th scope="col">{t('history.reason')}</Table.Th>
                  <Table.Th scope="col">{t('history.hash')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {amendments.map((amendment) => (
                  <Table.Tr key={amendment.sequence}>
                    <Table.Td>{amendment.sequence}</Table.Td>
                    <Table.Td>{t(`history.kinds.${amendment.kind}`, { name: amendment.centre.name })}</Table.Td>
                    <Table.Td>
                      <DateTime value={amendment.at} />
                    </Table.Td>
                    <Table.Td>{amendment.reason ?? '—'}</Table.Td>
                    <Table.Td>
                      <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>{amendment.hash}</Code>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      </section>
    </>
  );
}
