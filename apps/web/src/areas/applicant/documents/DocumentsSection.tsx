import { ActionIcon, Button, Group, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import { downloadDocument } from '../../../api/download';
import type { ApiProblem } from '../../../api/problem';
import type { Application, ApplicationDocument, Call } from '../../../api/types';
import { formatBytes } from '../../../shared/format';
import { documentKindLabel } from '../../../shared/labels';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { asProblem } from '../../../shared/problems';
import { UploadForm } from './UploadForm';

/** The id of the upload form's first field, which the submission's error summary links to. */
export function documentFieldId(): string {
  return 'document-kind';
}

interface DocumentsSectionProps {
  application: Application;
  call: Call | null;
  /** Submission errors by field; `documents.<kind>` names a required document that is missing. */
  errors?: Record<string, string>;
  editable: boolean;
}

export function DocumentsSection({ application, call, errors = {}, editable }: DocumentsSectionProps) {
  const { t } = useTranslation('applicant');
  const required = call?.eligibility.requiredDocuments ?? [];
  const attached = new Set(application.documents.map((d) => d.kind));
  const missing = required.filter((kind) => !attached.has(kind));
  return (
    <section aria-labelledby="documents">
      <Title order={2} id="documents" mb="xs">
        {t('documents.title')}
      </Title>
      {required.length > 0 && (
        <Text mb="sm">
          {t('documents.required', { kinds: required.map((kind) => documentKindLabel(kind)).join(', ') })}
        </Text>
      )}
      {missing.length > 0 && Object.keys(errors).some((field) => field.startsWith('documents.')) && (
        <Text c="red.9" mb="sm" role="alert">
          {t('documents.missing', { kinds: missing.map((kind) => documentKindLabel(kind)).join(', ') })}
        </Text>
      )}
      {application.documents.length === 0 ? (
        <Text c="dimmed" mb="sm">
          {t('documents.none')}
        </Text>
      ) : (
        <DocumentsTable application={application} editable={editable} />
      )}
      {editable && <UploadForm applicationId={application.id} kinds={[...required, 'other']} missing={missing} />}
    </section>
  );
}

function DocumentsTable({ application, editable }: { application: Application; editable: boolean }) {
  const { t, i18n } = useTranslation('applicant');
  const revalidator = useRevalidator();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const act = async (work: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(asProblem(error));
    }
  };
  const remove = (document: ApplicationDocument) =>
    act(async () => {
      await ok(
        api.DELETE('/api/v1/applications/{id}/documents/{documentId}', {
          params: { path: { id: application.id, documentId: document.id } },
        }),
      );
      await revalidator.revalidate();
    });
  return (
    <>
      {problem && <ProblemAlert problem={problem} />}
      <Table withTableBorder mb="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('documents.kind')}</Table.Th>
            <Table.Th scope="col">{t('documents.file')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('documents.size')}
            </Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('documents.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {application.documents.map((document) => (
            <Table.Tr key={document.id}>
              <Table.Td>{documentKindLabel(document.kind)}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{document.filename}</Table.Td>
              <Table.Td ta="right">{formatBytes(document.size, i18n.language)}</Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => void act(() => downloadDocument(application.id, document.id, document.filename))}
                    aria-label={t('documents.downloadNamed', { name: document.filename })}
                  >
                    {t('documents.download')}
                  </Button>
                  {editable && (
                    <ActionIcon
                      variant="default"
                      color="red"
                      onClick={() => void remove(document)}
                      aria-label={t('documents.removeNamed', { name: document.filename })}
                    >
                      ×
                    </ActionIcon>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
