import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../api/client';
import type { ApiProblem } from '../../api/problem';
import { ProblemAlert } from '../ProblemAlert';
import { asProblem, fieldErrors } from '../problems';
import { DEFAULT_REPLY_WINDOW, replyByAfter } from './reply-window';
import { ReplyWindowSelect } from './ReplyWindowSelect';

/** The API keeps questions of up to 4,000 characters. */
const MAX_QUESTION = 4000;

/**
 * A question for the applicant with its time to answer. An evaluator's is a proposal the
 * secretariat decides on; the secretariat's goes to the applicant at once (the texts say which).
 */
export function AskClarificationForm({ applicationId, proposal }: { applicationId: string; proposal: boolean }) {
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  const [question, setQuestion] = useState('');
  const [days, setDays] = useState(String(DEFAULT_REPLY_WINDOW));
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  const ask = async () => {
    setDone(null);
    setProblem(null);
    if (question.trim() === '') {
      setError(t('clarifications.ask.required'));
      return;
    }
    setError(null);
    setWorking(true);
    try {
      await ok(
        api.POST('/api/v1/applications/{id}/clarifications', {
          params: { path: { id: applicationId } },
          body: { question: question.trim(), replyBy: replyByAfter(Number(days)) },
        }),
      );
      setQuestion('');
      setDone(proposal ? t('clarifications.ask.proposed') : t('clarifications.ask.sent'));
      await revalidator.revalidate();
    } catch (caught) {
      const found = asProblem(caught);
      const fields = fieldErrors(found);
      if (fields.question) setError(fields.question);
      else setProblem(found);
    } finally {
      setWorking(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack>
        <Text fw={600}>{proposal ? t('clarifications.ask.proposeTitle') : t('clarifications.ask.title')}</Text>
        <Text size="sm">{proposal ? t('clarifications.ask.proposeHint') : t('clarifications.ask.hint')}</Text>
        <Textarea
          id="clarification-question"
          label={t('clarifications.ask.question')}
          value={question}
          onChange={(event) => setQuestion(event.currentTarget.value)}
          error={error}
          maxLength={MAX_QUESTION}
          autosize
          minRows={3}
          required
        />
        <ReplyWindowSelect id="clarification-window" value={days} onChange={setDays} />
        {problem && <ProblemAlert problem={problem} />}
        <div role="status">{done && <Text fw={600}>{done}</Text>}</div>
        <Group>
          <Button onClick={() => void ask()} loading={working}>
            {proposal ? t('clarifications.ask.propose') : t('clarifications.ask.send')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
