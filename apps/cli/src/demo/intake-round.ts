import { ApiClient, ApiError } from './api-client';
import {
  DEMO_CALL,
  DEMO_CENTRES,
  DemoCentre,
  FOCUS_AREAS,
  LATE_CENTRE,
  STAGE_DUE_DAYS,
  centreEmail,
  statutesPdf,
} from './demo-data';
import { Progress } from './progress';
import { integerBetween, pick } from './seeded';
import { sleep } from './wait';

/** Every demo account's password, printed with --serve. */
export const DEMO_PASSWORD = 'demo-password-2026';
export const SECRETARIAT_EMAIL = 'secretariat@bdt.example';
const DAY_MS = 86_400_000;

export interface Refusal {
  what: string;
  status: number;
  code: string;
  detail: string;
  fields: string[];
}

export interface ApplicationRow {
  applicationId: string;
  name: string;
  countryCode: string;
  region: string;
  status: string;
  eligible?: boolean;
  reasons: string[];
}

export interface IntakeOutcome {
  callId: string;
  /** The secretariat's access token, for the rest of the round. */
  secretariat: string;
  reference: string;
  opensAt: string;
  closesAt: string;
  rows: ApplicationRow[];
  refusals: Refusal[];
}

interface Applicant {
  centre: DemoCentre;
  token: string;
  organisationId: string;
}

interface OpenCall {
  id: string;
  reference: string;
  opensAt: string;
  closesAt: string;
}

/**
 * An intake round through the public HTTP API: the secretariat opens a call, 44 centres register,
 * draft, upload their statutes and submit; the mistakes a real round sees are refused with their
 * codes; after the deadline a late centre is turned away. Requests go one at a time in the order
 * of DEMO_CENTRES, so that submission times (the ranking's last tie-break) follow the data too.
 */
export async function playIntakeRound(
  api: ApiClient,
  admin: { email: string; password: string },
  seed: number,
  secondsToDeadline: number,
): Promise<IntakeOutcome> {
  const centres = [...DEMO_CENTRES, LATE_CENTRE];
  const progress = new Progress('Intake', 2 + centres.length + DEMO_CENTRES.length + 2);
  const refusals: Refusal[] = [];
  const secretariat = await createSecretariat(api, admin);
  progress.step('secretariat account created');
  const applicants: Applicant[] = [];
  for (const centre of centres) {
    applicants.push(await registerCentre(api, centre));
    progress.step(`${centre.name} registered`);
  }
  const call = await openCall(api, secretariat, seed, secondsToDeadline);
  progress.step(`call ${call.reference} open until ${call.closesAt}`);
  for (const [index, applicant] of applicants.slice(0, DEMO_CENTRES.length).entries()) {
    const mistake = MISTAKES[index] as Mistake | undefined;
    const refused = await applyOnTime(api, call, applicant, seed, mistake);
    if (mistake && refused) refusals.push(refusalOf(`${applicant.centre.name} ${mistake}`, refused));
    progress.step(`${applicant.centre.name} submitted`);
  }
  const late = applicants[applicants.length - 1];
  refusals.push(await applyTooLate(api, call, late, seed, progress));
  progress.finish('intake closed');
  const rows = await applicationRows(api, secretariat, call.id, applicants);
  return { callId: call.id, secretariat, ...call, rows, refusals };
}

async function createSecretariat(api: ApiClient, admin: { email: string; password: string }): Promise<string> {
  const adminToken = await api.login(admin.email, admin.password);
  await api.request('POST', '/users', {
    token: adminToken,
    body: { email: SECRETARIAT_EMAIL, password: DEMO_PASSWORD, displayName: 'BDT secretariat', role: 'secretariat' },
  });
  return api.login(SECRETARIAT_EMAIL, DEMO_PASSWORD);
}

async function registerCentre(api: ApiClient, centre: DemoCentre): Promise<Applicant> {
  const email = centreEmail(centre);
  await api.request('POST', '/auth/register', {
    body: { email, password: DEMO_PASSWORD, displayName: `${centre.name} team`, locale: centre.locale },
  });
  const token = await api.login(email, DEMO_PASSWORD);
  const organisation = await api.request<{ id: string }>('POST', '/organisations', {
    token,
    body: { name: centre.name, countryCode: centre.countryCode, type: centre.type, city: centre.city },
  });
  return { centre, token, organisationId: organisation.id };
}

/** The call opened a minute ago; its deadline comes `secondsToDeadline` from now. */
async function openCall(api: ApiClient, secretariat: string, seed: number, secondsToDeadline: number) {
  const now = Date.now();
  const reference = `BDT/DIR/DM/${String(13 + (seed % 80)).padStart(3, '0')}`;
  const closesAt = now + secondsToDeadline * 1000;
  const stages = DEMO_CALL.stages.map((stage, index) => ({
    ...stage,
    evaluationDueAt: new Date(closesAt + STAGE_DUE_DAYS[index] * DAY_MS).toISOString(),
  }));
  const call = await api.request<OpenCall>('POST', '/calls', {
    token: secretariat,
    body: {
      ...DEMO_CALL,
      stages,
      reference,
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(closesAt).toISOString(),
    },
  });
  // The deadline is seconds away, so reminders hours before it would reach whichever drafts the
  // worker's scan happens to find: none to applicants, so that a seed sends the same e-mails every run.
  await api.request('PUT', `/calls/${call.id}/reminder-schedule`, {
    token: secretariat,
    body: { evaluatorDaysBefore: [7, 1], evaluatorDaysAfter: [1, 3], applicantHoursBefore: [] },
  });
  await api.request('POST', `/calls/${call.id}/open`, { token: secretariat });
  return { id: call.id, reference, opensAt: call.opensAt, closesAt: call.closesAt };
}

