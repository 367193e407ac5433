import { api, ok } from './client';

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
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
