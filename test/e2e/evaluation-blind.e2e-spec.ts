import type { Response } from 'supertest';
import { download, expectProblem, sql, uploadDocument } from '../support/applications';
import {
  FULL_SCORES,
  assignByHand,
  assignmentRows,
  autoAssign,
  createEvaluators,
  evaluate,
  seatPanel,
  secretariatOf,
} from '../support/evaluation-fixtures';
import {
  answerClarification,
  askClarification,
  clarificationId,
  clarificationsOf,
  replyByIn,
} from '../support/clarifications';
import { Actor, Applicant, SAMPLE_PDF, createApplicant, createCall } from '../support/fixtures';
import { joinedColleague } from '../support/team';
import { TestApi } from '../support/test-app';

/** A centre and everything that would name it to an evaluator. */
interface Centre {
  name: string;
  city: string;
  website: string;
  countryCode: string;
  /** A member of its team, besides the applicant who submits. */
  member: string;
}

const LUMIERE: Centre = {
  name: 'Centre Lumière de Thiès',
  city: 'Thiès',
  website: 'https://www.lumiere-thies.sn',
  countryCode: 'SN',
  member: 'Awa Ndiaye',
};
const KISUMU: Centre = {
  name: 'Kisumu Makers Hub',
  city: 'Kisumu',
  website: 'https://kisumu-makers.ke',
  countryCode: 'KE',
  member: 'Otieno Achieng',
};

const QUESTIONS = [
  { key: 'programme', label: 'Programme', type: 'longtext', required: true },
  { key: 'site', label: 'Website', type: 'url', required: false },
  { key: 'contact', label: 'Contact', type: 'email', required: false },
];

