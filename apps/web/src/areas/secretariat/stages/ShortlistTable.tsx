import { Anchor, Badge, Button, Checkbox, Group, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import { countryName, formatNumber, formatScore } from '../../../shared/format';
import { OffsetPager } from '../../../shared/OffsetPager';
import { ReasonDialog } from '../../../shared/ReasonDialog';
import { useSelection } from '../applications/BulkActions';
import { callPath, useCall } from '../call/call-route';
import { shortlistReason, type Shortlist } from './shortlist-reasons';

export const SHORTLIST_PAGE_SIZE = 50;
/** The API takes reasons of at least this many characters. */
const MIN_REASON = 3;

type Change = 'advance' | 'holdBack';

/**
 * Every application of the shortlist's page, by rank, with whether it advances and why; while the
 * shortlist is proposed, the selected ones advance or are held back with a written reason.
 */
export function ShortlistTable({
  shortlist,
  offset,
  evaluatorsPerApplication,
}: {
  shortlist: Shortlist;
  offset: number;
  /** The evaluators each application needed in the stage ranked, which a reason may quote. */
  evaluatorsPerApplication: number;
}) {
  const { t, i18n } = useTranslation(['secretariat', 'common']);
  const call = useCall();
  const revalidator = useRevalidator();
  const { items, total } = shortlist.entries;
  const open = shortlist.status === 'proposed';
  const selection = useSelection(items.map((entry) => entry.applicationId));
  const [change, setChange] = useState<Change | null>(null);
  const count = selection.ids.length;

  const amend = async (reason: string) => {
    await ok(
      api.PATCH('/api/v1/calls/{id}/stages/{stage}/shortlist', {
        params: { path: { id: call.id, stage: shortlist.stage } },
        body: { [change === 'advance' ? 'advance' : 'holdBack']: selection.ids, reason },
      }),
    );
    await revalidator.revalidate();
    selection.clear();
    setChange(null);
  };

  return (
    <section aria-labelledby="shortlist-entries">
      <Title order={2} id="shortlist-entries" mb="sm">
        {t('stages.shortlist.entries')}
      </Title>
      {open && (
        <Group gap="sm" mb="sm" role="group" aria-label={t('stages.shortlist.changes')}>
          <Text size="sm" role="status">
            {t('stages.shortlist.selected', { count, formatted: formatNumber(count, i18n.language) })}
          </Text>
          <Button variant="default" disabled={count === 0} onClick={() => setChange('advance')}>
            {t('stages.shortlist.advance')}
          </Button>
          <Button variant="default" disabled={count === 0} onClick={() => setChange('holdBack')}>
            {t('stages.shortlist.holdBack')}
          </Button>
        </Group>
      )}
      <Table.ScrollContainer minWidth={900}>
        <Table withTableBorder verticalSpacing="xs" captionSide="top">
          <Table.Caption>
            {t('stages.shortlist.caption', { count: total, formatted: formatNumber(total, i18n.language) })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {open && (
                <Table.Th scope="col">
                  <Checkbox
                    aria-label={t('applications.bulk.selectAll')}
                    checked={items.length > 0 && count === items.length}
                    indeterminate={count > 0 && count < items.length}
                    onChange={selection.toggleAll}
                  />
                </Table.Th>
              )}
              <Table.Th scope="col" ta="end">
                {t('stages.shortlist.rank')}
              </Table.Th>
              <Table.Th scope="col">{t('stages.shortlist.organisation')}</Table.Th>
              <Table.Th scope="col">{t('stages.shortlist.country')}</Table.Th>
              <Table.Th scope="col" ta="end">
                {t('stages.shortlist.score')}
              </Table.Th>
              <Table.Th scope="col">{t('stages.shortlist.outcome')}</Table.Th>
              <Table.Th scope="col">{t('stages.shortlist.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((entry) => (
              <Table.Tr key={entry.applicationId}>
                {open && (
                  <Table.Td>
                    <Checkbox
                      aria-label={t('applications.bulk.select', { name: entry.organisation.name })}
                      checked={selection.has(entry.applicationId)}
                      onChange={() => selection.toggle(entry.applicationId)}
                    />
                  </Table.Td>
                )}
                <Table.Td ta="end">{entry.rank === null ? '—' : formatNumber(entry.rank, i18n.language)}</Table.Td>
                <Table.Th scope="row" fw={600}>
                  <Anchor component={Link} to={callPath(call.id, `applications/${entry.applicationId}`)} fw={600}>
                    {entry.organisation.name}
                  </Anchor>
                </Table.Th>
                <Table.Td>{countryName(entry.organisation.countryCode, i18n.language)}</Table.Td>
                <Table.Td ta="end">{entry.score === null ? '—' : formatScore(entry.score, i18n.language)}</Table.Td>
                <Table.Td>
                  <Badge color={entry.advancing ? 'teal.9' : 'gray.8'} variant="outline">
                    {t(entry.advancing ? 'stages.shortlist.advances' : 'stages.shortlist.doesNotAdvance')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{shortlistReason(entry, shortlist.rule, evaluatorsPerApplication)}</Text>
                  {entry.note && (
                    <Text size="sm" c="dimmed">
                      {t('stages.shortlist.note', { note: entry.note })}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <OffsetPager label={t('stages.shortlist.pages')} offset={offset} total={total} pageSize={SHORTLIST_PAGE_SIZE} />
      <ReasonDialog
        opened={change !== null}
        onClose={() => setChange(null)}
        title={t(`stages.shortlist.${change ?? 'advance'}Title`, { count })}
        explanation={t(`stages.shortlist.${change ?? 'advance'}Explanation`)}
        reasonLabel={t('stages.shortlist.changeReason')}
        minLength={MIN_REASON}
        confirmLabel={t(`stages.shortlist.${change ?? 'advance'}`)}
        onConfirm={amend}
      />
    </section>
  );
}
