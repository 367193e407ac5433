import { randomInt } from 'node:crypto';
import { COMPLETE_ANSWERS, draftId, intakeCallOverrides, uploadDocument } from './applications';
import { callWithSubmissions, createEvaluators, secretariatOf, seatPanel, assignmentId } from './evaluation-fixtures';
import { ADMIN, SAMPLE_PDF, createApplicant, createCall } from './fixtures';
import { TestApi } from './test-app';

/** The small selection round the fuzz test aims at, so that requests carry real ids and reach deep code. */

export const FUZZ_ROLES = ['anonymous', 'applicant', 'evaluator', 'secretariat', 'admin'] as const;
export type FuzzRole = (typeof FUZZ_ROLES)[number];

export interface FuzzWorld {
  tokens: Record<Exclude<FuzzRole, 'anonymous'>, string>;
  applicantEmail: string;
  /** Real ids by kind of resource; the first of each is the caller's own where ownership applies. */
  ids: Record<FuzzIdKind, string[]>;
  /** The version of the draft call and of the applicant's draft, for If-Match. */
  versions: { draftCall: number; draftApplication: number };
  criterionCodes: string[];
}

export type FuzzIdKind = 'call' | 'application' | 'assignment' | 'document' | 'user' | 'organisation';

/**
 * Admin logins are limited per client address and e-mail in Redis; the run signs in from an address
 * of its own, as the other suites do.
 */
const CLIENT_ADDRESS = `198.51.${randomInt(256)}.${randomInt(1, 255)}`;

/**
 * A draft call; an open call with the applicant's draft (with a document) and another applicant's
 * submission; a closed call where the evaluator holds an assignment on the applicant's submission.
 */
export async function buildFuzzWorld(api: TestApi): Promise<FuzzWorld> {
  const secretariat = await secretariatOf(api);
  const [evaluator] = await createEvaluators(api, [{ countryCode: 'FR' }]);
  const applicant = await createApplicant(api, 'KE');
  const rival = await createApplicant(api, 'GH');

  const draftCall = await createCall(api, secretariat.token, {}, false);
  const closed = await callWithSubmissions(api, [applicant]);
  await seatPanel(api, closed.callId, [evaluator!]);
  const assignment = await assignmentId(api, closed.callId, closed.applicationIds[0]!, evaluator!.id);

  const openCall = await createCall(api, secretariat.token, intakeCallOverrides());
  const draft = await draftId(api, applicant.token, openCall.id, COMPLETE_ANSWERS);
  const rivalDraft = await draftId(api, rival.token, openCall.id, COMPLETE_ANSWERS);
  const submitted = await api.post(`/api/v1/applications/${rivalDraft}/submit`, { token: rival.token });
  if (submitted.status !== 200) throw new Error(`submit failed: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  const uploaded = await uploadDocument(api, applicant.token, draft, 'statutes', {
    buffer: SAMPLE_PDF,
    filename: 'statutes.pdf',
    contentType: 'application/pdf',
  });
  if (uploaded.status !== 201) throw new Error(`upload failed: ${uploaded.status} ${JSON.stringify(uploaded.body)}`);
  const draftRead = await api.get(`/api/v1/applications/${draft}`, { token: applicant.token });

  return {
    tokens: {
      applicant: applicant.token,
      evaluator: evaluator!.token,
      secretariat: secretariat.token,
      admin: await adminToken(api),
    },
    applicantEmail: applicant.email,
    ids: {
      call: [openCall.id, closed.callId, draftCall.id],
      application: [draft, closed.applicationIds[0]!, rivalDraft],
      assignment: [assignment],
      document: [uploaded.body.id as string],
      user: [applicant.id, evaluator!.id, secretariat.id, rival.id],
      organisation: [applicant.organisationId, rival.organisationId],
    },
    versions: { draftCall: draftCall.version, draftApplication: draftRead.body.version as number },
    criterionCodes: ['IMPACT', 'CAPACITY'],
  };
}

async function adminToken(api: TestApi): Promise<string> {
  const res = await api.post('/api/v1/auth/login', { body: ADMIN, headers: { 'X-Forwarded-For': CLIENT_ADDRESS } });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}
