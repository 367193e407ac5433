import { Button, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import { formatNumber } from '../../../shared/format';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { asProblem, fieldErrors } from '../../../shared/problems';
import { useCall } from '../call/call-route';
import { stageQuery, stageSettings } from '../stages/stages';
import type { AutoAssignment as Answer, PanelMember } from '../types';
import { AffinitySummary } from './AffinitySummary';
import {
  AutoAssignmentOptionsFields,
  EXACT_ASSIGNMENT,
  autoAssignmentBody,
  type AssignmentOptions,
} from './AutoAssignmentOptions';
import { ProposalTable } from './ProposalTable';

interface AutoAssignmentProps {
  members: PanelMember[];
  /** Organisation names by application id. */
  names: Map<string, string>;
}

/**
 * Fills every open evaluation slot of the call's chosen stage at once (from stage 2, of the
 * applications its confirmed shortlist advances). The API never assigns a conflict and keeps loads
 * even, matching declared expertise to the applications' topics, or draws at random under a cap;
 * a preview (dry run) shows the pairs and their affinities first and writes nothing. Its answer is
 * what the secretariat checks: the affinities, the loads, and the slots it could not fill.
 */
export function AutoAssignment({ members, names, stage }: AutoAssignmentProps & { stage: number }) {
  const { t } = useTranslation('secretariat');
  const call = useCall();
  const revalidator = useRevalidator();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [working, setWorking] = useState<'preview' | 'assign' | null>(null);
  const [options, setOptions] = useState<AssignmentOptions>(EXACT_ASSIGNMENT);

  const run = async (dryRun: boolean) => {
    setProblem(null);
    setAnswer(null);
    setWorking(dryRun ? 'preview' : 'assign');
    try {
      const assigned = await ok(
        api.POST('/api/v1/calls/{id}/assignments/auto', {
          params: { path: { id: call.id }, query: stageQuery(stage) },
          body: autoAssignmentBody(options, dryRun),
        }),
      );
      // Shown with the page's data reloaded (the call is now under review), never beside stale figures.
      if (!dryRun) await revalidator.revalidate();
      // Assigning after a random preview makes the draw previewed: the same seed.
      if (dryRun && assigned.seed !== null && options.seed === '') setOptions({ ...options, seed: assigned.seed });
      setAnswer(assigned);
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setWorking(null);
    }
  };

  return (
    <section aria-labelledby="auto-assignment">
      <Title order={2} id="auto-assignment" mb="sm">
        {t('panel.auto.title')}
      </Title>
      <Text mb="sm">{t('panel.auto.explanation', { count: stageSettings(call, stage).evaluatorsPerApplication })}</Text>
      <AutoAssignmentOptionsFields
        options={options}
        onChange={setOptions}
        errors={problem ? fieldErrors(problem) : {}}
      />
      <Group>
        <Button
          variant="default"
          onClick={() => void run(true)}
          loading={working === 'preview'}
          disabled={members.length === 0 || working !== null}
        >
          {t('panel.auto.preview')}
        </Button>
        <Button
          onClick={() => void run(false)}
          loading={working === 'assign'}
          disabled={members.length === 0 || working !== null}
        >
          {t('panel.auto.run')}
        </Button>
      </Group>
      {problem && <ProblemAlert problem={problem} />}
      {answer && <AnswerReport answer={answer} members={members} names={names} />}
    </section>
  );
}

function AnswerReport({ answer, members, names }: { answer: Answer } & AutoAssignmentProps) {
  const { t, i18n } = useTranslation('secretariat');
  const loads = members.map((m) => ({ member: m, load: answer.assignmentsPerEvaluator[m.evaluatorId] ?? 0 }));
  const highest = Math.max(1, ...loads.map((l) => l.load));
  return (
    <Paper withBorder p="lg" radius="md" mt="md">
      <Stack>
        <Text fw={700} role="status">
          {t(answer.dryRun ? 'panel.auto.previewed' : 'panel.auto.created', {
            count: answer.created,
            formatted: formatNumber(answer.created, i18n.language),
          })}
        </Text>
        <AffinitySummary answer={answer} names={names} />
        {answer.proposal && <ProposalTable proposal={answer.proposal} members={members} names={names} />}
        <div>
          <Title order={3} size="h4" mb="xs">
            {t('panel.auto.loads')}
          </Title>
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
            {loads.map(({ member, load }) => (
              <Group component="li" key={member.evaluatorId} gap="sm" wrap="nowrap">
                <Text size="sm" w={220} truncate="end">
                  {member.displayName}
                </Text>
                {/* The count beside it says the same to everyone: the bar is for the eye. */}
                <Progress value={(100 * load) / highest} aria-hidden size="lg" flex={1} />
                <Text size="sm" w={140} ta="end">
                  {t('panel.auto.load', { count: load, formatted: formatNumber(load, i18n.language) })}
                </Text>
              </Group>
            ))}
          </Stack>
        </div>
        <Unassigned answer={answer} names={names} />
      </Stack>
    </Paper>
  );
}

function Unassigned({ answer, names }: { answer: Answer; names: Map<string, string> }) {
  const { t, i18n } = useTranslation('secretariat');
  if (answer.unassigned.length === 0) return <Text>{t('panel.auto.allAssigned')}</Text>;
  return (
    <Table withTableBorder striped verticalSpacing={4} captionSide="top">
      <Table.Caption>{t('panel.auto.unassigned', { count: answer.unassigned.length })}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('panel.auto.organisation')}</Table.Th>
          <Table.Th scope="col" ta="end">
            {t('panel.auto.missing')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {answer.unassigned.map((slot) => (
          <Table.Tr key={slot.applicationId}>
            <Table.Th scope="row" fw={400}>
              {names.get(slot.applicationId) ?? slot.applicationId}
            </Table.Th>
            <Table.Td ta="end">{formatNumber(slot.missing, i18n.language)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
