import { Checkbox, NativeSelect, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import { formatNumber } from '../../../shared/format';
import { asProblem } from '../../../shared/problems';
import { ReasonDialog } from '../../../shared/ReasonDialog';
import { Loading } from '../../../shared/States';
import { useCall } from '../call/call-route';
import { AFFINITY_FORMAT } from '../panel/ProposalTable';
import type { PanelMember } from '../types';
import type { CallAssignment, EvaluatorProgress } from './progress';

/** The API takes reasons of at least this many characters. */
const MIN_REASON = 3;

/**
 * Moves some of an evaluator's assignments not yet submitted to another panel member, with a reason.
 * The API applies the rules of a manual assignment and moves all of them or none; a refusal (a
 * conflict of interest, an evaluator already assigned) is shown here and nothing changes.
 */
export function ReassignDialog(props: {
  from: EvaluatorProgress;
  members: PanelMember[];
  onClose: () => void;
  onReassigned: (count: number, to: string) => void;
}) {
  const { from, members, onClose } = props;
  const { t, i18n } = useTranslation(['secretariat', 'common']);
  const call = useCall();
  const revalidator = useRevalidator();
  const [assignments, setAssignments] = useState<CallAssignment[] | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [to, setTo] = useState('');
  const [errors, setErrors] = useState<{ to?: string; chosen?: string }>({});
  const [loadProblem, setLoadProblem] = useState<ApiProblem | null>(null);
  const others = members
    .filter((m) => m.evaluatorId !== from.evaluator.id)
    .sort((a, b) => a.displayName.localeCompare(b.displayName));

  useEffect(() => {
    let current = true;
    ok(
      api.GET('/api/v1/calls/{id}/assignments', {
        params: {
          path: { id: call.id },
          query: { evaluatorId: from.evaluator.id, status: ['assigned', 'draft'], limit: 500 },
        },
      }),
    ).then(
      (page) => {
        if (!current) return;
        setAssignments(page.items);
        setChosen(new Set(page.items.map((a) => a.id)));
      },
      (error: unknown) => current && setLoadProblem(asProblem(error)),
    );
    return () => {
      current = false;
    };
  }, [call.id, from.evaluator.id]);

  // The affinity, when the automatic assignment made the pair, helps choose which to move.
  const assignmentLabel = (assignment: CallAssignment) =>
    [
      assignment.organisationName,
      t(`application.evaluations.statuses.${assignment.status}`),
      ...(assignment.affinity === null
        ? []
        : [
            t('progress.reassignAffinity', {
              affinity: formatNumber(assignment.affinity, i18n.language, AFFINITY_FORMAT),
            }),
          ]),
    ].join(' · ');

  const validate = () => {
    const found = {
      chosen: chosen.size === 0 ? t('progress.reassignChooseAssignment') : undefined,
      to: to === '' ? t('progress.reassignChooseEvaluator') : undefined,
    };
    setErrors(found);
    return !found.chosen && !found.to;
  };

  const reassign = async (reason: string) => {
    await ok(
      api.POST('/api/v1/calls/{id}/assignments/reassign', {
        params: { path: { id: call.id } },
        body: { assignmentIds: [...chosen], toEvaluatorId: to, reason },
      }),
    );
    props.onReassigned(chosen.size, others.find((m) => m.evaluatorId === to)?.displayName ?? '');
    onClose();
    await revalidator.revalidate();
  };

  return (
    <ReasonDialog
      opened
      onClose={onClose}
      title={t('progress.reassignTitle', { name: from.evaluator.displayName })}
      explanation={t('progress.reassignExplanation')}
      reasonLabel={t('progress.reassignReason')}
      reasonHint={t('progress.reassignReasonHint')}
      minLength={MIN_REASON}
      confirmLabel={t('progress.reassignConfirm')}
      onConfirm={reassign}
      validate={validate}
      ready={assignments !== null}
      problem={loadProblem}
    >
      {assignments === null ? (
        !loadProblem && <Loading />
      ) : (
        <Checkbox.Group
          label={t('progress.reassignAssignments')}
          value={[...chosen]}
          onChange={(values) => setChosen(new Set(values))}
          error={errors.chosen}
        >
          <Stack gap="xs" mt="xs">
            {assignments.map((assignment) => (
              <Checkbox key={assignment.id} value={assignment.id} label={assignmentLabel(assignment)} />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
      <NativeSelect
        label={t('progress.reassignTo')}
        required
        value={to}
        error={errors.to}
        data={[
          { value: '', label: t('progress.reassignChoose') },
          ...others.map((m) => ({ value: m.evaluatorId, label: `${m.displayName} (${m.email})` })),
        ]}
        onChange={(event) => setTo(event.currentTarget.value)}
      />
    </ReasonDialog>
  );
}
