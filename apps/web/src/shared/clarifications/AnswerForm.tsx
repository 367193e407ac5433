import { Button, Group, Input, Progress, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import type { Clarification } from '../../api/types';
import { answerClarification } from '../../api/upload';
import { ProblemAlert } from '../ProblemAlert';
import { useTextSubmission } from './useTextSubmission';

/** The types the API accepts for documents (it checks the bytes, not the name); the picker offers them first. */
const ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg';

/** The applicant's answer to a question sent to it: text, and optionally one document, sent once. */
export function AnswerForm({ clarification }: { clarification: Clarification }) {
  const { t } = useTranslation('clarifications');
  const revalidator = useRevalidator();
  const answer = useTextSubmission('answer', t('answerForm.required'));
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const fileId = `answer-file-${clarification.id}`;

  const send = async () => {
    const answered = await answer.submit((text) =>
      answerClarification(clarification.id, text, file, setProgress).then(() => undefined),
    );
    setProgress(null);
    if (answered) await revalidator.revalidate();
  };

  return (
    <Stack gap="sm">
      <Textarea
        id={`answer-${clarification.id}`}
        label={t('answerForm.answer')}
        value={answer.value}
        onChange={(event) => answer.setValue(event.currentTarget.value)}
        error={answer.error}
        autosize
        minRows={3}
        maxLength={10_000}
        required
      />
      <Input.Wrapper label={t('answerForm.file')} description={t('answerForm.accepted')} id={fileId}>
        <input
          id={fileId}
          type="file"
          accept={ACCEPT}
          aria-describedby={`${fileId}-description`}
          onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
          style={{ display: 'block', marginTop: 4, maxWidth: '100%' }}
        />
      </Input.Wrapper>
      {progress !== null && (
        <Progress.Root size="lg">
          <Progress.Section value={Math.round(progress * 100)} aria-label={t('answerForm.progress')} />
        </Progress.Root>
      )}
      {answer.problem && <ProblemAlert problem={answer.problem} />}
      <Text size="sm">{t('answerForm.once')}</Text>
      <Group>
        <Button onClick={() => void send()} loading={answer.working}>
          {t('answerForm.send')}
        </Button>
      </Group>
    </Stack>
  );
}
