import { Alert, Anchor, Badge, Button, Table, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { countryName } from '../../../shared/format';
import { EmptyState } from '../../../shared/States';
import { callPath } from '../call/call-route';
import { formatCompactDateTime } from '../format';
import { serverList, type ServerListPage } from '../list-search';
import { ServerListPager } from '../ServerListPager';
import { SortableHeader } from '../SortableHeader';
import type { Conflict, PanelMember } from '../types';
import { ConflictDialog, type Declared } from './ConflictDialog';

/** The columns the conflicts sort by (the API's `sort` keys); the oldest first unless the address says otherwise. */
const SORT_KEYS = ['source', 'createdAt'] as const;
const LABELS = { source: 'source', createdAt: 'since' } as const;

export const CONFLICT_LIST = serverList('conflicts', SORT_KEYS, 'createdAt', 20);

interface ConflictsProps {
  callId: string;
  members: PanelMember[];
  /** A page of the call's conflicts, in the order asked. */
  list: ServerListPage<Conflict>;
  /** Organisation names by application id. */
  names: Map<string, string>;
}

/** The conflicts of interest that keep evaluators from applications, and declaring one for an evaluator. */
export function ConflictsSection({ callId, members, list, names }: ConflictsProps) {
  const { t, i18n } = useTranslation('secretariat');
  const [opened, { open, close }] = useDisclosure(false);
  const [declared, setDeclared] = useState<Declared | null>(null);
  const evaluatorName = new Map(members.map((m) => [m.evaluatorId, m.displayName]));

  return (
    <section aria-labelledby="conflicts">
      <Title order={2} id="conflicts" mb="sm">
        {t('panel.conflicts.title')}
      </Title>
      {declared && (
        <Alert role="status" color="blue" variant="light" mb="md" title={t('panel.conflicts.declared')}>
          {t(`panel.conflicts.assignment.${declared.assignment}`, {
            evaluator: declared.evaluator,
            organisation: declared.organisation,
          })}
        </Alert>
      )}
      {list.total === 0 ? (
        <EmptyState>{t('panel.conflicts.none')}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped withTableBorder verticalSpacing="xs" captionSide="top">
            <Table.Caption>{t('panel.conflicts.caption', { count: list.total })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('panel.conflicts.evaluator')}</Table.Th>
                <Table.Th scope="col">{t('panel.conflicts.organisation')}</Table.Th>
                <Table.Th scope="col">{t('panel.conflicts.country')}</Table.Th>
                <Table.Th scope="col">{t('panel.conflicts.reason')}</Table.Th>
                {SORT_KEYS.map((key) => (
                  <SortableHeader
                    key={key}
                    label={t(`panel.conflicts.${LABELS[key]}`)}
                    sortKey={key}
                    sort={list.sort}
                    defaultSort={CONFLICT_LIST.defaultSort}
                    parameter={CONFLICT_LIST.sortParameter}
                    pageParameter={CONFLICT_LIST.offsetParameter}
                  />
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((conflict) => (
                <Table.Tr key={conflict.id}>
                  <Table.Td>{evaluatorName.get(conflict.evaluatorId) ?? conflict.evaluatorId}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={callPath(callId, `applications/${conflict.applicationId}`)} size="sm">
                      {conflict.organisation.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{countryName(conflict.organisation.countryCode, i18n.language)}</Table.Td>
                  <Table.Td>{conflict.reason}</Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color="gray.8">
                      {t(`panel.conflicts.sources.${conflict.source}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatCompactDateTime(conflict.createdAt, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ServerListPager label={t('panel.conflicts.pages')} list={CONFLICT_LIST} page={list} />
      {members.length > 0 && names.size > 0 && (
        <Button variant="default" mt="md" onClick={open}>
          {t('panel.conflicts.declare')}
        </Button>
      )}
      {opened && (
        <ConflictDialog
          members={members}
          names={names}
          onClose={close}
          onDeclared={(result) => {
            setDeclared(result);
            close();
          }}
        />
      )}
    </section>
  );
}
