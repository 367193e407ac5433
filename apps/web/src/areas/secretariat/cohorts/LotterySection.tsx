import { Code, Group, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import { ConfirmedAction } from '../../../shared/ConfirmedAction';
import { formatNumber } from '../../../shared/format';
import { asProblem } from '../../../shared/problems';
import { formatCompactDateTime } from '../format';
import type { Cohort, CohortLottery } from '../types';
import { CohortProblemAlert } from './CohortProblemAlert';

export function loadLottery(cohortId: string): Promise<CohortLottery> {
  return ok(api.GET('/api/v1/cohorts/{id}/lottery', { params: { path: { id: cohortId } } }));
}

/**
 * The lottery at the line (docs/rules.md): whether the call fills the seats at the line by lot, the
 * commitment published before the draw, the draw and its result. Shown while the proposal can still be
 * drawn, and on any proposal whose lot was committed to or drawn.
 */
export function LotterySection({ cohort, lottery }: { cohort: Cohort; lottery: CohortLottery }) {
  const { t, i18n } = useTranslation('secretariat');
  const commitment = lottery.commitment;
  if (cohort.status !== 'proposed' && commitment === null) return null;
  const path = { params: { path: { id: cohort.id } } };
  const drawn = commitment?.lot ?? null;
  return (
    <section aria-labelledby="lottery">
      <Title order={2} id="lottery" mb="sm">
        {t('cohorts.lottery.title')}
      </Title>
      <Stack gap="sm">
        <Text>{t('cohorts.lottery.intro')}</Text>
        {cohort.status === 'proposed' && <LotterySwitch cohort={cohort} enabled={lottery.enabled} />}
        {lottery.enabled && cohort.status === 'proposed' && lottery.greyZone.length === 0 && (
          <Text c="dimmed">{t('cohorts.lottery.noGreyZone')}</Text>
        )}
        {commitment && (
          <>
            <Text>
              {t('cohorts.lottery.committed', {
                date: formatCompactDateTime(commitment.committedAt, i18n.language),
                count: commitment.candidates.length,
                formatted: formatNumber(commitment.candidates.length, i18n.language),
              })}
            </Text>
            <Code
              block
              aria-label={t('cohorts.lottery.commitment')}
              style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}
            >
              {commitment.commitment}
            </Code>
            {lottery.earlierCommitments > 0 && (
              <Text size="sm" c="dimmed">
                {t('cohorts.lottery.earlier', {
                  count: lottery.earlierCommitments,
                  formatted: formatNumber(lottery.earlierCommitments, i18n.language),
                })}
              </Text>
            )}
          </>
        )}
        {lottery.enabled && cohort.status === 'proposed' && drawn === null && lottery.greyZone.length > 0 && (
          <Group gap="md">
            <ConfirmedAction
              label={t(commitment ? 'cohorts.lottery.commitAgain' : 'cohorts.lottery.commit')}
              title={t('cohorts.lottery.commitTitle')}
              explanation={t('cohorts.lottery.commitExplanation')}
              confirmLabel={t('cohorts.lottery.commitConfirm')}
              variant="default"
              action={() => ok(api.POST('/api/v1/cohorts/{id}/lottery/commitments', path))}
              renderProblem={(problem) => <CohortProblemAlert problem={problem} callId={cohort.callId} />}
            />
            {commitment && (
              <ConfirmedAction
                label={t('cohorts.lottery.draw')}
                title={t('cohorts.lottery.drawTitle')}
                explanation={t('cohorts.lottery.drawExplanation')}
                confirmLabel={t('cohorts.lottery.drawConfirm')}
                action={() => ok(api.POST('/api/v1/cohorts/{id}/lottery/draw', path))}
                renderProblem={(problem) => <CohortProblemAlert problem={problem} callId={cohort.callId} />}
              />
            )}
          </Group>
        )}
        {commitment && drawn && <DrawResult cohort={cohort} secret={commitment.secret ?? ''} lot={drawn} />}
      </Stack>
    </section>
  );
}

function LotterySwitch({ cohort, enabled }: { cohort: Cohort; enabled: boolean }) {
  const { t } = useTranslation('secretariat');
  const revalidator = useRevalidator();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const change = async (value: boolean) => {
    setProblem(null);
    try {
      await ok(
        api.PUT('/api/v1/calls/{id}/lottery', { params: { path: { id: cohort.callId } }, body: { enabled: value } }),
      );
      await revalidator.revalidate();
    } catch (error) {
      setProblem(asProblem(error));
    }
  };
  return (
    <>
      <Switch
        checked={enabled}
        label={t('cohorts.lottery.enabled')}
        description={t('cohorts.lottery.enabledHint')}
        onChange={(event) => void change(event.currentTarget.checked)}
      />
      {problem && <CohortProblemAlert problem={problem} callId={cohort.callId} />}
    </>
  );
}

type Lot = NonNullable<NonNullable<CohortLottery['commitment']>['lot']>;

function DrawResult({ cohort, secret, lot }: { cohort: Cohort; secret: string; lot: Lot }) {
  const { t } = useTranslation('secretariat');
  const names = new Map(
    [...cohort.members, ...cohort.waitlist, ...cohort.excluded].map((e) => [e.applicationId, e.organisation.name]),
  );
  const seated = new Set(lot.seated);
  return (
    <>
      <Text>{t('cohorts.lottery.secret')}</Text>
      <Code
        block
        aria-label={t('cohorts.lottery.secretLabel')}
        style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}
      >
        {secret}
      </Code>
      <Table.ScrollContainer
        type="native"
        minWidth={480}
        tabIndex={0}
        role="region"
        aria-label={t('cohorts.lottery.order')}
      >
        <Table withTableBorder striped verticalSpacing="xs" aria-label={t('cohorts.lottery.order')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('cohorts.lottery.centre')}</Table.Th>
              <Table.Th scope="col">{t('cohorts.lottery.rank')}</Table.Th>
              <Table.Th scope="col">{t('cohorts.lottery.drawnRank')}</Table.Th>
              <Table.Th scope="col">{t('cohorts.lottery.outcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lot.lots.map((l) => (
              <Table.Tr key={l.applicationId}>
                <Table.Td>{names.get(l.applicationId) ?? l.applicationId}</Table.Td>
                <Table.Td>{l.rank}</Table.Td>
                <Table.Td>{l.drawnRank}</Table.Td>
                <Table.Td>
                  {t(seated.has(l.applicationId) ? 'cohorts.lottery.seated' : 'cohorts.lottery.notSeated')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
