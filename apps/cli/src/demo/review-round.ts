import { ApiClient } from './api-client';
import { DEMO_CALL, seededRandom } from './demo-data';

const PASSWORD = 'demo-password-2026';

/** The panel: one lenient and one harsh evaluator, and one who works for an applicant. */
const EVALUATORS = [
  { name: 'Amina Diallo', countryCode: 'KE', affiliation: 'University of Nairobi', bias: 1.5 },
  { name: 'Jean Martin', countryCode: 'FR', affiliation: 'Station F', bias: -2 },
  { name: 'Lucía Pérez', countryCode: 'AR', affiliation: 'Cairo ICT Incubator', bias: 0 },
  { name: 'Kenji Sato', countryCode: 'JP', affiliation: 'Keio University', bias: 0 },
];

export interface ReviewOutcome {
  created: number;
  unassigned: number;
  loads: Array<{ name: string; load: number }>;
  conflicts: string[];
  evaluationsSubmitted: number;
  hiddenBeforeOwnSubmission: number;
}

/**
 * The review through the public HTTP API: the secretariat closes the call, seats a panel, an
 * evaluator declares a conflict, automatic assignment avoids it (and the automatic ones), and
 * every evaluator scores and submits its applications.
 */
export async function playReviewRound(
  api: ApiClient,
  secretariat: string,
  callId: string,
  seed: number,
): Promise<ReviewOutcome> {
  const random = seededRandom(seed + 1);
  await api.request('POST', `/calls/${callId}/close`, { token: secretariat });
  const panel: Array<{ id: string; token: string; name: string; bias: number }> = [];
  for (const evaluator of EVALUATORS) {
    const email = `${evaluator.name.toLowerCase().replace(/[^a-z]+/g, '.')}.${seed}@panel.example`;
    const user = await api.request<{ id: string }>('POST', '/users', {
      token: secretariat,
      body: {
        email,
        password: PASSWORD,
        displayName: evaluator.name,
        role: 'evaluator',
        countryCode: evaluator.countryCode,
        affiliation: evaluator.affiliation,
      },
    });
    panel.push({ id: user.id, token: await api.login(email, PASSWORD), name: evaluator.name, bias: evaluator.bias });
  }
  await api.request('POST', `/calls/${callId}/panel`, {
    token: secretariat,
    body: { evaluatorIds: panel.map((p) => p.id) },
  });

  const applications = await api.request<{ items: Array<{ id: string; countryCode: string }> }>(
    'GET',
    `/calls/${callId}/applications?status=submitted&limit=500`,
    { token: secretariat },
  );
  const declared = applications.items.find((a) => a.countryCode === 'BR');
  const conflicts: string[] = [];
  if (declared) {
    await api.request('POST', `/calls/${callId}/conflicts`, {
      token: panel[3].token,
      body: { applicationId: declared.id, reason: 'I mentored two of its start-ups last year.' },
    });
    conflicts.push(`${panel[3].name} declared a conflict with the application from BR`);
  }
  conflicts.push(`${panel[2].name} works for Cairo ICT Incubator: never assigned to it`);
  conflicts.push(`evaluators never review applications from their own country (the call excludes it)`);

  const report = await api.request<{
    created: number;
    assignmentsPerEvaluator: Record<string, number>;
    unassigned: unknown[];
  }>('POST', `/calls/${callId}/assignments/auto`, { token: secretariat });

  let submitted = 0;
  let hidden = 0;
  for (const evaluator of panel) {
    const mine = await api.request<{ items: Array<{ id: string; applicationId: string }> }>(
      'GET',
      `/me/assignments?callId=${callId}`,
      {
        token: evaluator.token,
      },
    );
    for (const assignment of mine.items) {
      const peek = await api.refusal('GET', `/applications/${assignment.applicationId}/evaluations`, {
        token: evaluator.token,
      });
      if (peek.status === 403) hidden += 1;
      const scores = DEMO_CALL.criteria.map((c) => ({
        criterionCode: c.code,
        score: Math.max(0, Math.min(10, Math.round(4 + random() * 5 + evaluator.bias))),
      }));
      await api.request('PUT', `/assignments/${assignment.id}/evaluation`, {
        token: evaluator.token,
        body: { scores },
      });
      await api.request('POST', `/assignments/${assignment.id}/evaluation/submit`, { token: evaluator.token });
      submitted += 1;
    }
  }
  return {
    created: report.created,
    unassigned: report.unassigned.length,
    loads: panel.map((p) => ({ name: p.name, load: report.assignmentsPerEvaluator[p.id] ?? 0 })),
    conflicts,
    evaluationsSubmitted: submitted,
    hiddenBeforeOwnSubmission: hidden,
  };
}
