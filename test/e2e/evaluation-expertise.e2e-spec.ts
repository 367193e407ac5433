import { Actor, Applicant, callBody } from '../support/fixtures';
import { TestApi } from '../support/test-app';
import { expectProblem } from '../support/applications';
import {
  auditEvents,
  autoAssign,
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  seatPanel,
  secretariatOf,
} from '../support/evaluation-fixtures';

const EXPERTISE = { keywords: ['fintech', 'agritech', 'health'], topicQuestionKey: null };

/** Expertise keywords of a call, and what evaluators declare of theirs (issue 16 item 4). */
describe('evaluation: declared expertise', () => {
  let api: TestApi;
  let secretariat: Actor;
  let onPanel: Actor;
  let offPanel: Actor;
  let applicant: Applicant;

  beforeAll(async () => {
    api = await TestApi.start();
    secretariat = await secretariatOf(api);
    [[onPanel, offPanel], [applicant]] = await Promise.all([
      createEvaluators(api, [{ countryCode: 'KE' }, { countryCode: 'FR' }]),
      createApplicantsFrom(api, [{ countryCode: 'SN' }]),
    ]);
  });
  afterAll(() => api.close());

  const mine = (callId: string, evaluator = onPanel) =>
    api.get(`/api/v1/calls/${callId}/expertise/me`, { token: evaluator.token });
  const declare = (callId: string, body: Record<string, unknown>, evaluator = onPanel) =>
    api.put(`/api/v1/calls/${callId}/expertise/me`, { token: evaluator.token, body });

  async function panelCall(close = true) {
    const call = await callWithSubmissions(api, [applicant], { expertise: EXPERTISE }, { close });
    await seatPanel(api, call.callId, [onPanel]);
    return call.callId;
  }

  it('lets an evaluator of the panel declare keywords from the call’s list and free text, and read them back', async () => {
    const callId = await panelCall();
    expect((await mine(callId)).body).toEqual({
      callId,
      availableKeywords: EXPERTISE.keywords,
      keywords: [],
      description: '',
      updatedAt: null,
    });
    const res = await declare(callId, { keywords: ['FinTech', 'health'], description: ' Mobile money. ' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ keywords: ['fintech', 'health'], description: 'Mobile money.' });
    expect((await mine(callId)).body).toEqual(res.body);

    const listed = await api.get(`/api/v1/calls/${callId}/expertise`, { token: secretariat.token });
    expect(listed.body).toEqual({
      total: 1,
      items: [
        {
          evaluatorId: onPanel.id,
          displayName: expect.any(String),
          keywords: ['fintech', 'health'],
          description: 'Mobile money.',
          updatedAt: res.body.updatedAt,
        },
      ],
    });
  });

  it('refuses a keyword not on the call’s list and a text too long (400), changing nothing', async () => {
    const callId = await panelCall();
    const before = await declare(callId, { keywords: ['agritech'], description: 'Irrigation.' });
    const unknown = expectProblem(
      await declare(callId, { keywords: ['health', 'blockchain'], description: 'Ledgers.' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(unknown).toEqual([expect.objectContaining({ field: 'keywords.1', code: 'UNKNOWN_EXPERTISE_KEYWORD' })]);
    const long = expectProblem(
      await declare(callId, { keywords: ['health'], description: 'x'.repeat(2001) }),
      400,
      'VALIDATION_FAILED',
    );
    expect(long).toEqual([expect.objectContaining({ field: 'description', code: 'MAX_LENGTH' })]);
    expect((await mine(callId)).body).toEqual(before.body);
    // Only the declaration made is in the audit trail.
    expect((await auditEvents(api, 'call', callId)).filter((e) => e.action === 'expertise.declared')).toHaveLength(1);
  });

  it('records each declaration in the call’s audit trail, with the one it replaced', async () => {
    const callId = await panelCall();
    await declare(callId, { keywords: ['agritech'], description: 'Irrigation.' });
    await declare(callId, { keywords: ['health'] });
    const declared = (await auditEvents(api, 'call', callId)).filter((e) => e.action === 'expertise.declared');
    const first = { evaluatorId: onPanel.id, keywords: ['agritech'], description: 'Irrigation.' };
    expect(declared).toEqual([
      { action: 'expertise.declared', actorId: onPanel.id, before: null, after: first },
      {
        action: 'expertise.declared',
        actorId: onPanel.id,
        before: first,
        after: { evaluatorId: onPanel.id, keywords: ['health'], description: '' },
      },
    ]);
  });

  it('answers 409 NOT_ON_PANEL to an evaluator off the call’s panels', async () => {
    const callId = await panelCall();
    expectProblem(await declare(callId, { keywords: [] }, offPanel), 409, 'NOT_ON_PANEL');
  });

  it('lets the call’s keywords change until its review starts, and not after', async () => {
    const callId = await panelCall();
    const read = async () => (await api.get(`/api/v1/calls/${callId}`, { token: secretariat.token })).body;
    const patch = async (expertise: unknown) => {
      const call = await read();
      return api.patch(`/api/v1/calls/${callId}`, {
        token: secretariat.token,
        headers: { 'If-Match': `"${call.version}"` },
        body: { expertise },
      });
    };
    const closed = await patch({ keywords: ['energy'], topicQuestionKey: 'programme' });
    expect(closed.status).toBe(200);
    expect(closed.body.expertise).toEqual({ keywords: ['energy'], topicQuestionKey: 'programme' });
    expect(closed.body.changeable).toContain('expertise');

    expect((await autoAssign(api, callId)).status).toBe(200);
    expectProblem(await patch(EXPERTISE), 409, 'FIELD_LOCKED');
    expect((await read()).expertise).toEqual({ keywords: ['energy'], topicQuestionKey: 'programme' });
  });

  it('refuses keywords given twice and a topic question that is not a text question of the call', async () => {
    const created = await api.post('/api/v1/calls', {
      token: secretariat.token,
      body: {
        ...callBody(),
        expertise: { keywords: ['Health', 'health '], topicQuestionKey: 'startups_per_year' },
      },
    });
    const errors = expectProblem(created, 400, 'VALIDATION_FAILED');
    expect(errors.map((e) => e.field).sort()).toEqual(['expertise.keywords.1', 'expertise.topicQuestionKey']);
  });
});
