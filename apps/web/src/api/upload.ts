import i18n from 'i18next';
import { ApiProblem } from './problem';
import { currentAccessToken, hasRefreshToken, refreshTokens } from './tokens';
import type { Agreement, ApplicationDocument, Clarification } from './types';

/**
 * Uploads one document of an application. XMLHttpRequest rather than fetch: only it reports the
 * progress of a request body. The path and fields are those of POST /applications/:id/documents.
 */
export function uploadDocument(
  applicationId: string,
  kind: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<ApplicationDocument> {
  const form = () => {
    const fields = new FormData();
    fields.append('kind', kind);
    fields.append('file', file);
    return fields;
  };
  const url = `/api/v1/applications/${encodeURIComponent(applicationId)}/documents`;
  return sendForm<ApplicationDocument>(url, form, 201, onProgress);
}

/** Uploads the centre's signed copy of its cooperation agreement, a PDF (POST /applications/:id/agreement/signed-copy). */
export function uploadSignedAgreement(
  applicationId: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<Agreement> {
  const form = () => {
    const fields = new FormData();
    fields.append('file', file);
    return fields;
  };
  const url = `/api/v1/applications/${encodeURIComponent(applicationId)}/agreement/signed-copy`;
  return sendForm<Agreement>(url, form, 200, onProgress);
}

/** Answers a clarification request: the text and, optionally, one file (POST /clarifications/:id/answer). */
export function answerClarification(
  id: string,
  answer: string,
  file: File | null,
  onProgress: (fraction: number) => void,
): Promise<Clarification> {
  const form = () => {
    const fields = new FormData();
    fields.append('answer', answer);
    if (file) fields.append('file', file);
    return fields;
  };
  return sendForm<Clarification>(`/api/v1/clarifications/${encodeURIComponent(id)}/answer`, form, 200, onProgress);
}

/** Posts a multipart form, once more after refreshing the tokens on a 401; anything but `expected` is a problem. */
async function sendForm<T>(
  url: string,
  form: () => FormData,
  expected: number,
  onProgress: (fraction: number) => void,
): Promise<T> {
  let answer = await post(url, form(), onProgress);
  if (answer.status === 401 && hasRefreshToken() && (await refreshTokens()))
    answer = await post(url, form(), onProgress);
  if (answer.status !== expected) throw ApiProblem.from(answer.status, answer.body);
  return answer.body as T;
}

interface XhrAnswer {
  status: number;
  body: unknown;
}

function post(url: string, form: FormData, onProgress: (fraction: number) => void): Promise<XhrAnswer> {
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
    xhr.send(form);
  });
}
