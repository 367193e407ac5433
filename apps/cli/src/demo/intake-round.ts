import { ApiClient, ApiError } from './api-client';
import { DEMO_CALL, DEMO_CENTRES, DemoCentre, LATE_CENTRE, seededRandom, statutesPdf } from './demo-data';
import { Progress } from './progress';

const PASSWORD = 'demo-password-2026';
const FOCUS = ['AI', 'fintech', 'agritech', 'health', 'other'];

export interface IntakeOutcome {
  callId: string;
  /** The secretariat's access token, for the rest of the round. */
  secretariat: string;
  reference: string;
  closesAt: string;
  rows: Array<{
    name: string;
    countryCode: string;
    region: string;
    status: string;
    eligible?: boolean;
    reasons: string[];
  }>;
  refusals: Array<{ what: string; status: number; code: string; detail: string; fields: string[] }>;
}

interface Applicant {
  centre: DemoCentre;
  token: string;
}

/**
 * An intake round through the public HTTP API: the secretariat opens a call, centres from every
 * region register, draft, upload their statutes and submit; the mistakes a real round sees are
 * refused with their codes; after the deadline a late centre is turned away.
 */
export async function playIntakeRound(
  api: ApiClient,
  admin: { email: string; password: string },
  seed: number,
  secondsToDeadline: number,
): Promise<IntakeOutcome> {
  const random = seededRandom(seed);
  const refusals: IntakeOutcome['refusals'] = [];
  const refused = (what: string, error: ApiError) =>
    refusals.push({
      what,
      status: error.status,
      code: error.problem.code ?? '',
      detail: error.problem.detail ?? '',
      fields: (error.problem.errors ?? []).map((e) => e.field),
    });
  const progress = new Progress(4 + (DEMO_CENTRES.length + 1) * 2 + DEMO_CENTRES.length * 3);

  const adminToken = await api.login(admin.email, admin.password);
  const secretariatEmail = `secretariat.${seed}@bdt.example`;
  await api.request('POST', '/users', {
    token: adminToken,
    body: { email: secretariatEmail, password: PASSWORD, displayName: 'BDT secretariat', role: 'secretariat' },
  });
  const secretariat = await api.login(secretariatEmail, PASSWORD);
  progress.step('secretariat account created');

  const applicants: Applicant[] = [];
  for (const centre of [...DEMO_CENTRES, LATE_CENTRE]) {
    const email = `${centre.name.toLowerCase().replace(/[^a-z]+/g, '.')}@centres.example`;
    await api.request('POST', '/auth/register', {
      body: { email, password: PASSWORD, displayName: `${centre.name} team`, locale: centre.locale },
    });
    const token = await api.login(email, PASSWORD);
    progress.step(`${centre.name} registered`);
    await api.request('POST', '/organisations', {
      token,
      body: { name: centre.name, countryCode: centre.countryCode, type: centre.type, city: centre.city },
    });
    applicants.push({ centre, token });
    progress.step(`${centre.name} organisation (${centre.countryCode})`);
  }

  const now = Date.now();
  const reference = `BDT/DIR/DM/${String(13 + (seed % 80)).padStart(3, '0')}`;
  const call = await api.request<{ id: string; version: number; closesAt: string }>('POST', '/calls', {
    token: secretariat,
    body: {
      ...DEMO_CALL,
      reference,
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + secondsToDeadline * 1000).toISOString(),
    },
  });
  progress.step(`call ${reference} created`);
  await api.request('POST', `/calls/${call.id}/open`, { token: secretariat });
  progress.step('call opened');

  for (const [index, { centre, token }] of applicants.slice(0, DEMO_CENTRES.length).entries()) {
    const draft = await api.request<{ id: string; version: number }>('POST', `/calls/${call.id}/applications`, {
      token,
      body: { answers: { programme: `${centre.name} runs a six-month programme for digital start-ups.` } },
    });
    progress.step(`${centre.name}: draft saved`);
    if (index === 0) {
      refused(
        `${centre.name} submits before finishing`,
        await api.refusal('POST', `/applications/${draft.id}/submit`, { token }),
      );
    }
    const updated = await api.request<{ version: number }>('PATCH', `/applications/${draft.id}`, {
      token,
      headers: { 'If-Match': `"${draft.version}"` },
      body: {
        answers: {
          startups_per_year: 5 + Math.floor(random() * 40),
          focus: FOCUS[Math.floor(random() * FOCUS.length)],
        },
      },
    });
    if (index === 1) {
      refused(
        `${centre.name} saves from a stale tab`,
        await api.refusal('PATCH', `/applications/${draft.id}`, {
          token,
          headers: { 'If-Match': `"${draft.version}"` },
          body: { answers: { website: 'https://example.org' } },
        }),
      );
    }
    const form = new FormData();
    form.append('kind', 'statutes');
    form.append('file', new Blob([statutesPdf(centre.name)], { type: 'application/pdf' }), 'statutes.pdf');
    await api.request('POST', `/applications/${draft.id}/documents`, { token, body: form });
    if (index === 2) {
      const disguised = new FormData();
      disguised.append('kind', 'budget');
      disguised.append('file', new Blob(['MZ this is not a PDF'], { type: 'application/pdf' }), 'budget.pdf');
      refused(
        `${centre.name} uploads a renamed executable`,
        await api.refusal('POST', `/applications/${draft.id}/documents`, { token, body: disguised }),
      );
    }
    progress.step(`${centre.name}: answers (v${updated.version}) and statutes uploaded`);
    await api.request('POST', `/applications/${draft.id}/submit`, { token });
    progress.step(`${centre.name}: submitted`);
  }

  const late = applicants[applicants.length - 1];
  const lateDraft = await api.request<{ id: string }>('POST', `/calls/${call.id}/applications`, {
    token: late.token,
    body: { answers: { programme: 'We will finish tonight.', startups_per_year: 12, focus: 'AI' } },
  });
  const form = new FormData();
  form.append('kind', 'statutes');
  form.append('file', new Blob([statutesPdf(late.centre.name)], { type: 'application/pdf' }), 'statutes.pdf');
  await api.request('POST', `/applications/${lateDraft.id}/documents`, { token: late.token, body: form });
  await waitUntil(new Date(call.closesAt), progress);
  refused(
    `${late.centre.name} submits after the deadline`,
    await api.refusal('POST', `/applications/${lateDraft.id}/submit`, { token: late.token }),
  );
  progress.finish();

  const listed = await api.request<{ items: Array<Record<string, unknown>> }>(
    'GET',
    `/calls/${call.id}/applications?limit=500`,
    {
      token: secretariat,
    },
  );
  const names = new Map<string, string>();
  for (const { centre, token } of applicants) {
    const me = await api.request<{ organisationId: string }>('GET', '/me', { token });
    names.set(me.organisationId, centre.name);
  }
  return {
    callId: call.id,
    secretariat,
    reference,
    closesAt: call.closesAt,
    refusals,
    rows: listed.items.map((a) => {
      const eligibility = a.eligibility as { eligible: boolean; reasons: Array<{ message: string }> } | null;
      return {
        name: names.get(a.organisationId as string) ?? String(a.organisationId),
        countryCode: a.countryCode as string,
        region: a.region as string,
        status: a.status as string,
        eligible: eligibility?.eligible,
        reasons: eligibility?.reasons.map((r) => r.message) ?? [],
      };
    }),
  };
}

/** Waits for the call's deadline by the clock, telling the user why the demo pauses. */
async function waitUntil(deadline: Date, progress: Progress): Promise<void> {
  const remaining = deadline.getTime() - Date.now();
  if (remaining <= 0) return;
  progress.step(`waiting ${Math.ceil(remaining / 1000)} s for the deadline`);
  await new Promise((resolve) => setTimeout(resolve, remaining + 250));
}
