import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerValue, Application, Call } from '../../../api/types';
import { Countdown } from '../../../shared/Countdown';
import { DateTime } from '../../../shared/DateTime';
import { DocumentsSection } from '../documents/DocumentsSection';
import { ConflictDialog } from './ConflictDialog';
import { QuestionField } from './QuestionField';
import { SaveStatus } from './SaveStatus';
import { SessionPreferences } from './SessionPreferences';
import { SubmitPanel } from './SubmitPanel';
import { useAutosave } from './useAutosave';

/** A draft: the call's questions (saved as typed), the documents, and submission. */
export function DraftApplication({ application, call }: { application: Application; call: Call }) {
  const { t } = useTranslation('applicant');
  const draft = useAutosave(application);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const change = (key: string, value: AnswerValue | null) => {
    // The question's errors go, a people question's on each person (`answers.<key>[i].<part>`) too.
    setErrors((current) =>
      Object.fromEntries(
        Object.entries(current).filter(([field]) => field !== `answers.${key}` && !field.startsWith(`answers.${key}[`)),
      ),
    );
    draft.change(key, value);
  };
  return (
    <Stack gap="xl">
      <Paper withBorder p="md" radius="md" bg="gray.0">
        <Group gap="xs" wrap="wrap">
          <Text fw={600}>{t('application.deadline')}</Text>
          <DateTime value={call.closesAt} />
        </Group>
        <Countdown deadline={call.closesAt} />
      </Paper>
      <section aria-labelledby="answers">
        <Group justify="space-between" mb="sm">
          <Title order={2} id="answers">
            {t('application.answers')}
          </Title>
          <SaveStatus state={draft.state} onRetry={() => void draft.saveNow()} />
        </Group>
        <Text size="sm" c="dimmed" mb="md">
          {t('application.autosaveHint')}
        </Text>
        <Stack>
          {call.questions.map((question) => (
            <QuestionField
              key={question.key}
              question={question}
              value={draft.answers[question.key]}
              error={errors[`answers.${question.key}`]}
              partError={(index, part) => errors[`answers.${question.key}[${index}].${part}`]}
              onChange={(value) => change(question.key, value)}
              call={call}
            />
          ))}
        </Stack>
      </section>
      {call.sessions.length > 0 && (
        <SessionPreferences application={application} call={call} error={errors.sessionPreferences} />
      )}
      <DocumentsSection application={application} call={call} errors={errors} editable />
      <SubmitPanel application={application} call={call} saveNow={draft.saveNow} onErrors={setErrors} />
      {draft.state.status === 'conflict' && (
        <ConflictDialog
          theirs={draft.state.theirs}
          mine={draft.answers}
          questions={call.questions}
          onKeepMine={() => draft.state.status === 'conflict' && void draft.keepMine(draft.state.theirs)}
          onTakeTheirs={() => draft.state.status === 'conflict' && draft.takeTheirs(draft.state.theirs)}
        />
      )}
    </Stack>
  );
}