/** What the centre writes: its name, city, website and team in the prose, as applicants do. */
function answersOf(centre: Centre) {
  const site = centre.website.replace(/^https?:\/\//, '');
  return {
    programme: `${centre.name} runs a six-month programme in ${centre.city}, led by ${centre.member.toUpperCase()}; see ${site}.`,
    site: centre.website,
    contact: `info@${new URL(centre.website).hostname.replace(/^www\./, '')}`,
  };
}

/** Every string in a response a client could read: its body and its headers. */
function readable(res: Response): string {
  const body = Buffer.isBuffer(res.body) ? '' : JSON.stringify(res.body);
  return `${JSON.stringify(res.headers)}\n${body}\n${res.text ?? ''}`;
}

/**
 * Blind review: evaluators of a blind call receive a pseudonym instead of who applied, in every
 * response; the secretariat keeps every fact, and automatic conflicts still use the real ones.
 */
describe('evaluation: blind calls', () => {
  let api: TestApi;
  let secretariat: Actor;
  let first: Actor, second: Actor, colleague: Actor;
  let lumiere: Applicant, kisumu: Applicant;

  beforeAll(async () => {
    api = await TestApi.start();
    secretariat = await secretariatOf(api);
    [[first, second, colleague], [lumiere, kisumu]] = await Promise.all([
      // The colleague works for the Lumière centre: an automatic conflict by its affiliation.
      createEvaluators(api, [
        { countryCode: 'DE', displayName: 'First evaluator' },
        { countryCode: 'JP', displayName: 'Second evaluator' },
        { countryCode: 'FR', affiliation: LUMIERE.name, displayName: 'Conflicted colleague' },
      ]),
      Promise.all(
        [LUMIERE, KISUMU].map((c) =>
          createApplicant(api, c.countryCode, { name: c.name, city: c.city, website: c.website }),
        ),
      ),
    ]);
    await joinedColleague(api, lumiere, { displayName: LUMIERE.member });
    await joinedColleague(api, kisumu, { displayName: KISUMU.member });
  }, 120_000);
  afterAll(() => api.close());

  /** A closed call, blind or not, with one application of each centre carrying a named document. */
  async function closedCall(blind: boolean) {
    const call = await createCall(api, secretariat.token, { blind, questions: QUESTIONS, evaluatorsPerApplication: 2 });
    const applications: string[] = [];
    const documents: string[] = [];
    for (const [applicant, centre] of [
      [lumiere, LUMIERE],
      [kisumu, KISUMU],
    ] as const) {
      const draft = await api.post(`/api/v1/calls/${call.id}/applications`, {
        token: applicant.token,
        body: { answers: answersOf(centre) },
      });
      expect(draft.status).toBe(201);
      const document = await uploadDocument(api, applicant.token, draft.body.id, 'statutes', {
        buffer: SAMPLE_PDF,
        filename: `${centre.name} – statutes.pdf`,
      });
      expect(document.status).toBe(201);
      expect((await api.post(`/api/v1/applications/${draft.body.id}/submit`, { token: applicant.token })).status).toBe(
        200,
      );
      applications.push(draft.body.id);
      documents.push(document.body.id);
    }
    expect((await api.post(`/api/v1/calls/${call.id}/close`, { token: secretariat.token })).status).toBe(200);
    await seatPanel(api, call.id, [first, second, colleague]);
    return { callId: call.id, applications, documents };
  }

  describe('a blind call', () => {
    let callId: string;
    let lumiereId: string, kisumuId: string;
    let lumiereDocument: string;

    beforeAll(async () => {
      const call = await closedCall(true);
      ({ callId } = call);
      [lumiereId, kisumuId] = call.applications;
      [lumiereDocument] = call.documents;
      expect((await autoAssign(api, callId)).status).toBe(200);
    }, 120_000);

    it('still keeps the conflicted colleague away from the centre it works for, by the real facts', async () => {
      const live = await assignmentRows(api, callId, ['assigned']);
      const lumiereEvaluators = live.filter((a) => a.applicationId === lumiereId).map((a) => a.evaluatorId);
      expect(lumiereEvaluators.sort()).toEqual([first.id, second.id].sort());

      const manual = await assignByHand(api, callId, lumiereId, colleague.id);
      expectProblem(manual, 409, 'CONFLICT_OF_INTEREST');
    });

    it('gives each application a stable pseudonym, which the secretariat also reads beside every real fact', async () => {
      const staffRead = await api.get(`/api/v1/applications/${lumiereId}`, { token: secretariat.token });
      expect(staffRead.body.pseudonym).toMatch(/^A-\d{3,}$/);
      expect(staffRead.body.answers).toEqual(answersOf(LUMIERE));
      expect(staffRead.body.documents[0].filename).toBe(`${LUMIERE.name} – statutes.pdf`);
      expect(staffRead.body.submittedBy.displayName).toBe('Test applicant');

      const evaluatorRead = await api.get(`/api/v1/applications/${lumiereId}`, { token: first.token });
      expect(evaluatorRead.body.pseudonym).toBe(staffRead.body.pseudonym);
      const again = await api.get(`/api/v1/applications/${lumiereId}`, { token: second.token });
      expect(again.body.pseudonym).toBe(staffRead.body.pseudonym);
      const other = await api.get(`/api/v1/applications/${kisumuId}`, { token: secretariat.token });
      expect(other.body.pseudonym).toMatch(/^A-\d{3,}$/);
      expect(other.body.pseudonym).not.toBe(staffRead.body.pseudonym);

      const stored = await sql<{ number: number }>(
        api,
        `SELECT number FROM application_pseudonyms WHERE call_id = $1 ORDER BY number`,
        [callId],
      );
      expect(stored.map((row) => row.number)).toEqual([1, 2]);
    });

    it('lets the call stop being blind only until its review starts', async () => {
      const call = await api.get(`/api/v1/calls/${callId}`, { token: secretariat.token });
      expect(call.body).toMatchObject({ blind: true, status: 'reviewing' });
      expect(call.body.changeable).not.toContain('blind');
      const res = await api.patch(`/api/v1/calls/${callId}`, {
        token: secretariat.token,
        headers: { 'If-Match': `"${call.body.version}"` },
        body: { blind: false },
      });
      expectProblem(res, 409, 'FIELD_LOCKED');
    });

    it('never names the centre, its city or website in any response an evaluator receives', async () => {
      const pseudonym = (await api.get(`/api/v1/applications/${lumiereId}`, { token: secretariat.token })).body
        .pseudonym as string;
      const seen: Response[] = [];
      const as = async (res: Promise<Response>) => {
        const answered = await res;
        seen.push(answered);
        return answered;
      };
      const token = first.token;

      const mine = await as(api.get('/api/v1/me/assignments', { token, query: { callId } }));
      const assignment = mine.body.items.find((a: { applicationId: string }) => a.applicationId === lumiereId);
      expect(assignment.application).toMatchObject({
        organisationName: pseudonym,
        pseudonym,
        answers: {
          programme: `${pseudonym} runs a six-month programme in […], led by […]; see […].`,
        },
        documents: [expect.objectContaining({ filename: 'Document 1.pdf' })],
      });
      expect(Object.keys(assignment.application.answers)).toEqual(['programme']);
      await as(api.get('/api/v1/me/assignments', { token }));

      const application = await as(api.get(`/api/v1/applications/${lumiereId}`, { token }));
      expect(application.body).toMatchObject({ pseudonym, submittedBy: null });
      expect(application.body.documents.map((d: { filename: string }) => d.filename)).toEqual(['Document 1.pdf']);
      const file = await download(api, `/api/v1/applications/${lumiereId}/documents/${lumiereDocument}`, token);
      seen.push(file);
      expect(file.status).toBe(200);
      expect(file.headers['content-disposition']).toBe(
        `attachment; filename="Document 1.pdf"; filename*=UTF-8''Document%201.pdf`,
      );

      await as(api.get(`/api/v1/calls/${callId}`, { token }));
      await as(api.put(`/api/v1/assignments/${assignment.id}/evaluation`, { token, body: { scores: FULL_SCORES } }));
      await as(api.post(`/api/v1/assignments/${assignment.id}/evaluation/submit`, { token }));
      await as(api.get(`/api/v1/assignments/${assignment.id}/evaluation`, { token }));
      // The colleagues' view, once its own evaluation is in.
      const secondAssignment = (
        await api.get('/api/v1/me/assignments', { token: second.token, query: { callId } })
      ).body.items.find((a: { applicationId: string }) => a.applicationId === lumiereId).id;
      await evaluate(api, second.token, secondAssignment);
      await as(api.get(`/api/v1/applications/${lumiereId}/evaluations`, { token }));

      // The secretariat sends the evaluation back: the notice (and its e-mail) names the pseudonym.
      const reopened = await api.post(`/api/v1/assignments/${assignment.id}/evaluation/reopen`, {
        token: secretariat.token,
        body: { reason: `Please look again at ${pseudonym}.` },
      });
      expect(reopened.status).toBe(200);
      const inbox = await as(api.get('/api/v1/me/notifications', { token, query: { limit: 500 } }));
      const notice = inbox.body.items.find(
        (n: { template: string }) => n.template === 'evaluation.reopened_with_reason',
      );
      expect(notice.body).toContain(`the application of ${pseudonym} to call`);

      // Declaring a late conflict about the other centre.
      const declared = await as(
        api.post(`/api/v1/calls/${callId}/conflicts`, {
          token,
          body: { applicationId: kisumuId, reason: 'I mentored this team last year.' },
        }),
      );
      expect(declared.status).toBe(201);

      // A question to the applicant, its answer naming the centre, and the answer's document.
      await as(askClarification(api, token, lumiereId, { question: 'How many mentors?', replyBy: replyByIn(5) }));
      const asked = await clarificationId(api, secretariat.token, lumiereId, `How many a year for ${LUMIERE.name}?`);
      const answer = `${LUMIERE.name} in ${LUMIERE.city}, says ${LUMIERE.member}: 40.`;
      const answered = await answerClarification(api, lumiere.token, asked, answer, {
        buffer: SAMPLE_PDF,
        filename: `${LUMIERE.name} cohorts.pdf`,
      });
      expect(answered.status).toBe(200);
      const questions = await as(clarificationsOf(api, token, lumiereId));
      expect(questions.body.items).toContainEqual(
        expect.objectContaining({
          question: `How many a year for ${pseudonym}?`,
          answer: `${pseudonym} in […], says […]: 40.`,
          answeredBy: null,
          document: expect.objectContaining({ filename: 'Answer.pdf' }),
        }),
      );
      const answerFile = await download(api, `/api/v1/clarifications/${asked}/document`, token);
      seen.push(answerFile);
      expect(answerFile.headers['content-disposition']).toContain('filename="Answer.pdf"');

      const everything = seen.map(readable).join('\n').toLowerCase();
      for (const centre of [LUMIERE, KISUMU]) {
        const { name, city, website, member } = centre;
        for (const fact of [name, city, website, new URL(website).hostname, member]) {
          expect({ fact, found: everything.includes(fact.toLowerCase()) }).toEqual({ fact, found: false });
        }
      }
      expect(everything).toContain(pseudonym.toLowerCase());
    });

    it('stores the notices to its evaluators, which their e-mails send, under the pseudonym', async () => {
      const stored = await sql<{ subject: string; body: string; params: unknown }>(
        api,
        `SELECT subject, body, params FROM notifications WHERE recipient_id = ANY($1::uuid[])`,
        [[first.id, second.id, colleague.id]],
      );
      expect(stored.map((n) => n.subject)).toContainEqual(expect.stringContaining('reopened'));
      const text = JSON.stringify(stored).toLowerCase();
      for (const fact of [LUMIERE.name, LUMIERE.city, KISUMU.name, KISUMU.city]) {
        expect(text).not.toContain(fact.toLowerCase());
      }
    });
  });

  describe('a call that is not blind', () => {
    it('shows its evaluators who applied, its answers and its documents as they are, with no pseudonym', async () => {
      const { callId, applications, documents } = await closedCall(false);
      expect((await autoAssign(api, callId)).status).toBe(200);
      const [lumiereId] = applications;

      const mine = await api.get('/api/v1/me/assignments', { token: first.token, query: { callId } });
      const assignment = mine.body.items.find((a: { applicationId: string }) => a.applicationId === lumiereId);
      expect(assignment.application).toMatchObject({
        organisationName: LUMIERE.name,
        pseudonym: null,
        answers: answersOf(LUMIERE),
        documents: [expect.objectContaining({ filename: `${LUMIERE.name} – statutes.pdf` })],
      });
      const application = await api.get(`/api/v1/applications/${lumiereId}`, { token: first.token });
      expect(application.body).not.toHaveProperty('pseudonym');
      expect(application.body.submittedBy).toMatchObject({ displayName: 'Test applicant' });
      const file = await download(api, `/api/v1/applications/${lumiereId}/documents/${documents[0]}`, first.token);
      expect(file.headers['content-disposition']).toContain("filename*=UTF-8''Centre%20Lumi%C3%A8re");
      const staffRead = await api.get(`/api/v1/applications/${lumiereId}`, { token: secretariat.token });
      expect(staffRead.body).not.toHaveProperty('pseudonym');
      expect(await sql(api, `SELECT 1 FROM application_pseudonyms WHERE call_id = $1`, [callId])).toEqual([]);
    });
  });

  describe('the blind setting', () => {
    it('is false by default, changes while the call is open or closed, and refuses what is not a boolean', async () => {
      const call = await createCall(api, secretariat.token, {}, false);
      expect(call.body.blind).toBe(false);
      const patch = (version: number, body: unknown) =>
        api.patch(`/api/v1/calls/${call.id}`, {
          token: secretariat.token,
          headers: { 'If-Match': `"${version}"` },
          body,
        });
      const blind = await patch(call.version, { blind: true });
      expect(blind.status).toBe(200);
      expect(blind.body.blind).toBe(true);
      const opened = await api.post(`/api/v1/calls/${call.id}/open`, { token: secretariat.token });
      expect(opened.body.changeable).toContain('blind');
      const back = await patch(opened.body.version, { blind: false });
      expect(back.body.blind).toBe(false);

      expectProblem(await patch(back.body.version, { blind: 'yes' }), 400, 'VALIDATION_FAILED');
      const created = await api.post('/api/v1/calls', {
        token: secretariat.token,
        body: { ...call.body, reference: `${String(call.body.reference)}-B`, blind: 1 },
      });
      expect(expectProblem(created, 400, 'VALIDATION_FAILED')).toContainEqual(
        expect.objectContaining({ field: 'blind' }),
      );
    });
  });
});
