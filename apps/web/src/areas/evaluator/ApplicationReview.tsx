import { Alert, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Application, Call } from '../../api/types';
import { AnswerText } from '../../shared/AnswerText';
import { DocumentsTable } from '../../shared/DocumentsTable';

export const APPLICATION_SECTION = 'application';

/** Questions whose answers point at the applicant itself, which a blind call withholds from its evaluators. */
const WITHHELD_WHEN_BLIND: ReadonlySet<string> = new Set(['url', 'email', 'people']);

/** The application as submitted: each answer under its question, then the documents to download. */
export function ApplicationReview({ application, call }: { application: Application; call: Call }) {
  const { t } = useTranslation('evaluator');
  return (
    <section aria-labelledby={APPLICATION_SECTION}>
      <Title order={2} id={APPLICATION_SECTION} mb="sm">
        {t('application.title')}
      </Title>
      {application.pseudonym && (
        <Alert color="blue" variant="light" title={t('application.blindTitle')} mb="md">
          {t('application.blind', { pseudonym: application.pseudonym })}
        </Alert>
      )}
      <Answers application={application} call={call} />
      <Title order={3} mt="lg" mb="xs">
        {t('application.documents')}
      </Title>
      {application.documents.length === 0 ? (
        <Text c="dimmed">{t('application.noDocuments')}</Text>
      ) : (
        <DocumentsTable application={application} />
      )}
    </section>
  );
}

/** In the call's order of questions. */
function Answers({ application, call }: { application: Application; call: Call }) {
  const { t } = useTranslation('evaluator');
  const { questions } = call;
  return (
    <Table withTableBorder verticalSpacing="sm">
      <Table.Tbody>
        {questions.map((question) => (
          <Table.Tr key={question.key}>
            <Table.Th scope="row" w="35%" fw={600} style={{ verticalAlign: 'top' }}>
              {question.label}
            </Table.Th>
            <Table.Td style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
              {question.key in application.answers ? (
                <AnswerText value={application.answers[question.key]} call={call} questionKey={question.key} />
              ) : (
                t(
                  application.pseudonym && WITHHELD_WHEN_BLIND.has(question.type)
                    ? 'application.withheld'
                    : 'application.unanswered',
                )
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
