import { Button, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadDocument } from '../../api/download';
import type { ApiProblem } from '../../api/problem';
import type { Application, ApplicationDocument, Call } from '../../api/types';
import { formatBytes } from '../../shared/format';
import { documentKindLabel } from '../../shared/labels';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { asProblem } from '../../shared/problems';

export const APPLICATION_SECTION = 'application';

/** The application as submitted: each answer under its question, then the documents to download. */
export function ApplicationReview({ application, call }: { application: Application; call: Call }) {
  const { t } = useTranslation('evaluator');
  return (
    <section aria-labelledby={APPLICATION_SECTION}>
      <Title order={2} id={APPLICATION_SECTION} mb="sm">
        {t('application.title')}
      </Title>
      <Answers application={application} call={call} />
      <Title order={3} mt="lg" mb="xs">
        {t('application.documents')}
      </Title>
      {application.documents.length === 0 ? (
        <Text c="dimmed">{t('application.noDocuments')}</Text>
      ) : (
        <Documents application={application} />
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
            <Table.Td style={{ whiteSpace: 'pre-line' }}>
              {question.key in application.answers
                ? String(application.answers[question.key])
                : t('application.unanswered')}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Documents({ application }: { application: Application }) {
  const { t, i18n } = useTranslation('evaluator');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const download = async (document: ApplicationDocument) => {
    setProblem(null);
    try {
      await downloadDocument(application.id, document.id, document.filename);
    } catch (error) {
      setProblem(asProblem(error));
    }
  };
  return (
    <>
      {problem && <ProblemAlert problem={problem} />}
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('application.documentKind')}</Table.Th>
            <Table.Th scope="col">{t('application.file')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('application.size')}
            </Table.Th>
            <Table.Th scope="col">{t('application.download')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {application.documents.map((document) => (
            <Table.Tr key={document.id}>
              <Table.Td>{documentKindLabel(document.kind)}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{document.filename}</Table.Td>
              <Table.Td ta="right">{formatBytes(document.size, i18n.language)}</Table.Td>
              <Table.Td>
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={() => void download(document)}
                  aria-label={t('application.downloadNamed', { name: document.filename })}
                >
                  {t('application.download')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
