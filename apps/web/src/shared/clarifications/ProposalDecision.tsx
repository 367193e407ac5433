import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../api/client';
import type { Clarification } from '../../api/types';
import { ProblemAlert } from '../ProblemAlert';
import { ReasonDialog } from '../ReasonDialog';
import { replyByAfter } from './reply-window';
import { ReplyWindowSelect } from './ReplyWindowSelect';
import { useTextSubmission } from './useTextSubmission';

/** The secretariat's decision on an evaluator's proposal: send it, in its own words if it likes, or decline it. */
export function ProposalDecision({ clarification }: { clarification: Clarification }) {
  const { t } = useTranslation('clarifications');
  const revalidator = useRevalidator();
  const question = useTextSubmission('question', t('ask.required'), clarification.question);
  const [replyWindow, setReplyWindow] = useState('keep');
  const [declining, { open, close }] = useDisclosure(false);
  const path = { params: { path: { id: clarification.id } } };

  const send = async () => {
    const sent = await question.submit(async (text) => {
      const reworded = text === clarification.question ? {} : { question: text };
      const deadline = replyWindow === 'keep' ? {} : { replyBy: replyByAfter(Number(replyWindow)) };
      await ok(api.POST('/api/v1/clarifications/{id}/approve', { ...path, body: { ...reworded, ...deadline } }));
    });
    if (sent) await revalidator.revalidate();
  };

  const decline = async (reason: string) => {
    await ok(api.POST('/api/v1/clarifications/{id}/decline', { ...path, body: { reason } }));
    close();
    await revalidator.revalidate();
  };

  return (
    <Stack gap="sm">
      <Textarea
        id={`wording-${clarification.id}`}
        label={t('decide.wording')}
        description={t('decide.wordingHint')}
        value={question.value}
        onChange={(event) => question.setValue(event.currentTarget.value)}
        error={question.error}
        autosize
        minRows={2}
        maxLength={4000}
      />
      <ReplyWindowSelect id={`window-${clarification.id}`} value={replyWindow} onChange={setReplyWindow} keep />
      {question.problem && <ProblemAlert problem={question.problem} />}
      <Group>
        <Button onClick={() => void send()} loading={question.working}>
          {t('decide.send')}
        </Button>
        <Button variant="default" onClick={open}>
          {t('decide.decline')}
        </Button>
      </Group>
      <ReasonDialog
        opened={declining}
        onClose={close}
        title={t('decide.declineTitle')}
        explanation={t('decide.declineExplanation')}
        reasonLabel={t('decide.reason')}
        confirmLabel={t('decide.declineConfirm')}
        minLength={3}
        destructive
        onConfirm={decline}
      />
    </Stack>
  );
}
