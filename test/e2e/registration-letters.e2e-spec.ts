import { Staff, createStaffPair, download, draftId, expectProblem, sql } from '../support/applications';
import { createApplicant, createCall, registrationCall } from '../support/fixtures';
import { csvRecords } from '../support/spreadsheets';
import { TestApi } from '../support/test-app';

const person = (name: string, role: string, title = '') => ({
  name,
  title,
  email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@gov.example`,
  role,
});

/** Calls modelled on the Union's letters that ask for replies rather than applications. */
describe('registration calls modelled on the letters', () => {
  let api: TestApi;
  let staff: Staff;

  beforeAll(async () => {
    api = await TestApi.start();
    staff = await createStaffPair(api);
  });
  afterAll(() => api.close());

  it('a declaration of interest (CL-19/35) names one designated participant and is refused after its deadline', async () => {
    const call = await createCall(
      api,
      staff.secretariat.token,
      registrationCall({
        questions: [
          { key: 'session', label: 'Consultation session of interest', type: 'text', required: true },
          {
            key: 'participant',
            label: 'Designated participant',
            type: 'people',
            required: true,
            options: ['designated_participant'],
            minCount: 1,
            maxCount: 1,
          },
        ],
      }),
    );
    const [onTime, late] = [
      await createApplicant(api, 'KE', { type: 'government' }),
      await createApplicant(api, 'GH', { type: 'government' }),
    ];
    const answers = (name: string) => ({
      session: 'Digital inclusion',
      participant: [person(name, 'designated_participant', 'Director of ICT policy')],
    });
    const twoPeople = await api.post(`/api/v1/calls/${call.id}/applications`, {
      token: onTime.token,
      body: {
        answers: {
          participant: [person('A One', 'designated_participant'), person('B Two', 'designated_participant')],
        },
      },
    });
    expect(expectProblem(twoPeople, 400, 'VALIDATION_FAILED')).toEqual([
      expect.objectContaining({ field: 'answers.participant', code: 'TOO_MANY_PEOPLE' }),
    ]);
    const id = await draftId(api, onTime.token, call.id, answers('Wanjiru Kamau'));
    const submitted = await api.post(`/api/v1/applications/${id}/submit`, { token: onTime.token });
    expect(submitted.status).toBe(200);
    expect(submitted.body.answers.participant).toEqual([
      person('Wanjiru Kamau', 'designated_participant', 'Director of ICT policy'),
    ]);

    const lateId = await draftId(api, late.token, call.id, answers('Kwame Mensah'));
    // The deadline passes once the late reply's draft exists (an open call's deadline cannot be
    // brought forward): a deadline a few seconds off at the call's creation was once past before the
    // draft, on a busy machine.
    await sql(api, `UPDATE calls SET closes_at = now() - interval '1 second' WHERE id = $1`, [call.id]);
    expectProblem(
      await api.post(`/api/v1/applications/${lateId}/submit`, { token: late.token }),
      409,
      'DEADLINE_PASSED',
    );
    const read = await api.get(`/api/v1/applications/${lateId}`, { token: late.token });
    expect(read.body.status).toBe('draft');
  });

  it('a delegation registration (DM-1048) lists a head and members, confirmed and exported person by person', async () => {
    const call = await createCall(
      api,
      staff.secretariat.token,
      registrationCall({
        title: 'Composition of the delegation to the Summit',
        eligibility: { addresseeCategories: ['sector_member'] },
        questions: [
          {
            key: 'delegation',
            label: 'Delegation',
            type: 'people',
            required: true,
            options: ['head_of_delegation', 'member'],
            minCount: 1,
            maxCount: 10,
          },
        ],
      }),
    );
    const sectorMember = await createApplicant(api, 'CH', {
      type: 'private_sector',
      membershipCategory: 'sector_member',
    });
    const delegation = [
      person('Anna Keller', 'head_of_delegation', 'Chief Executive Officer'),
      person('Marc Rochat', 'member', 'Head of Standards'),
      person('Li Wei', 'member', 'Policy Adviser'),
    ];
    const id = await draftId(api, sectorMember.token, call.id, { delegation });
    const submitted = await api.post(`/api/v1/applications/${id}/submit`, { token: sectorMember.token });
    expect(submitted.body.eligibility).toMatchObject({ eligible: true });
    const confirmed = await api.post(`/api/v1/applications/${id}/decision`, {
      token: staff.secretariat.token,
      body: { decision: 'confirmed', reason: 'Delegation registered; badges at the registration desk.' },
    });
    expect(confirmed.body.status).toBe('confirmed');

    const exported = await download(
      api,
      `/api/v1/calls/${call.id}/applications/export?format=csv`,
      staff.secretariat.token,
    );
    const [row] = csvRecords(exported.body as Buffer);
    expect(row).toMatchObject({
      status: 'confirmed',
      decision_reason: 'Delegation registered; badges at the registration desk.',
    });
    expect(row['answer.delegation']).toBe(
      delegation.map((p) => `${p.name} (${p.title}, ${p.email}, ${p.role})`).join('; '),
    );
  });
});
