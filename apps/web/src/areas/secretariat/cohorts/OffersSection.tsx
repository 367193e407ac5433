import { Alert, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../../api/client';
import { ConfirmedAction } from '../../../shared/ConfirmedAction';
import { DateTime } from '../../../shared/DateTime';
import { countryName } from '../../../shared/format';
import type { Cohort, CohortOffer, Replacement } from '../types';
import { exclusionReason } from './explanations';
import { PromoteOtherButton, WithdrawButton } from './OfferActions';

/** The offers of a published cohort (its seats are at most a few hundred) and the replacement for a freed seat. */
export async function loadOffers(cohortId: string): Promise<{ offers: CohortOffer[]; replacement: Replacement }> {
  const path = { params: { path: { id: cohortId } } };
  const [offers, replacement] = await Promise.all([
    ok(api.GET('/api/v1/cohorts/{id}/offers', { ...path, params: { ...path.params, query: { limit: 500 } } })),
    ok(api.GET('/api/v1/cohorts/{id}/replacement', path)),
  ]);
  return { offers: offers.items, replacement };
}

/**
 * After publication: each centre's offer and its answer, a centre on the list to withdraw, and, when
 * a decline, an expiry or a withdrawal has freed a seat, the replacement the platform proposes within
 * the call's caps and minimums, to promote (or another candidate, with a reason).
 */
interface OffersProps {
  cohort: Cohort;
  offers: CohortOffer[];
  replacement: Replacement;
}

export function OffersSection({ cohort, offers, replacement }: OffersProps) {
  const { t, i18n } = useTranslation('secretariat');
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="offers">
      <Stack>
        <Title order={2} id="offers">
          {t('cohorts.offers.title')}
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table withTableBorder striped verticalSpacing="xs" aria-labelledby="offers">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('cohorts.offers.centre')}</Table.Th>
                <Table.Th scope="col">{t('cohorts.offers.status')}</Table.Th>
                <Table.Th scope="col">{t('cohorts.offers.respondBy')}</Table.Th>
                <Table.Th scope="col">{t('cohorts.offers.answeredAt')}</Table.Th>
                <Table.Th scope="col">{t('cohorts.offers.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {offers.map((offer) => (
                <Table.Tr key={offer.applicationId}>
                  <Table.Th scope="row">
                    {offer.centre.name}
                    <Text size="xs" c="dimmed">
                      {countryName(offer.centre.countryCode, i18n.language)}
                    </Text>
                  </Table.Th>
                  <Table.Td>{t(`cohorts.offers.statuses.${offer.status}`)}</Table.Td>
                  <Table.Td>
                    <DateTime value={offer.respondBy} />
                  </Table.Td>
                  <Table.Td>{offer.respondedAt ? <DateTime value={offer.respondedAt} /> : '—'}</Table.Td>
                  <Table.Td>
                    {(offer.status === 'offered' || offer.status === 'accepted') && (
                      <WithdrawButton cohortId={cohort.id} offer={offer} />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ReplacementProposal cohort={cohort} offers={offers} replacement={replacement} />
      </Stack>
    </Paper>
  );
}

function ReplacementProposal({ cohort, offers, replacement }: OffersProps) {
  const { t, i18n } = useTranslation('secretariat');
  if (replacement.freeSeats === 0) return <Text>{t('cohorts.offers.allHeld')}</Text>;
  const { proposed, passedOver } = replacement;
  const organisation = (entry: { organisationName: string; countryCode: string; region: string }) => ({
    name: entry.organisationName,
    city: null,
    countryCode: entry.countryCode,
    region: entry.region as Cohort['members'][number]['organisation']['region'],
  });
  return (
    <Alert color="blue" variant="light" title={t('cohorts.offers.freeSeats', { count: replacement.freeSeats })}>
      {proposed ? (
        <Stack gap="sm">
          <Text inherit>
            {t('cohorts.offers.proposed', {
              name: proposed.organisationName,
              rank: proposed.rank,
              country: countryName(proposed.countryCode, i18n.language),
            })}
          </Text>
          {passedOver.length > 0 && (
            <>
              <Text inherit>{t('cohorts.offers.passedOver')}</Text>
              <List>
                {passedOver.map((entry) => (
                  <List.Item key={entry.applicationId}>
                    {entry.organisationName} ({t('cohorts.offers.rank', { rank: entry.rank })}):{' '}
                    {exclusionReason({ reason: entry.reason, organisation: organisation(entry) }, cohort.constraints)}
                  </List.Item>
                ))}
              </List>
            </>
          )}
          <Group gap="sm">
            <ConfirmedAction
              label={t('cohorts.offers.promote', { name: proposed.organisationName })}
              title={t('cohorts.offers.promoteTitle', { name: proposed.organisationName })}
              explanation={t('cohorts.offers.promoteExplanation')}
              confirmLabel={t('cohorts.offers.promoteConfirm')}
              action={() =>
                ok(
                  api.POST('/api/v1/cohorts/{id}/promotions', {
                    params: { path: { id: cohort.id } },
                    body: { applicationId: proposed.applicationId },
                  }),
                )
              }
            />
            <PromoteOtherButton cohort={cohort} offers={offers} proposedId={proposed.applicationId} />
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Text inherit>{t('cohorts.offers.noCandidate')}</Text>
          <div>
            <PromoteOtherButton cohort={cohort} offers={offers} proposedId={null} />
          </div>
        </Stack>
      )}
    </Alert>
  );
}
