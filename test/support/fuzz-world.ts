import { randomInt } from 'node:crypto';
import { COMPLETE_ANSWERS, draftId, intakeCallOverrides, uploadDocument } from './applications';
import { eventually } from './async';
import { clarificationId } from './clarifications';
import {
  assignmentId,
  callWithSubmissions,
  createEvaluators,
  evaluate,
  secretariatOf,
  seatPanel,
} from './evaluation-fixtures';
import { ADMIN, Actor, Applicant, SAMPLE_PDF, createApplicant, createCall } from './fixtures';
import { publishCohort, scoringStatus } from './scoring';
import { TestApi } from './test-app';
import { startWorker } from './worker';

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

export type FuzzIdKind =
  'call' | 'application' | 'assignment' | 'document' | 'user' | 'organisation' | 'cohort' | 'clarification';

/**
 * Admin logins are limited per client address and e-mail in Redis; the run signs in from an address
 * of its own, as the other suites do.
 */
const CLIENT_ADDRESS = `198.51.${randomInt(256)}.${randomInt(1, 255)}`;

/** A draft call, an open call, a closed call under evaluation and a published cohort. */
export async function buildFuzzWorld(api: TestApi): Promise<FuzzWorld> {
  // Scores the cohort's call; stopped before the fuzzing, so that nothing writes behind the requests' backs.
  const workerStarting = startWorker();
  try {
    const [secretariat, [evaluator], applicant, rival, admin] = await Promise.all([
      secretariatOf(api),
      createEvaluators(api, [{ countryCode: 'FR' }]),
      createApplicant(api, 'KE'),
      createApplicant(api, 'GH'),
      adminToken(api),
    ]);
    const [draftCall, closed, open, cohort] = await Promise.all([
      createCall(api, secretariat.token, {}, false),
      assignedCall(api, applicant, evaluator!),
      openCall(api, secretariat, applicant, rival),
      workerStarting.then(() => publishedCohort(api, secretariat, evaluator!, rival)),
    ]);
    return {
      tokens: { applicant: applicant.token, evaluator: evaluator!.token, secretariat: secretariat.token, admin },
      applicantEmail: applicant.email,
      ids: {
        call: [open.callId, closed.callId, draftCall.id],
        application: [open.draft, closed.applicationId, open.rivalSubmission],
        assignment: [closed.assignment],
        document: [open.document],
        user: [applicant.id, evaluator!.id, secretariat.id, rival.id],
        organisation: [applicant.organisationId, rival.organisationId],
        cohort: [cohort],
        clarification: [closed.clarification],
      },
      versions: { draftCall: draftCall.version, draftApplication: open.draftVersion },
      criterionCodes: ['IMPACT', 'CAPACITY'],
    };
  } finally {
    await (await workerStarting).close();
  }
}

/**
 * A closed call where the evaluator holds an assignment on the applicant's submission, and has
 * proposed a question to the applicant.
 */
async function assignedCall(api: TestApi, applicant: Applicant, evaluator: Actor) {
  const { callId, applicationIds } = await callWithSubmissions(api, [applicant]);
  await seatPanel(api, callId, [evaluator]);
  const assignment = await assignmentId(api, callId, applicationIds[0]!, evaluator.id);
  const clarification = await clarificationId(api, evaluator.token, applicationIds[0]!, 'How many start-ups?');
  return { callId, applicationId: applicationIds[0]!, assignment, clarification };
}

/** An open call with the applicant's draft, holding a document, and the rival's submission. */
async function openCall(api: TestApi, secretariat: Actor, applicant: Applicant, rival: Applicant) {
  const call = await createCall(api, secretariat.token, intakeCallOverrides());
  const [draft, rivalSubmission] = await Promise.all([
    draftId(api, applicant.token, call.id, COMPLETE_ANSWERS),
    draftId(api, rival.token, call.id, COMPLETE_ANSWERS),
  ]);
  const submitted = await api.post(`/api/v1/applications/${rivalSubmission}/submit`, { token: rival.token });
  if (submitted.status !== 200) throw new Error(`submit failed: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  const uploaded = await uploadDocument(api, applicant.token, draft, 'statutes', {
    buffer: SAMPLE_PDF,
    filename: 'statutes.pdf',
    contentType: 'application/pdf',
  });
  if (uploaded.status !== 201) throw new Error(`upload failed: ${uploaded.status} ${JSON.stringify(uploaded.body)}`);
  const read = await api.get(`/api/v1/applications/${draft}`, { token: applicant.token });
  return {
    callId: call.id,
    draft,
    rivalSubmission,
    document: uploaded.body.id as string,
    draftVersion: read.body.version as number,
  };
}

/** A call of the rival's application alone, evaluated, scored and its cohort published. */
async function publishedCohort(api: TestApi, secretariat: Actor, evaluator: Actor, rival: Applicant) {
  const { callId, applicationIds } = await callWithSubmissions(api, [rival]);
  await seatPanel(api, callId, [evaluator]);
  await evaluate(api, evaluator.token, await assignmentId(api, callId, applicationIds[0]!, evaluator.id));
  await eventually(
    () => scoringStatus(api, secretariat.token, callId),
    (status) => status.upToDate,
  );
  return publishCohort(api, secretariat.token, callId);
}

async function adminToken(api: TestApi): Promise<string> {
  const res = await api.post('/api/v1/auth/login', { body: ADMIN, headers: { 'X-Forwarded-For': CLIENT_ADDRESS } });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}
