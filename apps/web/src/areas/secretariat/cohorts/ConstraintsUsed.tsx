import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../../api/types';
import { formatNumber, formatScore } from '../../../shared/format';
import { REGIONS } from '../../../shared/regions';
import type { Cohort } from '../types';
import { FactList } from '../../../shared/FactList';

/** The rules this proposal was computed under, as the API recorded them. */
export function ConstraintsUsed({ constraints }: { constraints: Cohort['constraints'] }) {
  const { t, i18n } = useTranslation(['secretariat', 'common']);
  const number = (value: number | undefined) =>
    value === undefined ? t('cohorts.constraints.none') : formatNumber(value, i18n.language);
  const byRegion = (limits: Record<string, number> | undefined) => {
    const set = REGIONS.filter((region: Region) => limits?.[region] !== undefined);
    if (set.length === 0) return t('cohorts.constraints.none');
    return set.map((region) => `${t(`common:regions.${region}`)} ${number(limits?.[region])}`).join(', ');
  };
  const facts: Array<[string, string]> = [
    [t('cohorts.propose.size'), number(constraints.size)],
    [t('cohorts.propose.maxPerCountry'), number(constraints.maxPerCountry)],
    [
      t('cohorts.propose.minScore'),
      constraints.minScore === undefined
        ? t('cohorts.constraints.none')
        : formatScore(constraints.minScore, i18n.language),
    ],
    [t('cohorts.constraints.evaluations'), number(constraints.evaluatorsPerApplication)],
    [t('cohorts.propose.waitlistSize'), number(constraints.waitlistSize ?? 0)],
    [t('cohorts.constraints.minPerRegion'), byRegion(constraints.minPerRegion)],
    [t('cohorts.constraints.maxPerRegion'), byRegion(constraints.maxPerRegion)],
  ];
  return (
    <section aria-labelledby="constraints">
      <Title order={2} id="constraints" mb="sm">
        {t('cohorts.constraints.title')}
      </Title>
      <FactList facts={facts} cols={{ base: 1, sm: 2, md: 4 }} />
    </section>
  );
}
