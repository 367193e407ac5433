import { Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import type { Application, ApplicationDocument, Call } from '../../../api/types';
import { DocumentsTable } from '../../../shared/DocumentsTable';
import { documentKindLabel } from '../../../shared/labels';
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
        <AttachedDocuments application={application} editable={editable} />
      )}
      {editable && <UploadForm applicationId={application.id} kinds={[...required, 'other']} missing={missing} />}
    </section>
  );
}

/** The documents, which an applicant may remove while the application is editable. */
function AttachedDocuments({ application, editable }: { application: Application; editable: boolean }) {
  const revalidator = useRevalidator();
  const remove = async (document: ApplicationDocument) => {
    await ok(
      api.DELETE('/api/v1/applications/{id}/documents/{documentId}', {
        params: { path: { id: application.id, documentId: document.id } },
      }),
    );
    await revalidator.revalidate();
  };
  return <DocumentsTable application={application} onRemove={editable ? remove : undefined} />;
}
