import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../api/client';
import { ProblemAlert } from '../ProblemAlert';
import { DEFAULT_REPLY_WINDOW, replyByAfter } from './reply-window';
import { ReplyWindowSelect } from './ReplyWindowSelect';
import { useTextSubmission } from './useTextSubmission';

/** The API keeps questions of up to 4,000 characters. */
const MAX_QUESTION = 4000;

/**
 * A question for the applicant with its time to answer. An evaluator's is a proposal the
 * secretariat decides on; the secretariat's goes to the applicant at once (the texts say which).
 */
export function AskClarificationForm({ applicationId, proposal }: { applicationId: string; proposal: boolean }) {
  const { t } = useTranslation('clarifications');
  const revalidator = useRevalidator();
  const question = useTextSubmission('question', t('ask.required'));
  const [days, setDays] = useState(String(DEFAULT_REPLY_WINDOW));
  const [done, setDone] = useState<string | null>(null);

  const ask = async () => {
    setDone(null);
    const asked = await question.submit((text) =>
      ok(
        api.POST('/api/v1/applications/{id}/clarifications', {
          params: { path: { id: applicationId } },
          body: { question: text, replyBy: replyByAfter(Number(days)) },
        }),
      ).then(() => undefined),
    );
    if (!asked) return;
    question.setValue('');
    setDone(proposal ? t('ask.proposed') : t('ask.sent'));
    await revalidator.revalidate();
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack>
        <Text fw={600}>{proposal ? t('ask.proposeTitle') : t('ask.title')}</Text>
        <Text size="sm">{proposal ? t('ask.proposeHint') : t('ask.hint')}</Text>
        <Textarea
          id="clarification-question"
          label={t('ask.question')}
          value={question.value}
          onChange={(event) => question.setValue(event.currentTarget.value)}
          error={question.error}
          maxLength={MAX_QUESTION}
          autosize
          minRows={3}
          required
        />
        <ReplyWindowSelect id="clarification-window" value={days} onChange={setDays} />
        {question.problem && <ProblemAlert problem={question.problem} />}
        <div role="status">{done && <Text fw={600}>{done}</Text>}</div>
        <Group>
          <Button onClick={() => void ask()} loading={question.working}>
            {proposal ? t('ask.propose') : t('ask.send')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
