import { Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import type { Application, Call } from '../../../api/types';
import { documentKindLabel } from '../../../shared/labels';
import { fieldErrors } from '../../../shared/problems';
import { SubmitWithSummary } from '../../../shared/SubmitWithSummary';
import { documentFieldId } from '../documents/DocumentsSection';
import { personFieldId, type PersonPart } from './PeopleField';
import { fieldId } from './QuestionField';
import { SESSION_PICKER_ID } from './SessionPreferences';

interface SubmitPanelProps {
  application: Application;
  call: Call;
  saveNow: () => Promise<boolean>;
  onErrors: (errors: Record<string, string>) => void;
}

/** Submission of the application; each unanswered question or missing document is listed, linking to its field. */
export function SubmitPanel({ application, call, saveNow, onErrors }: SubmitPanelProps) {
  const { t } = useTranslation(['applicant', 'common']);
  const revalidator = useRevalidator();

  const label = (key: string) => call.questions.find((q) => q.key === key)?.label ?? key;
  const item = (field: string) => {
    // A part of one person of a people question: `answers.delegation[1].email`.
    const person = /^answers\.([^.[]+)\[(\d+)\]\.(name|title|email|role)$/.exec(field);
    if (person) {
      const [, key, index, part] = person as unknown as [string, string, string, PersonPart];
      return {
        fieldId: personFieldId(fieldId(key), Number(index), part),
        label: t('submit.personPart', {
          question: label(key),
          person: t('form.people.person', { number: Number(index) + 1 }),
          part: t(`common:people.${part}`),
        }),
      };
    }
    // A call with sessions asks for at least one (SESSION_REQUIRED, UNKNOWN_SESSION).
    if (field === 'sessionPreferences' || field.startsWith('sessionPreferences.'))
      return { fieldId: SESSION_PICKER_ID, label: t('sessions.title') };
    const [kind, key] = field.split('.', 2) as [string, string];
    if (kind === 'documents')
      return { fieldId: documentFieldId(), label: t('submit.missingDocument', { kind: documentKindLabel(key) }) };
    return { fieldId: fieldId(key), label: label(key) };
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="submit">
      <Stack>
        <Title order={2} id="submit">
          {t('submit.title')}
        </Title>
        <SubmitWithSummary
          explanation={t('submit.explanation')}
          buttonLabel={t('submit.button')}
          incompleteTitle={t('submit.incomplete')}
          saveNow={saveNow}
          send={async () => {
            await ok(api.POST('/api/v1/applications/{id}/submit', { params: { path: { id: application.id } } }));
            await revalidator.revalidate();
          }}
          summaryOf={(problem) =>
            problem.is('INCOMPLETE_APPLICATION', 'VALIDATION_FAILED') ? problem.errors.map((e) => item(e.field)) : []
          }
          onRefused={(problem) => onErrors(fieldErrors(problem))}
        />
      </Stack>
    </Paper>
  );
}
