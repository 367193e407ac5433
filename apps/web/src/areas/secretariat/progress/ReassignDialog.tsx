import { Button, Checkbox, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { asProblem } from '../../../shared/problems';
import { Loading } from '../../../shared/States';
import { useCall } from '../call/call-route';
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
  const { t } = useTranslation(['secretariat', 'common']);
  const call = useCall();
  const revalidator = useRevalidator();
  const [assignments, setAssignments] = useState<CallAssignment[] | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ to?: string; reason?: string; chosen?: string }>({});
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [working, setWorking] = useState(false);
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
      (error: unknown) => current && setProblem(asProblem(error)),
    );
    return () => {
      current = false;
    };
  }, [call.id, from.evaluator.id]);

  const confirm = async () => {
    const found = {
      chosen: chosen.size === 0 ? t('progress.reassignChooseAssignment') : undefined,
      to: to === '' ? t('progress.reassignChooseEvaluator') : undefined,
      reason: reason.trim().length < MIN_REASON ? t('common:dialog.reasonTooShort', { count: MIN_REASON }) : undefined,
    };
    setErrors(found);
    if (found.chosen || found.to || found.reason) return;
    setProblem(null);
    setWorking(true);
    try {
      await ok(
        api.POST('/api/v1/calls/{id}/assignments/reassign', {
          params: { path: { id: call.id } },
          body: { assignmentIds: [...chosen], toEvaluatorId: to, reason: reason.trim() },
        }),
      );
      props.onReassigned(chosen.size, others.find((m) => m.evaluatorId === to)?.displayName ?? '');
      onClose();
      await revalidator.revalidate();
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setWorking(false);
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('progress.reassignTitle', { name: from.evaluator.displayName })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:dialog.close') }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void confirm();
        }}
      >
        <Stack>
          <Text>{t('progress.reassignExplanation')}</Text>
          {assignments === null ? (
            !problem && <Loading />
          ) : (
            <Checkbox.Group
              label={t('progress.reassignAssignments')}
              value={[...chosen]}
              onChange={(values) => setChosen(new Set(values))}
              error={errors.chosen}
            >
              <Stack gap="xs" mt="xs">
                {assignments.map((assignment) => (
                  <Checkbox
                    key={assignment.id}
                    value={assignment.id}
                    label={`${assignment.organisationName} · ${t(`application.evaluations.statuses.${assignment.status}`)}`}
                  />
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
          <Textarea
            label={t('progress.reassignReason')}
            description={t('progress.reassignReasonHint')}
            required
            autosize
            minRows={2}
            maxLength={2000}
            value={reason}
            error={errors.reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          {problem && <ProblemAlert problem={problem} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:dialog.cancel')}
            </Button>
            <Button type="submit" loading={working} disabled={assignments === null}>
              {t('progress.reassignConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
