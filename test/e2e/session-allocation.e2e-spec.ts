import { randomUUID } from 'node:crypto';
import type { AllocationRequest } from '../../libs/cohorts/src/domain/session-allocation';
import { bruteForce } from '../../libs/cohorts/src/domain/testing/session-allocation-brute-force';
import { Staff, createStaffPair, draftId, expectProblem, sql } from '../support/applications';
import { patchCall } from '../support/calls-e2e';
import {
  Applicant,
  callBody,
  createApplicant,
  createCall,
  registrationCall,
  SPEAKER_LEVEL_QUESTION,
} from '../support/fixtures';
import { inboxOf } from '../support/notifications';
import { TestApi } from '../support/test-app';

const HOUR = 3_600_000;
const FORUM = Date.parse('2031-07-08T08:00:00Z');

/** A request for speaking time at the WSIS Forum (CL-19/58): three high-level sessions of limited capacity. */
function speakingTime(): Record<string, unknown> {
  return registrationCall({
    title: 'WSIS Forum: high-level policy statements',
    eligibility: { addresseeCategories: ['member_state_administration'] },
    questions: [SPEAKER_LEVEL_QUESTION],
    sessions: [
      { key: 'hlps_1', title: 'Bridging the digital divide', startsAt: new Date(FORUM).toISOString(), capacity: 2 },
      { key: 'hlps_2', title: 'Digital economy', startsAt: new Date(FORUM + 2 * HOUR).toISOString(), capacity: 1 },
      { key: 'hlps_3', title: 'Cybersecurity', startsAt: new Date(FORUM + 24 * HOUR).toISOString(), capacity: 2 },
    ],
    sessionAllocation: {
      rule: 'priority',
      questionKey: 'level',
      classes: ['minister', 'deputy_minister'],
      maxPerCountry: 1,
    },
  });
}

/** Two of the sessions' titles in French; `hlps_3` is left in English. */
const FRENCH_SESSIONS = {
  hlps_1: { title: 'Réduire la fracture numérique' },
  hlps_2: { title: 'Économie numérique' },
};

/** The replies, in order of receipt: country, speaker level, sessions asked for. */
const REPLIES: Array<[string, string, string[]]> = [
  ['KE', 'deputy_minister', ['hlps_2', 'hlps_1']],
  ['SN', 'minister', ['hlps_2']],
  ['KE', 'minister', ['hlps_1', 'hlps_3']],
  ['BR', 'other', ['hlps_1']],
  ['KE', 'minister', ['hlps_1', 'hlps_2']],
  ['IN', 'minister', ['hlps_1', 'hlps_2']],
  ['FR', 'deputy_minister', ['hlps_2', 'hlps_3']],
];

interface Entry {
  applicationId: string;
  processingOrder: number;
  sessionKey: string | null;
  reason: string | null;
  passedOver: Array<{ sessionKey: string; reason: string }>;
}

