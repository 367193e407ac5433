import { Alert, Anchor, Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import type { Application, Call } from '../../../api/types';
import { documentKindLabel } from '../../../shared/labels';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { asProblem, fieldErrors } from '../../../shared/problems';
import { documentFieldId } from '../documents/DocumentsSection';
import { fieldId } from './QuestionField';

interface SubmitPanelProps {
  application: Application;
  call: Call;
  saveNow: () => Promise<boolean>;
  onErrors: (errors: Record<string, string>) => void;
}

/**
 * Submission: saves what is typed first, then submits. What stops it is listed at the top of the
 * panel, each item linking to its field (the error summary pattern), and the list takes the focus.
 */
export function SubmitPanel({ application, call, saveNow, onErrors }: SubmitPanelProps) {
  const { t } = useTranslation('applicant');
  const revalidator = useRevalidator();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  const submit = async () => {
    setProblem(null);
    setSubmitting(true);
    try {
      if (!(await saveNow())) return;
      await ok(api.POST('/api/v1/applications/{id}/submit', { params: { path: { id: application.id } } }));
      await revalidator.revalidate();
    } catch (error) {
      const failure = asProblem(error);
      onErrors(fieldErrors(failure));
      setProblem(failure);
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setSubmitting(false);
    }
  };

  const label = (field: string) => {
    const [kind, key] = field.split('.', 2) as [string, string];
    if (kind === 'documents') return t('submit.missingDocument', { kind: documentKindLabel(key) });
    return call.questions.find((q) => q.key === key)?.label ?? key;
  };
  const href = (field: string) => {
    const [kind, key] = field.split('.', 2) as [string, string];
    return `#${kind === 'documents' ? documentFieldId() : fieldId(key)}`;
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="submit">
      <Stack>
        <Title order={2} id="submit">
          {t('submit.title')}
        </Title>
        <div ref={summary} tabIndex={-1}>
          {problem?.is('INCOMPLETE_APPLICATION', 'VALIDATION_FAILED') ? (
            <Alert color="red" variant="light" title={t('submit.incomplete')} role="alert">
              <List size="sm">
                {problem.errors.map((error) => (
                  <List.Item key={error.field}>
                    <Anchor href={href(error.field)} onClick={(event) => focusField(event, href(error.field))}>
                      {label(error.field)}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            problem && <ProblemAlert problem={problem} />
          )}
        </div>
        <Text>{t('submit.explanation')}</Text>
        <div>
          <Button onClick={() => void submit()} loading={submitting}>
            {t('submit.button')}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}

/** Moves to the field itself (a fragment link would only scroll there). */
function focusField(event: MouseEvent<HTMLAnchorElement>, href: string): void {
  const field = document.getElementById(href.slice(1));
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.scrollIntoView({ block: 'center' });
}
