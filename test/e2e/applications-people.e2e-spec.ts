import { createDraft, createStaffPair, download, expectProblem, patchAnswers, sql } from '../support/applications';
import { callBody, createApplicant, createCall } from '../support/fixtures';
import { csvRecords, workbookRecords } from '../support/spreadsheets';
import { TestApi } from '../support/test-app';

const DELEGATION = {
  key: 'delegation',
  label: 'Your delegation',
  type: 'people',
  required: true,
  options: ['head_of_delegation', 'member'],
  minCount: 1,
  maxCount: 3,
};
const QUESTIONS = [
  { key: 'programme', label: 'Describe your programme', type: 'longtext', required: true, maxLength: 2000 },
  DELEGATION,
];

const AMINA = {
  name: 'Amina Diallo',
  title: 'Director of innovation',
  email: 'amina@hub.example',
  role: 'head_of_delegation',
};

/** A reply names people (issue: the `people` question type), from the call's definition to the export. */
describe('people questions', () => {
  let api: TestApi;
  let secretariatToken: string;
  let callId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    secretariatToken = (await createStaffPair(api)).secretariat.token;
    callId = (await createCall(api, secretariatToken, { questions: QUESTIONS })).id;
  });
  afterAll(() => api.close());

  const submit = (token: string, id: string) => api.post(`/api/v1/applications/${id}/submit`, { token });

  it('are defined with roles and counts, which the call reads back, the database keeps and a copy takes', async () => {
    const call = await api.get(`/api/v1/calls/${callId}`, { token: secretariatToken });
    expect(call.status).toBe(200);
    expect(call.body.questions[1]).toEqual(DELEGATION);
    const rows = await sql(api, 'SELECT type, options, min_count, max_count FROM questions WHERE call_id = $1', [
      callId,
    ]);
    expect(rows).toContainEqual({ type: 'people', options: DELEGATION.options, min_count: 1, max_count: 3 });

    const copy = await api.post(`/api/v1/calls/${callId}/copy`, {
      token: secretariatToken,
      body: {
        reference: `PEOPLE/${Date.now()}`,
        opensAt: '2031-02-01T08:00:00.000Z',
        closesAt: '2031-03-15T11:00:00.000Z',
      },
    });
    expect(copy.status).toBe(201);
    expect(copy.body.questions).toEqual(QUESTIONS);
  });

  it('take default counts when none is given, and refuse counts out of order or roles missing', async () => {
    const bare = { ...DELEGATION, minCount: undefined, maxCount: undefined };
    const defaults = await createCall(api, secretariatToken, { questions: [bare] }, false);
    expect(defaults.body.questions).toEqual([{ ...DELEGATION, minCount: 1, maxCount: 20 }]);

    const refused = await api.post('/api/v1/calls', {
      token: secretariatToken,
      body: callBody({
        questions: [
          { ...DELEGATION, minCount: 4 },
          { ...DELEGATION, key: 'observers', options: undefined },
        ],
      }),
    });
    const errors = expectProblem(refused, 400, 'VALIDATION_FAILED');
    expect(errors.map((e) => e.field).sort()).toEqual(['questions.0.minCount', 'questions.1.options']);
  });

  it('take a draft naming two people, refuse the submission while one lacks an e-mail, then accept it', async () => {
    const applicant = await createApplicant(api);
    const liWei = { name: 'Li Wei', title: '', email: '', role: 'member' };
    const created = await createDraft(api, applicant.token, callId, {
      programme: 'A delegation of two.',
      delegation: [AMINA, { name: 'Li Wei', role: 'member' }],
    });
    expect(created.status).toBe(201);
    // A person left incomplete in a draft is stored with every part, blank where none was given.
    expect(created.body.answers.delegation).toEqual([AMINA, liWei]);
    const id = created.body.id as string;

    const incomplete = expectProblem(await submit(applicant.token, id), 422, 'INCOMPLETE_APPLICATION');
    expect(incomplete).toEqual([
      { field: 'answers.delegation[1].email', message: "the person's email is required", code: 'REQUIRED' },
    ]);
    const [draft] = await sql(api, 'SELECT status, version FROM applications WHERE id = $1', [id]);
    expect(draft).toMatchObject({ status: 'draft' });

    const tooMany = await patchAnswers(api, applicant.token, id, created.body.version, {
      delegation: [AMINA, AMINA, AMINA, AMINA],
    });
    expect(expectProblem(tooMany, 400, 'VALIDATION_FAILED')).toEqual([
      {
        field: 'answers.delegation',
        message: 'must name at most 3 people',
        code: 'TOO_MANY_PEOPLE',
        params: { max: 3 },
      },
    ]);

    const fixed = await patchAnswers(api, applicant.token, id, created.body.version, {
      delegation: [AMINA, { ...liWei, email: 'li.wei@hub.example' }],
    });
    expect(fixed.status).toBe(200);
    const submitted = await submit(applicant.token, id);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({
      status: 'submitted',
      answers: { delegation: [AMINA, { ...liWei, email: 'li.wei@hub.example' }] },
    });
  });

  it('refuses people that are not a list of objects or have unknown parts, naming each', async () => {
    const applicant = await createApplicant(api);
    const notAList = await createDraft(api, applicant.token, callId, { delegation: 'Amina Diallo' });
    expect(expectProblem(notAList, 400, 'VALIDATION_FAILED')).toEqual([
      { field: 'answers.delegation', message: 'must be a list of people (objects)', code: 'NOT_A_LIST' },
    ]);
    const odd = await createDraft(api, applicant.token, callId, {
      delegation: [{ ...AMINA, phone: '+41 22 730 5111', email: 'amina@', role: 'observer' }],
    });
    expect(expectProblem(odd, 400, 'VALIDATION_FAILED').map((e) => [e.field, (e as { code?: string }).code])).toEqual([
      ['answers.delegation[0].phone', 'UNKNOWN_FIELD'],
      ['answers.delegation[0].email', 'NOT_AN_EMAIL'],
      ['answers.delegation[0].role', 'NOT_AN_OPTION'],
    ]);
  });

  it('are exported readably, in CSV and in a workbook', async () => {
    const rows = (format: string) =>
      download(api, `/api/v1/calls/${callId}/applications/export?format=${format}`, secretariatToken);
    const expected =
      'Amina Diallo (Director of innovation, amina@hub.example, head_of_delegation); ' +
      'Li Wei (li.wei@hub.example, member)';
    const csv = csvRecords((await rows('csv')).body as Buffer);
    expect(csv.map((r) => r['answer.delegation'])).toContain(expected);
    const xlsx = await workbookRecords((await rows('xlsx')).body as Buffer);
    expect(xlsx.map((r) => r['answer.delegation'])).toContain(expected);
  });
});
