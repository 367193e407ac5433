import request, { Response } from 'supertest';
import { eventually } from './async';
import { ReceivedEmail, SmtpTestServer } from './smtp-server';
import { TestApi } from './test-app';

/** Helpers of the suites that follow clarification requests. */

/** A reply deadline `days` from now. */
export function replyByIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}

export function askClarification(
  api: TestApi,
  token: string,
  applicationId: string,
  body: Record<string, unknown>,
): Promise<Response> {
  return api.post(`/api/v1/applications/${applicationId}/clarifications`, { token, body });
}

/** Asks and answers the request's id, failing loudly otherwise. */
export async function clarificationId(
  api: TestApi,
  token: string,
  applicationId: string,
  question: string,
  days = 7,
): Promise<string> {
  const res = await askClarification(api, token, applicationId, { question, replyBy: replyByIn(days) });
  if (res.status !== 201) throw new Error(`ask failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** The answer as the portal sends it: a multipart form with the text and, optionally, one file. */
export async function answerClarification(
  api: TestApi,
  token: string,
  id: string,
  answer: string,
  file?: { buffer: Buffer; filename: string; contentType?: string },
): Promise<Response> {
  const url = `/api/v1/clarifications/${id}/answer`;
  if (file) return api.upload(url, token, file, { answer });
  const response = await request(api.server).post(url).set('Authorization', `Bearer ${token}`).field('answer', answer);
  api.contract.assertSupertestResponse(response);
  return response;
}

/** The requests of an application as the caller sees them (the first 500). */
export async function clarificationsOf(api: TestApi, token: string, applicationId: string): Promise<Response> {
  return api.get(`/api/v1/applications/${applicationId}/clarifications`, { token, query: { limit: 500 } });
}

/** The e-mail to an address whose subject starts so, once it has arrived (the applicant also got its receipt). */
export async function emailTo(smtp: SmtpTestServer, address: string, subjectStart: string): Promise<ReceivedEmail> {
  const wanted = (emails: ReceivedEmail[]) => emails.find((email) => email.subject.startsWith(subjectStart));
  const found = wanted(
    await eventually(
      async () => smtp.to(address),
      (emails) => wanted(emails) !== undefined,
    ),
  );
  if (!found) throw new Error(`no e-mail "${subjectStart}…" to ${address}`);
  return found;
}
