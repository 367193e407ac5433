import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../api/client';
import type { ApiProblem } from '../../api/problem';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { asProblem } from '../../shared/problems';

/** Withdrawing cannot be undone, so it asks first (a focus-trapped dialog; Escape cancels). */
export function WithdrawButton({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation('applicant');
  const revalidator = useRevalidator();
  const [opened, { open, close }] = useDisclosure(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [working, setWorking] = useState(false);
  const withdraw = async () => {
    setWorking(true);
    setProblem(null);
    try {
      await ok(api.POST('/api/v1/applications/{id}/withdraw', { params: { path: { id: applicationId } } }));
      close();
      await revalidator.revalidate();
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setWorking(false);
    }
  };
  return (
    <div>
      <Button color="red.9" variant="outline" onClick={open}>
        {t('withdraw.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('withdraw.title')}>
        <Stack>
          <Text>{t('withdraw.confirm')}</Text>
          {problem && <ProblemAlert problem={problem} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              {t('withdraw.cancel')}
            </Button>
            <Button color="red.9" onClick={() => void withdraw()} loading={working}>
              {t('withdraw.confirmButton')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </div>
  );
}
