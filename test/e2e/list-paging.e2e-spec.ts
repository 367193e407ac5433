import request from 'supertest';
import {
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  seatPanel,
  secretariatOf,
} from '../support/evaluation-fixtures';
import {
  Actor,
  Applicant,
  adminToken,
  createCall,
  createStaff,
  login,
  registrationCall,
  uniqueEmail,
} from '../support/fixtures';
import { evaluatedCall, publishCohort } from '../support/scoring';
import { TestApi } from '../support/test-app';
import { startWorker } from '../support/worker';
import { replyByIn } from '../support/clarifications';
import { expectProblem, problemFields } from './identity.helpers';

interface Parameter {
  name: string;
  in: string;
}

interface Operation {
  parameters?: Parameter[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

/** How to call a list: its URL with real ids, who may read it, and the fewest items the round gives it. */
interface ListCall {
  url: string;
  token?: string;
  atLeast: number;
}

/** Every GET whose answer is `{ items, total }`, as `GET /path/{template}`. */
function listOperations(document: Document): Array<{ key: string; operation: Operation }> {
  return Object.entries(document.paths).flatMap(([path, item]) => {
    const operation = item.get;
    const ref = operation?.responses['200']?.content?.['application/json']?.schema?.$ref;
    const properties = ref ? document.components.schemas[ref.split('/').pop() ?? '']?.properties : undefined;
    return operation && properties && 'items' in properties && 'total' in properties
      ? [{ key: `GET ${path}`, operation }]
      : [];
  });
}

/**
 * API.md: every list takes `limit` (1–500, default 50) and `offset`, and answers `{ items, total }`
 * with `total` counting the whole list. Walks every list operation of the served document, so a new
 * list without paging fails here.
 */
describe('paging of every list', () => {
  let api: TestApi;
  let document: Document;
  let lists: Record<string, ListCall>;

  beforeAll(async () => {
    api = await TestApi.start();
    document = (await request(api.server).get('/docs-json')).body as Document;
    // The worker scores the round; stopped before the checks, so that no list grows while they page it.
    const worker = await startWorker();
    try {
      lists = await aRound(api);
    } finally {
      await worker.close();
    }
  }, 420_000);
  afterAll(() => api.close());

  it('knows how to call every list operation the document declares (a new one must be added here)', () => {
    expect(
      listOperations(document)
        .map((o) => o.key)
        .sort(),
    ).toEqual(Object.keys(lists).sort());
  });

  it('declares limit and offset as query parameters of every list', () => {
    const undeclared = listOperations(document).filter(({ operation }) => {
      const query = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      return !query.includes('limit') || !query.includes('offset');
    });
    expect(undeclared.map((o) => o.key)).toEqual([]);
  });

  describe.each([
    ['limit', '501'],
    ['limit', '0'],
    ['offset', '-1'],
  ])('refuses %s=%s', (field, value) => {
    it('with 400 VALIDATION_FAILED naming it, on every list', async () => {
      for (const [key, list] of Object.entries(lists)) {
        const res = await api.get(list.url, { token: list.token, query: { [field]: value } });
        expectProblem(res, 400, 'VALIDATION_FAILED');
        expect({ key, fields: problemFields(res) }).toEqual({ key, fields: [field] });
      }
    });
  });

  it('answers at most `limit` items and the whole count in total, on every list', async () => {
    for (const [key, list] of Object.entries(lists)) {
      const whole = await api.get(list.url, { token: list.token, query: { limit: 500 } });
      const first = await api.get(list.url, { token: list.token, query: { limit: 1 } });
      const second = await api.get(list.url, { token: list.token, query: { limit: 1, offset: 1 } });

      expect({ key, statuses: [whole.status, first.status, second.status] }).toEqual({
        key,
        statuses: [200, 200, 200],
      });
      const total = whole.body.total as number;
      expect({ key, enough: total >= list.atLeast, all: whole.body.items.length }).toEqual({
        key,
        enough: true,
        all: Math.min(total, 500),
      });
      expect({ key, first: first.body.items.length, total: first.body.total }).toEqual({
        key,
        first: Math.min(total, 1),
        total,
      });
      expect({ key, second: second.body.items, total: second.body.total }).toEqual({
        key,
        second: whole.body.items.slice(1, 2),
        total,
      });
    }
  });
});

/**
 * A small selection round with something in every list: a scored call (ranking, evaluations,
 * assignments, cohort proposals) and a call with declared conflicts.
 */
async function aRound(api: TestApi): Promise<Record<string, ListCall>> {
  const secretariat = await secretariatOf(api);
  const evaluators = await createEvaluators(api, [{ countryCode: 'DE' }, { countryCode: 'JP' }]);
  const applicants = await createApplicantsFrom(
    api,
    ['KE', 'BR', 'IN'].map((countryCode) => ({ countryCode })),
  );
  const scored = await evaluatedCall(api, evaluators, applicants, 2);
  for (let i = 0; i < 2; i++) {
    const proposed = await api.post(`/api/v1/calls/${scored.callId}/cohorts`, { token: secretariat.token, body: {} });
    if (proposed.status !== 201)
      throw new Error(`proposal failed: ${proposed.status} ${JSON.stringify(proposed.body)}`);
  }
  const withConflicts = await callWithSubmissions(api, applicants);
  await seatPanel(api, withConflicts.callId, evaluators);
  for (const applicationId of withConflicts.applicationIds.slice(0, 2)) {
    await declareConflict(api, secretariat, withConflicts.callId, applicationId, evaluators[0]);
  }
  for (const evaluator of evaluators) {
    const declared = await api.put(`/api/v1/calls/${withConflicts.callId}/expertise/me`, {
      token: evaluator.token,
      body: { keywords: [], description: 'Digital start-ups and their financing.' },
    });
    if (declared.status !== 200)
      throw new Error(`expertise failed: ${declared.status} ${JSON.stringify(declared.body)}`);
  }
  const [applicant] = applicants;
  const staff = secretariat.token;
  // An account changed twice (its history) and signed in twice (its sessions).
  const admin = await adminToken(api);
  const person = await createStaff(api, 'evaluator');
  await login(api, person.email);
  for (const role of ['secretariat', 'evaluator']) {
    const changed = await api.patch(`/api/v1/users/${person.id}`, { token: admin, body: { role, reason: 'Paging' } });
    if (changed.status !== 200) throw new Error(`account change failed: ${changed.status}`);
  }
  // Two invitations, two API tokens and a second member of the applicant's organisation.
  for (const role of ['evaluator', 'secretariat']) {
    const invited = await api.post('/api/v1/invitations', {
      token: staff,
      body: { email: uniqueEmail('invited'), displayName: 'Invited for paging', role },
    });
    if (invited.status !== 201) throw new Error(`invitation failed: ${invited.status} ${JSON.stringify(invited.body)}`);
  }
  for (const name of ['paging one', 'paging two']) {
    const created = await api.post('/api/v1/me/api-tokens', {
      token: staff,
      body: { name, scopes: ['read'], expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    if (created.status !== 201) throw new Error(`API token failed: ${created.status} ${JSON.stringify(created.body)}`);
  }
  const colleague = await api.post(`/api/v1/organisations/${applicant.organisationId}/members/invitations`, {
    token: applicant.token,
    body: { email: uniqueEmail('colleague'), displayName: 'Colleague for paging' },
  });
  if (colleague.status !== 201)
    throw new Error(`colleague failed: ${colleague.status} ${JSON.stringify(colleague.body)}`);
  // Two questions to the applicant, two posts of a discussion (one edited), two applications added to
  // moderation, one of them resolved twice.
  const [first, second] = scored.applicationIds;
  const expectCreated = async (what: string, sent: Promise<request.Response>, status = 201) => {
    const res = await sent;
    if (res.status !== status) throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  for (const question of ['Who runs the programme?', 'What is the budget?']) {
    await expectCreated(
      'clarification',
      api.post(`/api/v1/applications/${first}/clarifications`, {
        token: staff,
        body: { question, replyBy: replyByIn(10) },
      }),
    );
  }
  const discussion = `/api/v1/applications/${first}/discussion/posts`;
  const post = await expectCreated('post', api.post(discussion, { token: staff, body: { body: 'First post.' } }));
  await expectCreated('post', api.post(discussion, { token: staff, body: { body: 'Second post.' } }));
  await expectCreated(
    'edit',
    api.patch(`${discussion}/${post.body.id}`, {
      token: staff,
      body: { body: 'First post, edited.' },
      headers: { 'If-Match': `"${post.body.version}"` },
    }),
    200,
  );
  const moderation = `/api/v1/calls/${scored.callId}/moderation`;
  for (const applicationId of [first, second]) {
    await expectCreated(
      'moderation',
      api.post(`${moderation}/queue/${applicationId}`, { token: staff, body: { reason: 'Paging' } }),
      204,
    );
  }
  for (const note of ['Fine.', 'Still fine.']) {
    await expectCreated(
      'resolution',
      api.post(`${moderation}/applications/${first}/resolutions`, {
        token: staff,
        body: { outcome: 'scores_stand', note },
      }),
    );
  }
  // The second evaluator chairs both calls.
  for (const callId of [scored.callId, withConflicts.callId]) {
    await expectCreated(
      'chair',
      api.put(`/api/v1/calls/${callId}/moderation/chair`, { token: staff, body: { evaluatorId: evaluators[1].id } }),
      200,
    );
  }
  const allocatedCallId = await allocatedSessions(api, secretariat, applicants.slice(0, 2));
  // Published last: nothing of the call may change after it.
  const cohortId = await publishCohort(api, staff, scored.callId);
  return {
    'GET /api/v1/cohorts/{id}/offers': { url: `/api/v1/cohorts/${cohortId}/offers`, token: staff, atLeast: 2 },
    'GET /api/v1/public/cohorts/{id}/amendments': { url: `/api/v1/public/cohorts/${cohortId}/amendments`, atLeast: 0 },
    'GET /api/v1/public/calls/{id}/lottery-commitments': {
      url: `/api/v1/public/calls/${scored.callId}/lottery-commitments`,
      atLeast: 0,
    },
    'GET /api/v1/cohorts/{id}/agreements': { url: `/api/v1/cohorts/${cohortId}/agreements`, token: staff, atLeast: 0 },
    'GET /api/v1/public/directory': { url: '/api/v1/public/directory', atLeast: 0 },
    'GET /api/v1/moderation/chaired-calls': {
      url: '/api/v1/moderation/chaired-calls',
      token: evaluators[1].token,
      atLeast: 2,
    },
    'GET /api/v1/applications/{id}/clarifications': {
      url: `/api/v1/applications/${first}/clarifications`,
      token: staff,
      atLeast: 2,
    },
    'GET /api/v1/calls/{id}/clarifications': {
      url: `/api/v1/calls/${scored.callId}/clarifications`,
      token: staff,
      atLeast: 2,
    },
    'GET /api/v1/applications/{id}/discussion/posts': { url: discussion, token: staff, atLeast: 2 },
    'GET /api/v1/applications/{id}/discussion/posts/{postId}/versions': {
      url: `${discussion}/${post.body.id}/versions`,
      token: staff,
      atLeast: 1,
    },
    'GET /api/v1/applications/{id}/discussion/participants': {
      url: `/api/v1/applications/${first}/discussion/participants`,
      token: staff,
      atLeast: 2,
    },
    'GET /api/v1/calls/{id}/evaluator-confidence': {
      url: `/api/v1/calls/${scored.callId}/evaluator-confidence`,
      token: staff,
      atLeast: 2,
    },
    'GET /api/v1/calls/{id}/moderation/queue': { url: `${moderation}/queue`, token: staff, atLeast: 2 },
    'GET /api/v1/calls/{id}/moderation/applications/{applicationId}/resolutions': {
      url: `${moderation}/applications/${first}/resolutions`,
      token: staff,
      atLeast: 2,
    },
    'GET /api/v1/calls': { url: '/api/v1/calls', token: staff, atLeast: 2 },
    'GET /api/v1/calls/{id}/applications': {
      url: `/api/v1/calls/${scored.callId}/applications`,
      token: staff,
      atLeast: 3,
    },
    'GET /api/v1/calls/{id}/ranking': { url: `/api/v1/calls/${scored.callId}/ranking`, token: staff, atLeast: 3 },
    'GET /api/v1/calls/{id}/session-allocation': {
      url: `/api/v1/calls/${allocatedCallId}/session-allocation`,
      token: staff,
      atLeast: 2,
    },
    'GET /api/v1/calls/{id}/cohorts': { url: `/api/v1/calls/${scored.callId}/cohorts`, token: staff, atLeast: 2 },
    'GET /api/v1/calls/{id}/conflicts': {
      url: `/api/v1/calls/${withConflicts.callId}/conflicts`,
      token: staff,
      atLeast: 2,
    },
    'GET /api/v1/calls/{id}/expertise': {
      url: `/api/v1/calls/${withConflicts.callId}/expertise`,
      token: staff,
      atLeast: 2,
    },
    'GET /api/v1/applications/{id}/evaluations': {
      url: `/api/v1/applications/${scored.applicationIds[0]}/evaluations`,
      token: staff,
      atLeast: 2,
    },
    'GET /api/v1/applications/{id}/history': {
      url: `/api/v1/applications/${scored.applicationIds[0]}/history`,
      token: staff,
      atLeast: 2,
    },
    'GET /api/v1/calls/{id}/assignments': {
      url: `/api/v1/calls/${scored.callId}/assignments`,
      token: staff,
      atLeast: 6,
    },
    'GET /api/v1/calls/{id}/panel/members': {
      url: `/api/v1/calls/${scored.callId}/panel/members`,
      token: staff,
      atLeast: 2,
    },
    'GET /api/v1/calls/{id}/panel/progress': {
      url: `/api/v1/calls/${scored.callId}/panel/progress`,
      token: staff,
      atLeast: 2,
    },
    'GET /api/v1/me/applications': { url: '/api/v1/me/applications', token: applicant.token, atLeast: 2 },
    'GET /api/v1/me/expertise': { url: '/api/v1/me/expertise', token: evaluators[0].token, atLeast: 2 },
    'GET /api/v1/me/assignments': { url: '/api/v1/me/assignments', token: evaluators[0].token, atLeast: 3 },
    'GET /api/v1/me/notifications': { url: '/api/v1/me/notifications', token: applicant.token, atLeast: 0 },
    'GET /api/v1/notifications': { url: '/api/v1/notifications', token: staff, atLeast: 0 },
    'GET /api/v1/users': { url: '/api/v1/users', token: staff, atLeast: 3 },
    'GET /api/v1/users/{id}/history': { url: `/api/v1/users/${person.id}/history`, token: staff, atLeast: 2 },
    'GET /api/v1/users/{id}/sessions': { url: `/api/v1/users/${person.id}/sessions`, token: admin, atLeast: 2 },
    'GET /api/v1/me/sessions': { url: '/api/v1/me/sessions', token: person.token, atLeast: 2 },
    'GET /api/v1/invitations': { url: '/api/v1/invitations', token: staff, atLeast: 2 },
    'GET /api/v1/me/api-tokens': { url: '/api/v1/me/api-tokens', token: staff, atLeast: 2 },
    'GET /api/v1/organisations/{id}/members': {
      url: `/api/v1/organisations/${applicant.organisationId}/members`,
      token: applicant.token,
      atLeast: 1,
    },
    'GET /api/v1/audit-events': { url: '/api/v1/audit-events', token: staff, atLeast: 2 },
    'GET /api/v1/public/cohorts': { url: '/api/v1/public/cohorts', atLeast: 0 },
  };
}

/** A registration call whose one session the applicants asked for, closed and allocated. */
async function allocatedSessions(api: TestApi, secretariat: Actor, applicants: Applicant[]): Promise<string> {
  const { id } = await createCall(
    api,
    secretariat.token,
    registrationCall({
      eligibility: {},
      sessions: [{ key: 'plenary', title: 'Plenary', startsAt: '2031-07-08T08:00:00.000Z', capacity: 1 }],
      sessionAllocation: { rule: 'receipt' },
    }),
  );
  for (const applicant of applicants) {
    const draft = await api.post(`/api/v1/calls/${id}/applications`, {
      token: applicant.token,
      body: { answers: { session: 'Plenary' } },
    });
    const path = `/api/v1/applications/${draft.body.id}`;
    await api.put(`${path}/session-preferences`, { token: applicant.token, body: { sessionKeys: ['plenary'] } });
    const submitted = await api.post(`${path}/submit`, { token: applicant.token });
    if (submitted.status !== 200) throw new Error(`reply failed: ${JSON.stringify(submitted.body)}`);
  }
  await api.post(`/api/v1/calls/${id}/close`, { token: secretariat.token });
  const allocated = await api.post(`/api/v1/calls/${id}/session-allocation`, { token: secretariat.token });
  if (allocated.status !== 200) throw new Error(`allocation failed: ${JSON.stringify(allocated.body)}`);
  return id;
}

async function declareConflict(
  api: TestApi,
  secretariat: Actor,
  callId: string,
  applicationId: string,
  evaluator: Actor,
): Promise<void> {
  const res = await api.post(`/api/v1/calls/${callId}/conflicts`, {
    token: secretariat.token,
    body: { applicationId, evaluatorId: evaluator.id, reason: 'Former employer' },
  });
  if (res.status !== 201) throw new Error(`conflict failed: ${res.status} ${JSON.stringify(res.body)}`);
}
