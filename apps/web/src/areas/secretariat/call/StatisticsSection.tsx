import { Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationType } from '../../../api/types';
import { FactList } from '../../../shared/FactList';
import { formatNumber } from '../../../shared/format';
import { REGIONS } from '../../../shared/regions';
import { formatCompactDateTime } from '../format';
import { ComponentsNotice } from '../scoring/ComponentsNotice';
import type { Calibration, CallStatistics } from '../types';

/**
 * The call's figures from GET /calls/:id/statistics: intake, spread, and how far the evaluation is;
 * `children` (the stage chosen, whose agreement between evaluators it gives) under the heading. A
 * registration call's replies are confirmed or declined, not evaluated.
 */
export function StatisticsSection({
  statistics,
  registration = false,
  children,
}: {
  statistics: CallStatistics;
  registration?: boolean;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation(['secretariat', 'common']);
  const { applications, assignments } = statistics;
  const evaluations = t('statistics.evaluations', {
    submitted: formatNumber(assignments.submitted, i18n.language),
    total: formatNumber(assignments.total, i18n.language),
  });
  const figures: Array<[string, number]> = [
    [t('statistics.submitted'), applications.submitted],
    [t('statistics.eligible'), applications.eligible],
    [t('statistics.ineligible'), applications.ineligible],
    [t('statistics.drafts'), applications.draft],
    [t('statistics.withdrawn'), applications.withdrawn],
    [t('statistics.countries'), statistics.countries],
    ...(registration
      ? ([
          [t('statistics.confirmed'), applications.confirmed],
          [t('statistics.declined'), applications.declined],
        ] as Array<[string, number]>)
      : []),
  ];
  return (
    <section aria-labelledby="statistics">
      <Title order={2} id="statistics" mb="sm">
        {t('statistics.title')}
      </Title>
      {children}
      <Stack gap="lg">
        <SimpleGrid component="dl" cols={{ base: 2, sm: 3, md: 6 }} m={0}>
          {figures.map(([label, value]) => (
            <Paper key={label} withBorder p="sm" radius="md">
              <Text component="dt" size="sm" c="dimmed">
                {label}
              </Text>
              <Text component="dd" m={0} fz={28} fw={700}>
                {formatNumber(value, i18n.language)}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
        {!registration && (
          <div>
            <Text fw={600}>{evaluations}</Text>
            <Progress
              value={assignments.total > 0 ? (100 * assignments.submitted) / assignments.total : 0}
              aria-label={evaluations}
              size="lg"
              mt={4}
            />
            <Text size="sm" c="dimmed" mt={4}>
              {statistics.interRaterReliability === null
                ? t('statistics.reliabilityUnknown')
                : t('statistics.reliability', {
                    alpha: formatNumber(statistics.interRaterReliability, i18n.language, { maximumFractionDigits: 2 }),
                  })}
            </Text>
          </div>
        )}
        {statistics.calibration && <CalibrationFacts calibration={statistics.calibration} />}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <CountsTable
            caption={t('statistics.byRegion')}
            label={t('statistics.region')}
            rows={REGIONS.map((region) => [t(`common:regions.${region}`), statistics.byRegion[region] ?? 0])}
          />
          <CountsTable
            caption={t('statistics.byType')}
            label={t('statistics.type')}
            rows={Object.entries(statistics.byOrganisationType).map(([type, count]) => [
              t(`common:organisationTypes.${type as OrganisationType}`),
              count,
            ])}
          />
        </SimpleGrid>
      </Stack>
    </section>
  );
}

/**
 * A calibrated stage's fit in short: its ridge λ, how the solve went, how connected the evaluations
 * are, and the bootstrap behind the rank intervals (seed, replicates, cohort size K, whether current).
 */
function CalibrationFacts({ calibration }: { calibration: Calibration }) {
  const { t, i18n } = useTranslation('secretariat');
  const number = (value: number | null) => (value === null ? '—' : formatNumber(value, i18n.language));
  const { uncertainty } = calibration;
  const facts: Array<[string, string]> = [
    [t('calibration.facts.ridge'), number(calibration.ridge)],
    [t('calibration.facts.iterations'), number(calibration.iterations)],
    [
      t('calibration.facts.residual'),
      formatNumber(calibration.relativeResidual, i18n.language, { notation: 'scientific', maximumFractionDigits: 1 }),
    ],
    [t('calibration.facts.evaluations'), number(calibration.evaluations)],
    [t('calibration.facts.components'), number(calibration.components)],
    [t('calibration.facts.connected'), t(calibration.connected ? 'calibration.facts.yes' : 'calibration.facts.no')],
    [t('calibration.facts.fittedAt'), formatCompactDateTime(calibration.fittedAt, i18n.language)],
    [t('calibration.facts.status'), t(`calibration.status.${uncertainty.status}`)],
    // A seed is an identifier rather than a quantity: written without grouping.
    [t('calibration.facts.seed'), uncertainty.seed === null ? '—' : String(uncertainty.seed)],
    [t('calibration.facts.replicates'), number(uncertainty.replicates)],
    [t('calibration.facts.cohortSize'), number(uncertainty.cohortSize)],
    [
      t('calibration.facts.computedAt'),
      uncertainty.computedAt === null ? '—' : formatCompactDateTime(uncertainty.computedAt, i18n.language),
    ],
  ];
  return (
    <section aria-labelledby="calibration">
      <Title order={3} id="calibration" size="h4" mb="xs">
        {t('calibration.title')}
      </Title>
      <Stack gap="sm">
        <ComponentsNotice calibration={calibration} />
        <FactList facts={facts} cols={{ base: 2, sm: 3, md: 4 }} />
      </Stack>
    </section>
  );
}

function CountsTable({ caption, label, rows }: { caption: string; label: string; rows: Array<[string, number]> }) {
  const { t, i18n } = useTranslation('secretariat');
  return (
    <Table withTableBorder striped verticalSpacing={4} captionSide="top">
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{label}</Table.Th>
          <Table.Th scope="col" ta="end">
            {t('statistics.applications')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([name, count]) => (
          <Table.Tr key={name}>
            <Table.Th scope="row" fw={400}>
              {name}
            </Table.Th>
            <Table.Td ta="end">{formatNumber(count, i18n.language)}</Table.Td>
          </Table.Tr>
        ))}
        {rows.length === 0 && (
          <Table.Tr>
            <Table.Td colSpan={2}>{t('statistics.noneYet')}</Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}
