import { api, ok, okAnswer } from './client';
import type { paths } from './schema';
import type { DocumentLanguage } from '../i18n/api-languages';

/**
 * Saves one of an application's documents. The download needs the bearer token, which a plain link
 * cannot send, so the bytes are fetched and handed to the browser as a file.
 */
export async function downloadDocument(applicationId: string, documentId: string, filename: string): Promise<void> {
  const blob = await ok(
    api.GET('/api/v1/applications/{id}/documents/{documentId}', {
      params: { path: { id: applicationId, documentId } },
      parseAs: 'blob',
    }),
  );
  saveFile(blob, filename);
}

/** Saves the document attached to the answer of a clarification request (fetched for the same reason). */
export async function downloadClarificationDocument(id: string, filename: string): Promise<void> {
  const blob = await ok(api.GET('/api/v1/clarifications/{id}/document', { params: { path: { id } }, parseAs: 'blob' }));
  saveFile(blob, filename);
}

/** Saves the application's cooperation agreement as issued, in a language the API writes it in, under the API's name for it. */
export async function downloadAgreement(applicationId: string, lang: DocumentLanguage): Promise<void> {
  const { data, response } = await okAnswer(
    api.GET('/api/v1/applications/{id}/agreement/document', {
      params: { path: { id: applicationId }, query: { lang } },
      parseAs: 'blob',
    }),
  );
  const named = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '');
  saveFile(data, named?.[1] ?? `cooperation-agreement-${lang}.pdf`);
}

/** Saves the signed copy of an agreement that the centre uploaded last. */
export async function downloadSignedCopy(applicationId: string, filename: string): Promise<void> {
  const blob = await ok(
    api.GET('/api/v1/applications/{id}/agreement/signed-copy', {
      params: { path: { id: applicationId } },
      parseAs: 'blob',
    }),
  );
  saveFile(blob, filename);
}

export type ExportFormat = 'csv' | 'xlsx';
export const EXPORT_FORMATS: ExportFormat[] = ['csv', 'xlsx'];

type ExportQuery<Path extends keyof paths> = paths[Path] extends {
  get: { parameters: { query?: infer Query } };
}
  ? Omit<NonNullable<Query>, 'format'>
  : never;

/** What each of a call's exports takes besides its format: the list's own filters and order. */
export interface ExportQueries {
  applications: ExportQuery<'/api/v1/calls/{id}/applications/export'>;
  ranking: ExportQuery<'/api/v1/calls/{id}/ranking/export'>;
  evaluations: ExportQuery<'/api/v1/calls/{id}/evaluations/export'>;
}
export type ExportTable = keyof ExportQueries;

/** Saves one of a call's exports under the name the API gives it (fetched for the same reason as a document). */
export async function downloadExport<Table extends ExportTable>(
  callId: string,
  table: Table,
  format: ExportFormat,
  query: ExportQueries[Table],
): Promise<void> {
  const params = { path: { id: callId }, query: { ...query, format } };
  const { data, response } = await okAnswer(
    table === 'applications'
      ? api.GET('/api/v1/calls/{id}/applications/export', { params, parseAs: 'blob' })
      : table === 'ranking'
        ? api.GET('/api/v1/calls/{id}/ranking/export', { params, parseAs: 'blob' })
        : api.GET('/api/v1/calls/{id}/evaluations/export', { params, parseAs: 'blob' }),
  );
  const named = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '');
  saveFile(data, named?.[1] ?? `${table}.${format}`);
}

function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
