import i18n from 'i18next';
import { ApiProblem } from './problem';
import { currentAccessToken, hasRefreshToken, refreshTokens } from './tokens';
import type { ApplicationDocument } from './types';

/**
 * Uploads one document of an application. XMLHttpRequest rather than fetch: only it reports the
 * progress of a request body. The path and fields are those of POST /applications/:id/documents.
 */
export async function uploadDocument(
  applicationId: string,
  kind: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<ApplicationDocument> {
  const send = () =>
    post(`/api/v1/applications/${encodeURIComponent(applicationId)}/documents`, kind, file, onProgress);
  let answer = await send();
  if (answer.status === 401 && hasRefreshToken() && (await refreshTokens())) answer = await send();
  if (answer.status !== 201) throw ApiProblem.from(answer.status, answer.body);
  return answer.body as ApplicationDocument;
}

interface XhrAnswer {
  status: number;
  body: unknown;
}

function post(url: string, kind: string, file: File, onProgress: (fraction: number) => void): Promise<XhrAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    const token = currentAccessToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Accept-Language', i18n.language);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.response as unknown });
    xhr.onerror = () => reject(ApiProblem.network(new Error('upload failed')));
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file);
    xhr.send(form);
  });
}
