import { Button, Group, Input, Progress, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import type { ApiProblem } from '../../api/problem';
import type { Clarification } from '../../api/types';
import { answerClarification } from '../../api/upload';
import { ProblemAlert } from '../ProblemAlert';
import { asProblem, fieldErrors } from '../problems';

/** The types the API accepts for documents (it checks the bytes, not the name); the picker offers them first. */
const ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg';

/** The applicant's answer to a question sent to it: text, and optionally one document, sent once. */
export function AnswerForm({ clarification }: { clarification: Clarification }) {
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  const fileInput = useRef<HTMLInputElement>(null);
  const [answer, setAnswer] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const fileId = `answer-file-${clarification.id}`;

  const send = async () => {
    setProblem(null);
    if (answer.trim() === '') {
      setError(t('clarifications.answerForm.required'));
      return;
    }
    setError(null);
    setProgress(0);
    try {
      await answerClarification(clarification.id, answer.trim(), file, setProgress);
      await revalidator.revalidate();
    } catch (caught) {
      const found = asProblem(caught);
      const fields = fieldErrors(found);
      if (fields.answer) setError(fields.answer);
      else setProblem(found);
    } finally {
      setProgress(null);
    }
  };

  return (
    <Stack gap="sm">
      <Textarea
        id={`answer-${clarification.id}`}
        label={t('clarifications.answerForm.answer')}
        value={answer}
        onChange={(event) => setAnswer(event.currentTarget.value)}
        error={error}
        autosize
        minRows={3}
        maxLength={10_000}
        required
      />
      <Input.Wrapper
        label={t('clarifications.answerForm.file')}
        description={t('clarifications.answerForm.accepted')}
        id={fileId}
      >
        <input
          ref={fileInput}
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
          <Progress.Section value={Math.round(progress * 100)} aria-label={t('clarifications.answerForm.progress')} />
        </Progress.Root>
      )}
      {problem && <ProblemAlert problem={problem} />}
      <Text size="sm">{t('clarifications.answerForm.once')}</Text>
      <Group>
        <Button onClick={() => void send()} loading={progress !== null}>
          {t('clarifications.answerForm.send')}
        </Button>
      </Group>
    </Stack>
  );
}