describe('registration calls: sessions with capacity allocated by a stated rule', () => {
  let api: TestApi;
  let staff: Staff;
  let callId: string;
  const replies: Array<{ applicant: Applicant; id: string; country: string; level: string; preferences: string[] }> =
    [];

  beforeAll(async () => {
    api = await TestApi.start();
    staff = await createStaffPair(api);
    callId = (await createCall(api, staff.secretariat.token, speakingTime())).id;
    for (const [country, level, preferences] of REPLIES) {
      const applicant = await createApplicant(api, country, { type: 'government' }, country === 'SN' ? 'fr' : 'en');
      const id = await draftId(api, applicant.token, callId, { level });
      const set = await api.put(`/api/v1/applications/${id}/session-preferences`, {
        token: applicant.token,
        body: { sessionKeys: preferences },
      });
      if (set.status !== 200) throw new Error(`preferences: ${set.status} ${JSON.stringify(set.body)}`);
      const submitted = await api.post(`/api/v1/applications/${id}/submit`, { token: applicant.token });
      if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
      replies.push({ applicant, id, country, level, preferences });
    }
  });
  afterAll(() => api.close());

  const allocation = (path = '', method: 'get' | 'post' = 'get') =>
    api[method](`/api/v1/calls/${callId}/session-allocation${path}`, { token: staff.secretariat.token });

  it('takes a reply’s sessions in order of preference, refusing unknown ones, and demands one at submission', async () => {
    const applicant = await createApplicant(api, 'GH', { type: 'government' });
    const id = await draftId(api, applicant.token, callId, { level: 'minister' });
    const path = `/api/v1/applications/${id}/session-preferences`;
    const unknown = await api.put(path, { token: applicant.token, body: { sessionKeys: ['hlps_1', 'hlps_9'] } });
    expect(expectProblem(unknown, 400, 'VALIDATION_FAILED')).toEqual([
      expect.objectContaining({ field: 'sessionKeys.1', code: 'UNKNOWN_SESSION' }),
    ]);
    const incomplete = await api.post(`/api/v1/applications/${id}/submit`, { token: applicant.token });
    expect(expectProblem(incomplete, 422, 'INCOMPLETE_APPLICATION')).toEqual([
      expect.objectContaining({ field: 'sessionPreferences', code: 'SESSION_REQUIRED' }),
    ]);
    const set = await api.put(path, { token: applicant.token, body: { sessionKeys: ['hlps_3', 'hlps_1'] } });
    expect(set.body.sessionPreferences).toEqual(['hlps_3', 'hlps_1']);
    await api.post(`/api/v1/applications/${id}/withdraw`, { token: applicant.token });
  });

  it('keeps the sessions’ titles in French, refusing a session the call has not and changing nothing then', async () => {
    const current = await api.get(`/api/v1/calls/${callId}`, { token: staff.secretariat.token });
    const saved = await patchCall(api, staff.secretariat.token, callId, current.body.version, {
      translations: { fr: { sessions: FRENCH_SESSIONS } },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.translations).toEqual({ fr: { sessions: FRENCH_SESSIONS } });
    expect(saved.body.missingTranslations.fr).toContain('sessions.hlps_3.title');
    expect(saved.body.missingTranslations.fr).not.toContain('sessions.hlps_2.title');

    const french = await api.get(`/api/v1/calls/${callId}?lang=fr`);
    expect(french.body.translations).toEqual({ fr: { sessions: FRENCH_SESSIONS } });
    expect(french.body.localized.sessions).toEqual([
      { key: 'hlps_1', title: 'Réduire la fracture numérique' },
      { key: 'hlps_2', title: 'Économie numérique' },
      { key: 'hlps_3', title: 'Cybersecurity' },
    ]);
    expect(french.body.localized.fallback).toContain('sessions.hlps_3.title');
    expect(french.body.sessions.map((s: { title: string }) => s.title)).toEqual([
      'Bridging the digital divide',
      'Digital economy',
      'Cybersecurity',
    ]);

    const unknown = await patchCall(api, staff.secretariat.token, callId, saved.body.version, {
      translations: { fr: { sessions: { ...FRENCH_SESSIONS, hlps_9: { title: 'Session inconnue' } } } },
    });
    expect(expectProblem(unknown, 400, 'VALIDATION_FAILED')).toEqual([
      expect.objectContaining({ field: 'translations.fr.sessions.hlps_9', code: 'UNKNOWN_SESSION' }),
    ]);
    const after = await api.get(`/api/v1/calls/${callId}`, { token: staff.secretariat.token });
    expect(after.body.version).toBe(saved.body.version);
    expect(after.body.translations).toEqual({ fr: { sessions: FRENCH_SESSIONS } });
  });

  it('is computed only once the call is closed, and never for a selection call', async () => {
    expectProblem(await allocation('', 'post'), 409, 'CALL_NOT_CLOSED');
    const selection = await createCall(api, staff.secretariat.token, callBody());
    const res = await api.post(`/api/v1/calls/${selection.id}/session-allocation`, { token: staff.secretariat.token });
    expectProblem(res, 409, 'WRONG_CALL_KIND');
    expectProblem(await allocation(), 404, 'NOT_FOUND');
  });

  it('allocates exactly as the brute force, with a reason for each reply left out', async () => {
    const closed = await api.post(`/api/v1/calls/${callId}/close`, { token: staff.secretariat.token });
    expect(closed.status).toBe(200);
    const res = await allocation('', 'post');
    expect(res.status).toBe(200);
    const entries = res.body.items as Entry[];
    expect(res.body.total).toBe(REPLIES.length);

    const submittedAt = await sql<{ id: string; submitted_at: Date }>(
      api,
      'SELECT id, submitted_at FROM applications WHERE id = ANY($1::uuid[])',
      [replies.map((r) => r.id)],
    );
    const received = new Map(submittedAt.map((row) => [row.id, row.submitted_at]));
    const requests: AllocationRequest[] = replies.map((r) => ({
      replyId: r.id,
      countryCode: r.country,
      receivedAt: received.get(r.id) as Date,
      priorityClass: r.level,
      preferences: r.preferences,
    }));
    const expected = bruteForce({
      sessions: [
        { key: 'hlps_1', capacity: 2 },
        { key: 'hlps_2', capacity: 1 },
        { key: 'hlps_3', capacity: 2 },
      ],
      requests,
      rule: { rule: 'priority', classes: ['minister', 'deputy_minister'], maxPerCountry: 1 },
    });
    expect(entries.map((e) => e.sessionKey)).toEqual(expected);

    // By hand: ministers first (SN, KE, KE, IN by receipt), then deputies (KE, FR), then BR.
    const byReply = new Map(entries.map((e) => [e.applicationId, e]));
    const at = (i: number) => byReply.get(replies[i].id) as Entry;
    expect(entries.map((e) => e.applicationId)).toEqual([1, 2, 4, 5, 0, 6, 3].map((i) => replies[i].id));
    expect([at(1), at(2), at(5)].map((e) => e.sessionKey)).toEqual(['hlps_2', 'hlps_1', 'hlps_1']);
    expect(at(4)).toMatchObject({
      sessionKey: null,
      reason: 'COUNTRY_LIMIT',
      passedOver: [
        { sessionKey: 'hlps_1', reason: 'COUNTRY_LIMIT' },
        { sessionKey: 'hlps_2', reason: 'SESSION_FULL' },
      ],
    });
    expect(at(0)).toMatchObject({ sessionKey: null, reason: 'SESSIONS_FULL' });
    expect(at(6)).toMatchObject({
      sessionKey: 'hlps_3',
      passedOver: [{ sessionKey: 'hlps_2', reason: 'SESSION_FULL' }],
    });
    expect(at(3)).toMatchObject({ sessionKey: null, reason: 'SESSIONS_FULL' });
    expect(res.body.sessions.map((s: { key: string; taken: number }) => [s.key, s.taken])).toEqual([
      ['hlps_1', 2],
      ['hlps_2', 1],
      ['hlps_3', 1],
    ]);
  });

  it('takes amendments with reasons within the capacities and the country limit', async () => {
    const [brazil, kenyanMinister, kenyanDeputy] = [replies[3], replies[4], replies[0]];
    const amend = (id: string, body: Record<string, unknown>) =>
      api.patch(`/api/v1/calls/${callId}/session-allocation/${id}`, { token: staff.secretariat.token, body });

    const full = await amend(brazil.id, { sessionKey: 'hlps_1', reason: 'Host country of the next Forum.' });
    expectProblem(full, 409, 'ALLOCATION_VIOLATION');
    expect(full.body.detail).toBe(
      'The amendment cannot be made: the session “Bridging the digital divide” has only 2 seats, and 3 replies would hold them.',
    );
    expect(full.body.errors).toEqual([
      {
        field: 'sessionKey',
        message: expect.any(String),
        code: 'OVER_CAPACITY',
        params: { sessionKey: 'hlps_1', allocated: 3, capacity: 2 },
      },
    ]);
    const inFrench = await api.patch(`/api/v1/calls/${callId}/session-allocation/${brazil.id}`, {
      token: staff.secretariat.token,
      headers: { 'Accept-Language': 'fr' },
      body: { sessionKey: 'hlps_1', reason: 'Host country of the next Forum.' },
    });
    expect(inFrench.body.detail).toBe(
      'La modification ne peut être faite : la session « Bridging the digital divide » n’a que 2 places, et 3 réponses l’occuperaient.',
    );
    expectProblem(
      await amend(brazil.id, { sessionKey: 'hlps_9', reason: 'No such session.' }),
      409,
      'ALLOCATION_VIOLATION',
    );
    expectProblem(await amend(kenyanMinister.id, { sessionKey: 'hlps_3' }), 400, 'VALIDATION_FAILED');
    expectProblem(await amend(randomUUID(), { sessionKey: null, reason: 'Nobody.' }), 404, 'NOT_FOUND');

    const moved = await amend(kenyanDeputy.id, {
      sessionKey: 'hlps_3',
      reason: 'The deputy minister will speak on cybersecurity.',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      sessionKey: 'hlps_3',
      reason: null,
      amendment: { reason: 'The deputy minister will speak on cybersecurity.', computedSessionKey: null },
    });
    const limit = await amend(kenyanMinister.id, { sessionKey: 'hlps_3', reason: 'Two speakers from Kenya?' });
    expectProblem(limit, 409, 'ALLOCATION_VIOLATION');
    // Cybersecurity is full too: the detail says the first limit broken, `errors` lists both.
    expect(limit.body.detail).toBe(
      'The amendment cannot be made: the session “Cybersecurity” has only 2 seats, and 3 replies would hold them.',
    );
    expect(limit.body.errors.map((e: { code: string; params: object }) => [e.code, e.params])).toEqual([
      ['OVER_CAPACITY', { sessionKey: 'hlps_3', allocated: 3, capacity: 2 }],
      ['OVER_COUNTRY_LIMIT', { sessionKey: 'hlps_3', countryCode: 'KE', allocated: 2, limit: 1 }],
    ]);
  });

  it('confirms: each replier is told in its language, the programme is published, nothing changes after', async () => {
    expectProblem(await api.get(`/api/v1/public/calls/${callId}/programme`), 404, 'NOT_FOUND');
    const confirmed = await allocation('/confirm', 'post');
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.confirmedAt).toEqual(expect.any(String));

    // Senegal reads French: the session's title as translated; Kenya reads English.
    const [senegal] = await inboxOf(api, replies[1].applicant.token, 'session.allocated');
    expect(senegal.subject).toMatch(/^Votre session – /);
    expect(senegal.body).toContain('«\u00a0Économie numérique\u00a0»');
    expect(senegal.body).not.toContain('Digital economy');
    expect(senegal.body).toContain('12:00'); // 10:00 UTC is noon in Geneva in July
    // Then the programme, its titles and punctuation in French, and where it is published.
    const programmeLines = (body: string) => body.split('\n').filter((line) => line.startsWith('- '));
    const [divide, economy, cyber] = programmeLines(senegal.body);
    expect(divide).toMatch(/^- Réduire la fracture numérique, .*10:00\u00a0: .+ \(KE\) et .+ \(IN\)$/);
    expect(economy).toMatch(/^- Économie numérique, .*12:00\u00a0: [^,]+ \(SN\)$/);
    expect(cyber).toMatch(/^- Cybersecurity, .*\u00a0: .+ \(KE\) et .+ \(FR\)$/);
    expect(senegal.body).toContain(`/calls/${callId}/programme`);
    const [kenya] = await inboxOf(api, replies[2].applicant.token, 'session.allocated');
    expect(kenya.body).toContain('Bridging the digital divide');
    expect(programmeLines(kenya.body)[0]).toMatch(
      /^- Bridging the digital divide, .*10:00 AM: .+ \(KE\) and .+ \(IN\)$/,
    );
    const [left] = await inboxOf(api, replies[4].applicant.token, 'session.not_allocated');
    expect(left.body).toContain('the most speakers allowed from your country');
    const [brazil] = await inboxOf(api, replies[3].applicant.token, 'session.not_allocated');
    expect(brazil.body).toContain('every session you asked for was full');
    expect(programmeLines(brazil.body)).toEqual(programmeLines(kenya.body));

    const programme = await api.get(`/api/v1/public/calls/${callId}/programme`);
    expect(programme.status).toBe(200);
    expect(programme.body.timeZone).toBe('Europe/Zurich');
    const speakers = (programme.body.sessions as Array<{ key: string; speakers: Array<{ countryCode: string }> }>).map(
      (s) => [s.key, s.speakers.map((p) => p.countryCode)],
    );
    expect(speakers).toEqual([
      ['hlps_1', ['KE', 'IN']],
      ['hlps_2', ['SN']],
      ['hlps_3', ['KE', 'FR']],
    ]);
    expect(programme.body).toMatchObject({ language: 'en', title: 'WSIS Forum: high-level policy statements' });
    expect(programme.body.fallback).toEqual([]);

    // In French: the titles translated, the untranslated one in English and named as such.
    const titles = (res: { body: { sessions: Array<{ key: string; title: string }> } }) =>
      res.body.sessions.map((s) => [s.key, s.title]);
    const french = await api.get(`/api/v1/public/calls/${callId}/programme?lang=fr`);
    expect(french.status).toBe(200);
    expect(french.body.language).toBe('fr');
    expect(titles(french)).toEqual([
      ['hlps_1', 'Réduire la fracture numérique'],
      ['hlps_2', 'Économie numérique'],
      ['hlps_3', 'Cybersecurity'],
    ]);
    expect(french.body.fallback).toEqual(['title', 'sessions.hlps_3.title']);
    const byHeader = await api.get(`/api/v1/public/calls/${callId}/programme`, {
      headers: { 'Accept-Language': 'fr-CH, fr;q=0.9' },
    });
    expect(titles(byHeader)).toEqual(titles(french));
    expectProblem(await api.get(`/api/v1/public/calls/${callId}/programme?lang=de`), 400, 'VALIDATION_FAILED');

    expectProblem(await allocation('', 'post'), 409, 'ALLOCATION_CONFIRMED');
    const again = await allocation('/confirm', 'post');
    expect(again.body.confirmedAt).toBe(confirmed.body.confirmedAt);
    expect(await inboxOf(api, replies[1].applicant.token, 'session.allocated')).toHaveLength(1);
  });
});
