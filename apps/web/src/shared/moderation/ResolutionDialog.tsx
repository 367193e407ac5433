import { Checkbox, NumberInput, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../api/client';
import { ReasonDialog } from '../ReasonDialog';
import type { Outcome, QueueEntry } from './moderation';

/** One resolution of one application, with its note and what its outcome needs (evaluators, or a score). */
export function ResolutionDialog(props: { callId: string; entry: QueueEntry; outcome: Outcome; onClose: () => void }) {
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
