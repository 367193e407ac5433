import { Alert, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/format';
import { useCall } from '../call/call-route';
import type { Cohort, CohortExclusion } from '../types';
import { AmendButton } from './AmendButton';
import { EntriesTable, type EntryRow } from './EntriesTable';
import { exclusionReason, memberReason } from './explanations';

/** Applications the secretariat cannot add: the API refuses withdrawn, ineligible and unscored ones. */
const NOT_ADDABLE: ReadonlySet<CohortExclusion['reason']> = new Set(['WITHDRAWN', 'INELIGIBLE']);

/**
 * The members, the waitlist and every other application, each with why it is where it is; on a
 * calibrated ranking, those of the grey zone marked, with what that means above the tables.
 */
export function ProposalTables({ cohort }: { cohort: Cohort }) {
  const { t, i18n } = useTranslation('secretariat');
  const call = useCall();
  const amendable = cohort.status === 'proposed';
  const exclusions = new Map(cohort.excluded.map((exclusion) => [exclusion.applicationId, exclusion]));
  const waitlisted = new Set(cohort.waitlist.map((entry) => entry.applicationId));
  const greyZone = new Set(cohort.greyZone);
  const reasonOutside = (applicationId: string) => {
    const exclusion = exclusions.get(applicationId);
    return exclusion ? exclusionReason(exclusion, cohort.constraints) : '';
  };

  // The final ranking's 90% intervals and chances of a seat, once scoring has computed them.
  const uncertain = [...cohort.members, ...cohort.waitlist].some((entry) => entry.uncertainty !== null);
  const members: EntryRow[] = cohort.members.map((entry) => ({ ...entry, reason: memberReason(entry) }));
  const waitlist: EntryRow[] = cohort.waitlist.map((entry) => ({
    ...entry,
    reason: reasonOutside(entry.applicationId),
  }));
  // The grey zone follows the ranking, not the proposal: one left out may be in it too.
  const others: EntryRow[] = cohort.excluded
    .filter((exclusion) => !waitlisted.has(exclusion.applicationId))
    .map((exclusion) => ({
      ...exclusion,
      inGreyZone: greyZone.has(exclusion.applicationId),
      reason: exclusionReason(exclusion, cohort.constraints),
    }));

  const amendButton = (change: 'add' | 'remove') => (row: EntryRow) => (
    <AmendButton callId={cohort.callId} cohortId={cohort.id} change={change} row={row} />
  );
  const addable = (row: EntryRow) =>
    row.rank !== null && !NOT_ADDABLE.has(exclusions.get(row.applicationId)?.reason ?? 'WITHDRAWN')
      ? amendButton('add')(row)
      : null;

  return (
    <>
      {greyZone.size > 0 && (
        <Alert color="blue" variant="light" title={t('cohorts.greyZone.title')}>
          <Text inherit>
            {t('cohorts.greyZone.explanation', {
              count: greyZone.size,
              formatted: formatNumber(greyZone.size, i18n.language),
              seats: formatNumber(cohort.constraints.size ?? call.cohortSize, i18n.language),
            })}
          </Text>
        </Alert>
      )}
      <section aria-labelledby="members">
        <Title order={2} id="members" mb="sm">
          {t('cohorts.members.title', { number: formatNumber(members.length, i18n.language) })}
        </Title>
        <EntriesTable
          labelledBy="members"
          rows={members}
          uncertain={uncertain}
          empty={t('cohorts.members.none')}
          action={amendable ? amendButton('remove') : undefined}
        />
      </section>
      <section aria-labelledby="waitlist">
        <Title order={2} id="waitlist" mb="sm">
          {t('cohorts.waitlist.title')}
        </Title>
        <EntriesTable
          labelledBy="waitlist"
          rows={waitlist}
          uncertain={uncertain}
          empty={t('cohorts.waitlist.none')}
          action={amendable ? amendButton('add') : undefined}
        />
      </section>
      <section aria-labelledby="excluded">
        <Title order={2} id="excluded" mb="sm">
          {t('cohorts.excluded.title')}
        </Title>
        <EntriesTable
          labelledBy="excluded"
          rows={others}
          empty={waitlist.length > 0 ? t('cohorts.excluded.none') : t('cohorts.excluded.everyoneSelected')}
          action={amendable ? addable : undefined}
        />
      </section>
    </>
  );
}
