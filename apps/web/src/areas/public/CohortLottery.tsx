import { Code, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PublicCohort } from '../../api/types';
import { DateTime } from '../../shared/DateTime';

const WRAP = { overflowWrap: 'anywhere', whiteSpace: 'normal' } as const;

/**
 * The lottery at the line as the published document records it, with how to recompute it: the
 * commitment, the secret the draw revealed, and each candidate's key, ranks and result.
 */
export function CohortLottery({ cohort }: { cohort: PublicCohort }) {
  const { t } = useTranslation('public');
  const lottery = cohort.lottery;
  if (!lottery) return null;
  const rankOf = new Map(lottery.greyZone.map((c) => [c.applicationId, c.rank]));
  const seated = new Map(lottery.seated.map((s) => [s.applicationId, s.name]));
  return (
    <section aria-labelledby="lottery">
      <Title order={2} id="lottery" mb="sm">
        {t('lottery.title')}
      </Title>
      <Stack gap="sm">
        <Text>{t('lottery.intro')}</Text>
        <Text>
          {t('lottery.commitment')} <DateTime value={lottery.committedAt} />
        </Text>
        <Code block aria-label={t('lottery.commitment')} style={WRAP}>
          {lottery.commitment}
        </Code>
        <Text>
          {t('lottery.secret')} <DateTime value={lottery.drawnAt} />
        </Text>
        <Code block aria-label={t('lottery.secret')} style={WRAP}>
          {lottery.secret}
        </Code>
        <List type="ordered" spacing={4}>
          {(['step1', 'step2', 'step3', 'step4'] as const).map((step) => (
            <List.Item key={step}>{t(`lottery.${step}`)}</List.Item>
          ))}
        </List>
        {/* On a phone the table scrolls within its frame, focusable and named, not the page. */}
        <Table.ScrollContainer type="native" minWidth={720} tabIndex={0} role="region" aria-label={t('lottery.order')}>
          <Table withTableBorder striped verticalSpacing="xs" aria-label={t('lottery.order')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('lottery.applicationId')}</Table.Th>
                <Table.Th scope="col">{t('lottery.key')}</Table.Th>
                <Table.Th scope="col">{t('lottery.rank')}</Table.Th>
                <Table.Th scope="col">{t('lottery.drawnRank')}</Table.Th>
                <Table.Th scope="col">{t('lottery.seated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lottery.lotOrder.map((lot) => (
                <Table.Tr key={lot.applicationId}>
                  <Table.Td>
                    <Code style={WRAP}>{lot.applicationId}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Code style={WRAP}>{lot.key}</Code>
                  </Table.Td>
                  <Table.Td>{rankOf.get(lot.applicationId)}</Table.Td>
                  <Table.Td>{lot.drawnRank}</Table.Td>
                  <Table.Td>
                    {seated.has(lot.applicationId)
                      ? t('lottery.seatedAs', { name: seated.get(lot.applicationId) })
                      : t('lottery.no')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </section>
  );
}
