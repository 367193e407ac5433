import { Button, Group, List, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import type { Application } from '../../../api/types';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { asProblem, fieldErrors } from '../../../shared/problems';
import { eligibilityReason } from './eligibility-reason';

/** The API takes reasons of at least this many characters. */
const MIN_REASON = 3;

/**
 * The secretariat decides an application's eligibility itself, with a reason that is kept with it
 * (and shown to evaluators and in the audit log); the call's rules are then set aside.
 */
export function EligibilityOverride({
  application,
  organisationName,
}: {
  application: Application;
  organisationName: string;
}) {
  const { t } = useTranslation('secretariat');
  const [opened, { open, close }] = useDisclosure(false);
  if (application.status === 'draft') return null;
  return (
    <>
      <Button variant="default" size="compact-sm" onClick={open}>
        {t('eligibility.change')}
      </Button>
      {opened && <EligibilityDialog application={application} name={organisationName} onClose={close} />}
    </>
  );
}

function EligibilityDialog({
  application,
  name,
  onClose,
}: {
  application: Application;
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('secretariat');
  const revalidator = useRevalidator();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const current = application.eligibility;
  const form = useForm({
    initialValues: { eligible: current?.eligible ? 'no' : 'yes', reason: '' },
    validate: {
      reason: (value) =>
        value.trim().length >= MIN_REASON ? null : t('eligibility.reasonRequired', { count: MIN_REASON }),
    },
  });
  const decide = form.onSubmit(async ({ eligible, reason }) => {
    setProblem(null);
    try {
      await ok(
        api.POST('/api/v1/applications/{id}/eligibility', {
          params: { path: { id: application.id } },
          body: { eligible: eligible === 'yes', reason: reason.trim() },
        }),
      );
      await revalidator.revalidate();
      onClose();
    } catch (error) {
      const failure = asProblem(error);
      form.setErrors(fieldErrors(failure));
      setProblem(failure);
    }
  });
  return (
    <Modal opened onClose={onClose} title={t('eligibility.dialogTitle', { name })} size="lg" withCloseButton={false}>
      <form onSubmit={decide} noValidate>
        <Stack>
          <div>
            <Text fw={600}>{current?.eligible ? t('eligibility.nowEligible') : t('eligibility.nowIneligible')}</Text>
            {current && current.reasons.length > 0 && (
              <List size="sm">
                {current.reasons.map((reason) => (
                  <List.Item key={reason.code}>{eligibilityReason(reason)}</List.Item>
                ))}
              </List>
            )}
          </div>
          <Radio.Group label={t('eligibility.decision')} required {...form.getInputProps('eligible')}>
            <Group mt="xs">
              <Radio value="yes" label={t('eligibility.eligible')} />
              <Radio value="no" label={t('eligibility.ineligible')} />
            </Group>
          </Radio.Group>
          <Textarea
            label={t('eligibility.reason')}
            description={t('eligibility.reasonHint')}
            required
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          {problem && <ProblemAlert problem={problem} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('eligibility.record')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
