import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { asProblem, fieldErrors } from '../../../shared/problems';
import { useCall } from '../call/call-route';
import type { PanelMember } from '../types';

/** The API keeps reasons of 3 to 2,000 characters. */
const MIN_REASON = 3;
const MAX_REASON = 2000;

/** What the page confirms: who, which application, and what became of an assignment between them. */
export interface Declared {
  evaluator: string;
  organisation: string;
  assignment: 'none' | 'released' | 'kept_submitted';
}

interface DialogProps {
  members: PanelMember[];
  names: Map<string, string>;
  onClose: () => void;
  onDeclared: (declared: Declared) => void;
}

/**
 * The secretariat records a conflict it learnt of (a colleague's word, a declaration by e-mail):
 * the evaluator is never assigned the application again, and loses an assignment not yet submitted.
 */
export function ConflictDialog({ members, names, onClose, onDeclared }: DialogProps) {
  const { t } = useTranslation('secretariat');
  const call = useCall();
  const revalidator = useRevalidator();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const applications = [...names].sort(([, a], [, b]) => a.localeCompare(b));
  const form = useForm({
    initialValues: { evaluatorId: '', applicationId: '', reason: '' },
    validate: {
      evaluatorId: (value) => (value ? null : t('panel.conflicts.evaluatorRequired')),
      applicationId: (value) => (value ? null : t('panel.conflicts.applicationRequired')),
      reason: (value) =>
        value.trim().length >= MIN_REASON ? null : t('panel.conflicts.reasonTooShort', { count: MIN_REASON }),
    },
  });

  const declare = form.onSubmit(async ({ evaluatorId, applicationId, reason }) => {
    setProblem(null);
    try {
      const conflict = await ok(
        api.POST('/api/v1/calls/{id}/conflicts', {
          params: { path: { id: call.id } },
          body: { evaluatorId, applicationId, reason: reason.trim() },
        }),
      );
      await revalidator.revalidate();
      onDeclared({
        evaluator: members.find((m) => m.evaluatorId === evaluatorId)?.displayName ?? evaluatorId,
        organisation: names.get(applicationId) ?? applicationId,
        assignment: conflict.assignment,
      });
    } catch (error) {
      const failure = asProblem(error);
      form.setErrors(fieldErrors(failure));
      setProblem(failure);
    }
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('panel.conflicts.dialogTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('panel.conflicts.close') }}
    >
      <form onSubmit={declare} noValidate>
        <Stack>
          <Text>{t('panel.conflicts.explanation')}</Text>
          <NativeSelect
            label={t('panel.conflicts.evaluator')}
            required
            data-autofocus
            data={[
              { value: '', label: t('panel.conflicts.choose') },
              ...members.map((m) => ({ value: m.evaluatorId, label: `${m.displayName} (${m.email})` })),
            ]}
            {...form.getInputProps('evaluatorId')}
          />
          <NativeSelect
            label={t('panel.conflicts.application')}
            required
            data={[
              { value: '', label: t('panel.conflicts.choose') },
              ...applications.map(([value, label]) => ({ value, label })),
            ]}
            {...form.getInputProps('applicationId')}
          />
          <Textarea
            label={t('panel.conflicts.reason')}
            required
            autosize
            minRows={3}
            maxLength={MAX_REASON}
            {...form.getInputProps('reason')}
          />
          {problem && <ProblemAlert problem={problem} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('panel.conflicts.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('panel.conflicts.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