/** The mistakes users make, each shown once by one of the first centres. */
const MISTAKES = ['submits before finishing', 'saves from a stale tab', 'uploads a renamed executable'] as const;
type Mistake = (typeof MISTAKES)[number];

/**
 * Drafts, completes and submits one application, making the given mistake on the way. Most centres
 * send their answers with the draft: the fewer requests before the deadline, the shorter it can be.
 */
async function applyOnTime(
  api: ApiClient,
  call: OpenCall,
  { centre, token }: Applicant,
  seed: number,
  mistake?: Mistake,
): Promise<ApiError | undefined> {
  let refused: ApiError | undefined;
  const later = {
    startups_per_year: integerBetween(6, 60, seed, centre.name, 'startups'),
    focus: pick(FOCUS_AREAS, seed, centre.name, 'focus'),
  };
  const inTwoSteps = mistake === MISTAKES[0] || mistake === MISTAKES[1];
  const first = inTwoSteps ? { programme: programmeOf(centre) } : { programme: programmeOf(centre), ...later };
  const draft = await api.request<{ id: string; version: number }>('POST', `/calls/${call.id}/applications`, {
    token,
    body: { answers: first },
  });
  const path = `/applications/${draft.id}`;
  if (mistake === MISTAKES[0]) refused = await api.refusal('POST', `${path}/submit`, { token });
  if (inTwoSteps) {
    await api.request('PATCH', path, {
      token,
      headers: { 'If-Match': `"${draft.version}"` },
      body: { answers: later },
    });
  }
  if (mistake === MISTAKES[1]) refused = await api.refusal('PATCH', path, staleSave(token, draft.version));
  await upload(api, token, draft.id, 'statutes', statutesPdf(centre.name));
  if (mistake === MISTAKES[2]) refused = await refusedUpload(api, token, draft.id, Buffer.from('MZ not a PDF'));
  await submitBeforeDeadline(api, token, draft.id, centre);
  return refused;
}

async function submitBeforeDeadline(api: ApiClient, token: string, applicationId: string, centre: DemoCentre) {
  try {
    await api.request('POST', `/applications/${applicationId}/submit`, { token });
  } catch (error) {
    if (error instanceof ApiError && error.problem.code === 'DEADLINE_PASSED') {
      throw new Error(`The deadline passed before ${centre.name} could submit: give a longer --deadline.`);
    }
    throw error;
  }
}

function programmeOf(centre: DemoCentre): string {
  return `${centre.name} runs a six-month programme for digital start-ups in ${centre.city}, with mentoring, investor days and regional outreach.`;
}

function staleSave(token: string, version: number) {
  return { token, headers: { 'If-Match': `"${version}"` }, body: { answers: { website: 'https://example.org' } } };
}

function upload(api: ApiClient, token: string, applicationId: string, kind: string, bytes: Buffer) {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), `${kind}.pdf`);
  return api.request('POST', `/applications/${applicationId}/documents`, { token, body: form });
}

function refusedUpload(api: ApiClient, token: string, applicationId: string, bytes: Buffer): Promise<ApiError> {
  return upload(api, token, applicationId, 'budget', bytes).then(
    () => {
      throw new Error('a disguised executable was accepted');
    },
    (error: unknown) => {
      if (error instanceof ApiError) return error;
      throw error;
    },
  );
}

/** A centre that finishes its draft in time but submits after the deadline. */
async function applyTooLate(
  api: ApiClient,
  call: OpenCall,
  { centre, token }: Applicant,
  seed: number,
  progress: Progress,
): Promise<Refusal> {
  const answers = {
    programme: programmeOf(centre),
    startups_per_year: integerBetween(6, 60, seed, centre.name),
    focus: 'AI',
  };
  const draft = await api.request<{ id: string }>('POST', `/calls/${call.id}/applications`, {
    token,
    body: { answers },
  });
  await upload(api, token, draft.id, 'statutes', statutesPdf(centre.name));
  const remaining = new Date(call.closesAt).getTime() - Date.now();
  progress.step(`waiting ${Math.max(0, Math.ceil(remaining / 1000))} s for the deadline`);
  if (remaining > 0) await sleep(remaining + 250);
  const error = await api.refusal('POST', `/applications/${draft.id}/submit`, { token });
  return refusalOf(`${centre.name} submits after the deadline`, error);
}

function refusalOf(what: string, error: ApiError): Refusal {
  const { code = '', detail = '', errors = [] } = error.problem;
  return { what, status: error.status, code, detail, fields: errors.map((e) => e.field) };
}

async function applicationRows(
  api: ApiClient,
  secretariat: string,
  callId: string,
  applicants: Applicant[],
): Promise<ApplicationRow[]> {
  const names = new Map(applicants.map((a) => [a.organisationId, a.centre.name]));
  const listed = await api.request<{ items: Array<Record<string, unknown>> }>(
    'GET',
    `/calls/${callId}/applications?limit=500`,
    { token: secretariat },
  );
  return listed.items.map((a) => {
    const eligibility = a.eligibility as { eligible: boolean; reasons: Array<{ message: string }> } | null;
    return {
      applicationId: a.id as string,
      name: names.get(a.organisationId as string) ?? String(a.organisationId),
      countryCode: a.countryCode as string,
      region: a.region as string,
      status: a.status as string,
      eligible: eligibility?.eligible,
      reasons: eligibility?.reasons.map((r) => r.message) ?? [],
    };
  });
}
