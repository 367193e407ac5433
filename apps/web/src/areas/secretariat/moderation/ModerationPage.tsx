import { Anchor, Badge, Button, Checkbox, Group, NativeSelect, NumberInput, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLoaderData, useRevalidator, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../../api/client';
import type { components } from '../../../api/schema';
import { formatNumber, formatScore } from '../../../shared/format';
import { OffsetPager } from '../../../shared/OffsetPager';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { asProblem } from '../../../shared/problems';
import type { ApiProblem } from '../../../api/problem';
import { PageTitle } from '../../../shared/PageTitle';
import { ReasonDialog } from '../../../shared/ReasonDialog';
import { EmptyState } from '../../../shared/States';
import { requireStaff } from '../access';
import { callPath, useCall } from '../call/call-route';

type QueueEntry = components['schemas']['ModerationQueueEntryDto'];
type Outcome = components['schemas']['ResolveDto']['outcome'];

const PAGE_SIZE = 50;
const OUTCOMES: Outcome[] = ['scores_stand', 'revisit', 'consensus'];

export async function moderationLoader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const offset = Math.max(0, Number(new URL(request.url).searchParams.get('offset')) || 0);
  const path = { id: params.callId ?? '' };
  const [queue, chair, panel] = await Promise.all([
    ok(
      api.GET('/api/v1/calls/{id}/moderation/queue', {
        params: { path, query: { limit: PAGE_SIZE, offset, sort: '-spread' } },
      }),
    ),
    ok(api.GET('/api/v1/calls/{id}/moderation/chair', { params: { path } })),
    ok(api.GET('/api/v1/calls/{id}/panel', { params: { path } })),
  ]);
  return { queue, offset, chair: chair.chair, panel: panel.members };
}

