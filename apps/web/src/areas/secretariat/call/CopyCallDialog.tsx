import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import type { Call } from '../../../api/types';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { asProblem } from '../../../shared/problems';
import { GenevaDateInput } from '../builder/BasicsSection';
import { fromGenevaWallTime } from '../builder/geneva-time';
import { serverFieldErrors } from '../builder/server-errors';
import { validateCallIdentity, type CallIdentity } from '../builder/validate-call';
import { callPath } from './call-route';

/** Starts a new call from this one: asks what the copy needs anew, then opens it in the builder. */
export function CopyCallButton({ call }: { call: Call }) {
  const { t } = useTranslation('secretariat');
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" onClick={open}>
        {t('copy.button')}
      </Button>
      {opened && <CopyCallDialog call={call} onClose={close} />}
    </>
  );
}

/**
 * The copy keeps the call's criteria, questions and rules; its reference must be new, and its window
 * is asked for, empty: a past round's dates would make a copy look ready to open when it is not.
 */
function CopyCallDialog({ call, onClose }: { call: Call; onClose: () => void }) {
  const { t } = useTranslation(['secretariat', 'common']);
  const navigate = useNavigate();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const form = useForm<CallIdentity>({
    initialValues: { reference: '', title: t('copy.defaultTitle', { title: call.title }), opensAt: '', closesAt: '' },
    validate: validateCallIdentity,
  });
  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      const body = {
        reference: values.reference.trim(),
        title: values.title.trim(),
        opensAt: fromGenevaWallTime(values.opensAt) ?? values.opensAt,
        closesAt: fromGenevaWallTime(values.closesAt) ?? values.closesAt,
      };
      const copy = await ok(api.POST('/api/v1/calls/{id}/copy', { params: { path: { id: call.id } }, body }));
      await navigate(callPath(copy.id, 'edit'));
    } catch (error) {
      const failure = asProblem(error);
      const errors = serverFieldErrors(failure);
      form.setErrors(errors);
      // A refusal no field explains (a network failure, a lost session) is said as a whole.
      if (Object.keys(errors).length === 0) setProblem(failure);
    }
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('copy.title')}
      closeButtonProps={{ 'aria-label': t('common:dialog.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text>{t('copy.explanation')}</Text>
          <TextInput
            label={t('builder.basics.reference')}
            description={t('builder.basics.referenceHint')}
            required
            data-autofocus
            {...form.getInputProps('reference')}
          />
          <TextInput label={t('builder.basics.callTitle')} required {...form.getInputProps('title')} />
          <GenevaDateInput
            label={t('builder.basics.opensAt')}
            value={form.values.opensAt}
            inputProps={form.getInputProps('opensAt')}
          />
          <GenevaDateInput
            label={t('builder.basics.closesAt')}
            value={form.values.closesAt}
            inputProps={form.getInputProps('closesAt')}
          />
          {problem && <ProblemAlert problem={problem} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:dialog.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('copy.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
