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
import type { PanelMember } from '../types';

/** The call's evaluators with their live assignments; one without any may leave the panel. */
export function PanelMembers({ members }: { members: PanelMember[] }) {
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
        api.DELETE('/api/v1/calls/{id}/panel/{evaluatorId}', { params: { path: { id: call.id, evaluatorId } } }),
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
      {members.length === 0 ? (
        <EmptyState>{t('panel.members.none')}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped withTableBorder verticalSpacing="xs" captionSide="top">
            <Table.Caption>{t('panel.members.caption', { count: members.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('panel.members.evaluator')}</Table.Th>
                <Table.Th scope="col">{t('panel.members.country')}</Table.Th>
                <Table.Th scope="col">{t('panel.members.affiliation')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('panel.members.load')}
                </Table.Th>
                <Table.Th scope="col">{t('panel.members.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((member) => (
                <Table.Tr key={member.evaluatorId}>
                  <Table.Th scope="row" fw={400}>
                    <Text size="sm" fw={600}>
                      {member.displayName}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {member.email}
                    </Text>
                  </Table.Th>
                  <Table.Td>{member.countryCode ? countryName(member.countryCode, i18n.language) : '—'}</Table.Td>
                  <Table.Td>{member.affiliation ?? '—'}</Table.Td>
                  <Table.Td ta="right">{formatNumber(member.load, i18n.language)}</Table.Td>
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
    </section>
  );
}