/** The call's moderation queue: each flagged or added application, its evaluators' totals, and how it was resolved. */
export function ModerationPage() {
  const { t, i18n } = useTranslation('moderation');
  const call = useCall();
  const { queue, offset, chair, panel } = useLoaderData<typeof moderationLoader>();
  const [resolving, setResolving] = useState<{ outcome: Outcome; entry: QueueEntry } | null>(null);
  const score = (value: number | null) => (value === null ? '—' : formatScore(value, i18n.language));
  return (
    <>
      <PageTitle title={t('title')} documentTitle={`${t('title')} · ${call.reference}`} />
      <Stack gap="md">
        <Text>{t('intro')}</Text>
        <ChairForm callId={call.id} chairId={chair?.id ?? ''} members={panel} />
        <Text size="sm" role="status">
          {t('count', { count: queue.total, formatted: formatNumber(queue.total, i18n.language) })}
        </Text>
        {queue.items.length === 0 ? (
          <EmptyState>{t('count', { count: 0 })}</EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table withTableBorder verticalSpacing="xs" captionSide="top">
              <Table.Caption>{t('caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('columns.organisation')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('columns.spread')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('columns.score')}
                  </Table.Th>
                  <Table.Th scope="col">{t('columns.evaluators')}</Table.Th>
                  <Table.Th scope="col">{t('columns.resolution')}</Table.Th>
                  <Table.Th scope="col">{t('columns.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {queue.items.map((entry) => (
                  <Table.Tr key={entry.applicationId}>
                    <Table.Th scope="row">
                      <Anchor component={Link} to={callPath(call.id, `applications/${entry.applicationId}`)} fw={600}>
                        {entry.organisationName}
                      </Anchor>
                      {entry.addedReason && <Text size="sm">{t('added', { reason: entry.addedReason })}</Text>}
                    </Table.Th>
                    <Table.Td ta="right">{score(entry.spread)}</Table.Td>
                    <Table.Td ta="right">
                      {score(entry.score)}
                      {entry.consensusScore !== null && (
                        <Badge color="blue.9" variant="outline" display="block">
                          {t('consensusScore', { score: score(entry.consensusScore) })}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {entry.evaluators.map((e) => (
                        <Text key={e.assignmentId} size="sm">
                          {t('evaluatorTotal', { name: e.displayName, total: score(e.total) })}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>
                      {entry.resolution ? (
                        <>
                          <Text size="sm" fw={600}>
                            {t(`outcomes.${entry.resolution.outcome}`)}
                          </Text>
                          <Text size="sm">{entry.resolution.note}</Text>
                        </>
                      ) : (
                        <Text size="sm">{t('unresolved')}</Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        {OUTCOMES.map((outcome) => (
                          <Button
                            key={outcome}
                            size="xs"
                            variant="default"
                            aria-label={t('actions.for', {
                              action: t(`actions.${outcome}`),
                              organisation: entry.organisationName,
                            })}
                            onClick={() => setResolving({ outcome, entry })}
                          >
                            {t(`actions.${outcome}`)}
                          </Button>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <OffsetPager label={t('pages')} offset={offset} total={queue.total} pageSize={PAGE_SIZE} />
      </Stack>
      {resolving && (
        <ResolutionDialog
          key={`${resolving.entry.applicationId}:${resolving.outcome}`}
          callId={call.id}
          entry={resolving.entry}
          outcome={resolving.outcome}
          onClose={() => setResolving(null)}
        />
      )}
    </>
  );
}

/** Who chairs the call: a member of its panel, who may then moderate it as the secretariat does. */
function ChairForm(props: {
  callId: string;
  chairId: string;
  members: Array<{ evaluatorId: string; displayName: string }>;
}) {
  const { t } = useTranslation('moderation');
  const revalidator = useRevalidator();
  const [chosen, setChosen] = useState(props.chairId);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [working, setWorking] = useState(false);
  const path = { params: { path: { id: props.callId } } };

  const save = async () => {
    setProblem(null);
    setWorking(true);
    try {
      if (chosen === '') await ok(api.DELETE('/api/v1/calls/{id}/moderation/chair', path));
      else await ok(api.PUT('/api/v1/calls/{id}/moderation/chair', { ...path, body: { evaluatorId: chosen } }));
      await revalidator.revalidate();
    } catch (failure) {
      setProblem(asProblem(failure));
    } finally {
      setWorking(false);
    }
  };

  return (
    <form
      aria-label={t('chair.form')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={t('chair.label')}
          description={t('chair.hint')}
          value={chosen}
          onChange={(event) => setChosen(event.currentTarget.value)}
          data={[
            { value: '', label: t('chair.none') },
            ...props.members.map((m) => ({ value: m.evaluatorId, label: m.displayName })),
          ]}
        />
        <Button type="submit" variant="default" loading={working}>
          {t('chair.save')}
        </Button>
      </Group>
      {problem && <ProblemAlert problem={problem} />}
    </form>
  );
}

/** One resolution of one application, with its note and what its outcome needs (evaluators, or a score). */
function ResolutionDialog(props: { callId: string; entry: QueueEntry; outcome: Outcome; onClose: () => void }) {
  const { callId, entry, outcome, onClose } = props;
  const { t } = useTranslation('moderation');
  const revalidator = useRevalidator();
  const [evaluatorIds, setEvaluatorIds] = useState<string[]>([]);
  const [consensusScore, setConsensusScore] = useState<number | string>('');
  const [error, setError] = useState<string | null>(null);
  const dialog = `dialogs.${outcome}` as const;

  const validate = () => {
    if (outcome === 'revisit' && evaluatorIds.length === 0) setError(t('dialogs.revisit.evaluatorsRequired'));
    else if (outcome === 'consensus' && typeof consensusScore !== 'number')
      setError(t('dialogs.consensus.scoreRequired'));
    else {
      setError(null);
      return true;
    }
    return false;
  };

  const resolve = async (note: string) => {
    const detail =
      outcome === 'revisit'
        ? { evaluatorIds }
        : outcome === 'consensus'
          ? { consensusScore: Number(consensusScore) }
          : {};
    await ok(
      api.POST('/api/v1/calls/{id}/moderation/applications/{applicationId}/resolutions', {
        params: { path: { id: callId, applicationId: entry.applicationId } },
        body: { outcome, note, ...detail },
      }),
    );
    // Closed once the queue shows the resolution: the focus returns to a page that says what was done.
    await revalidator.revalidate();
    onClose();
  };

  return (
    <ReasonDialog
      opened
      onClose={onClose}
      title={t(`${dialog}.title`)}
      explanation={t(`${dialog}.explanation`, { organisation: entry.organisationName })}
      reasonLabel={t(`${dialog}.note`)}
      minLength={1}
      confirmLabel={t(`${dialog}.confirm`)}
      validate={outcome === 'scores_stand' ? undefined : validate}
      onConfirm={resolve}
    >
      {outcome === 'revisit' && (
        <Checkbox.Group
          label={t('dialogs.revisit.evaluators')}
          value={evaluatorIds}
          onChange={setEvaluatorIds}
          error={error}
          withAsterisk
        >
          <Stack gap="xs" mt="xs">
            {entry.evaluators.map((e, index) => (
              <Checkbox key={e.evaluatorId} value={e.evaluatorId} label={e.displayName} data-autofocus={index === 0} />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
      {outcome === 'consensus' && (
        <NumberInput
          label={t('dialogs.consensus.score')}
          min={0}
          max={100}
          decimalScale={2}
          clampBehavior="strict"
          required
          value={consensusScore}
          onChange={setConsensusScore}
          error={error}
          data-autofocus
        />
      )}
    </ReasonDialog>
  );
}
