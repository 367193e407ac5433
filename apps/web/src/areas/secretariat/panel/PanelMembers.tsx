import { Button, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import { countryName, formatNumber } from '../../../shared/format';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { asProblem } from '../../../shared/problems';
import { EmptyState } from '../../../shared/States';
import { useCall } from '../call/call-route';
import { serverList, type ServerListPage } from '../list-search';
import { ServerListPager } from '../ServerListPager';
import { SortableHeader } from '../SortableHeader';
import { stageQuery } from '../stages/stages';
import type { ListedPanelMember } from '../types';

/** The columns the panel sorts by (the API's `sort` keys, and their labels' keys); by name unless asked otherwise. */
const SORT_KEYS = ['name', 'email', 'country', 'affiliation', 'load', 'submitted'] as const;
const NUMERIC = new Set<string>(['load', 'submitted']);

export const MEMBER_LIST = serverList('members', SORT_KEYS, 'name', 20);

interface PanelMembersProps {
  list: ServerListPage<ListedPanelMember>;
  /** The review stage shown: the loads are its assignments. */
  stage: number;
  /** Whether that stage has a panel of its own rather than the call's. */
  ownPanel: boolean;
}

/**
 * The evaluators of the stage's panel, a page at a time, with their live and submitted assignments in
 * the stage; one without any may leave the panel.
 */
export function PanelMembers({ list, stage, ownPanel }: PanelMembersProps) {
  const { t, i18n } = useTranslation('secretariat');
  const call = useCall();
  const revalidator = useRevalidator();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);

  const remove = async (evaluatorId: string) => {
    setProblem(null);
    setRemoving(evaluatorId);
    try {
      await ok(
        api.DELETE('/api/v1/calls/{id}/panel/{evaluatorId}', {
          // A stage without a panel of its own shows the call's, which is stage 1's.
          params: { path: { id: call.id, evaluatorId }, query: stageQuery(ownPanel ? stage : 1) },
        }),
      );
      await revalidator.revalidate();
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setRemoving(null);
    }
  };

  return (
    <section aria-labelledby="panel-members">
      <Title order={2} id="panel-members" mb="sm">
        {t('panel.members.title')}
      </Title>
      {problem && <ProblemAlert problem={problem} />}
      {list.total === 0 ? (
        <EmptyState>{t('panel.members.none')}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped withTableBorder verticalSpacing="xs" captionSide="top">
            <Table.Caption>{t('panel.members.caption', { count: list.total })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {SORT_KEYS.map((key) => (
                  <SortableHeader
                    key={key}
                    label={t(`panel.members.${key}`)}
                    sortKey={key}
                    sort={list.sort}
                    defaultSort={MEMBER_LIST.defaultSort}
                    parameter={MEMBER_LIST.sortParameter}
                    pageParameter={MEMBER_LIST.offsetParameter}
                    ta={NUMERIC.has(key) ? 'end' : undefined}
                  />
                ))}
                <Table.Th scope="col">{t('panel.members.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((member) => (
                <Table.Tr key={member.evaluatorId}>
                  <Table.Th scope="row" fw={600}>
                    {member.displayName}
                  </Table.Th>
                  <Table.Td>{member.email}</Table.Td>
                  <Table.Td>{member.countryCode ? countryName(member.countryCode, i18n.language) : '—'}</Table.Td>
                  <Table.Td>{member.affiliation ?? '—'}</Table.Td>
                  <Table.Td ta="end">{formatNumber(member.load, i18n.language)}</Table.Td>
                  <Table.Td ta="end">{formatNumber(member.submitted, i18n.language)}</Table.Td>
                  <Table.Td>
                    {/* The API keeps an evaluator with assignments on the panel: they must be released first. */}
                    {member.load === 0 ? (
                      <Button
                        variant="default"
                        size="compact-sm"
                        loading={removing === member.evaluatorId}
                        onClick={() => void remove(member.evaluatorId)}
                      >
                        {t('panel.members.remove')}
                        <VisuallyHidden>
                          {t('panel.members.removeContext', { name: member.displayName, email: member.email })}
                        </VisuallyHidden>
                      </Button>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('panel.members.assigned')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ServerListPager label={t('panel.members.pages')} list={MEMBER_LIST} page={list} />
    </section>
  );
}
