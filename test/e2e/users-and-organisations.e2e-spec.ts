import { randomUUID } from 'node:crypto';
import { ADMIN, Actor, PASSWORD, adminToken, createStaff, login, uniqueEmail } from '../support/fixtures';
import { TestApi } from '../support/test-app';
import {
  RegisteredApplicant,
  expectProblem,
  organisationBody,
  problemFields,
  registerApplicant,
} from './identity.helpers';

describe('users and organisations', () => {
  let api: TestApi;
  let admin: string;
  let secretariat: Actor;
  let evaluator: Actor;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await adminToken(api);
    secretariat = await createStaff(api, 'secretariat');
    evaluator = await createStaff(api, 'evaluator');
  });
  afterAll(() => api.close());

  const staffUser = (role: string, extra: Record<string, unknown> = {}) => ({
    email: uniqueEmail(role),
    password: PASSWORD,
    displayName: `New ${role}`,
    role,
    ...extra,
  });

  describe('bootstrap admin', () => {
    it('exists from the environment and signs in as admin', async () => {
      const me = await api.get('/api/v1/me', { token: admin });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ email: ADMIN.email, role: 'admin' });
    });
  });

  describe('POST /users', () => {
    it('lets an admin create an evaluator with country and affiliation, who can then sign in', async () => {
      const body = staffUser('evaluator', { countryCode: 'sn', affiliation: '  Université Cheikh Anta Diop ' });
      const res = await api.post('/api/v1/users', { token: admin, body });

      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        email: body.email,
        displayName: 'New evaluator',
        role: 'evaluator',
        countryCode: 'SN',
        affiliation: 'Université Cheikh Anta Diop',
        locale: 'en',
        active: true,
      });
      const me = await api.get('/api/v1/me', { token: await login(api, body.email) });
      expect(me.body).toMatchObject({ id: res.body.id, role: 'evaluator', countryCode: 'SN' });
    });

    it('lets the secretariat create evaluators and secretariat members', async () => {
      const created = await api.post('/api/v1/users', { token: secretariat.token, body: staffUser('evaluator') });
      const colleague = await api.post('/api/v1/users', { token: secretariat.token, body: staffUser('secretariat') });

      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ role: 'evaluator', countryCode: null, affiliation: null });
      expect(colleague.status).toBe(201);
      expect(colleague.body.role).toBe('secretariat');
    });

    it('refuses applicants and evaluators with 403 FORBIDDEN, and anonymous callers with 401', async () => {
      const applicant = await registerApplicant(api);
      const body = staffUser('evaluator');

      expectProblem(await api.post('/api/v1/users', { token: applicant.token, body }), 403, 'FORBIDDEN');
      expectProblem(await api.post('/api/v1/users', { token: evaluator.token, body }), 403, 'FORBIDDEN');
      expectProblem(await api.post('/api/v1/users', { body }), 401, 'UNAUTHENTICATED');
      const check = await api.post('/api/v1/auth/login', { body: { email: body.email, password: PASSWORD } });
      expectProblem(check, 401, 'INVALID_CREDENTIALS');
    });

    it('refuses an unknown country code with 400 on countryCode', async () => {
      const res = await api.post('/api/v1/users', {
        token: admin,
        body: staffUser('evaluator', { countryCode: 'XX' }),
      });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(problemFields(res)).toEqual(['countryCode']);
    });

    it('never creates admins or applicants this way', async () => {
      for (const role of ['admin', 'applicant']) {
        const res = await api.post('/api/v1/users', { token: admin, body: staffUser(role) });
        expectProblem(res, 400, 'VALIDATION_FAILED');
        expect(problemFields(res)).toEqual(['role']);
      }
    });

    it('refuses an e-mail already used by any account, whatever its case', async () => {
      const applicant = await registerApplicant(api);
      const res = await api.post('/api/v1/users', {
        token: admin,
        body: { ...staffUser('evaluator'), email: applicant.email.toUpperCase() },
      });
      expectProblem(res, 409, 'EMAIL_TAKEN');
    });
  });

  describe('POST /organisations', () => {
    it.each([
      ['SN', 'AFR', 'Senegal'],
      ['BR', 'AMS', 'Brazil'],
      ['EG', 'ARB', 'Egypt'],
      ['IN', 'ASP', 'India'],
      ['KZ', 'CIS', 'Kazakhstan'],
      ['FR', 'EUR', 'France'],
    ])('derives the ITU region of %s (%s) from its country', async (countryCode, region, countryName) => {
      const applicant = await registerApplicant(api);
      const res = await api.post('/api/v1/organisations', {
        token: applicant.token,
        body: organisationBody({ countryCode, website: 'https://hub.example.org' }),
      });

      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        name: 'Dakar Digital Hub',
        countryCode,
        countryName,
        region,
        memberState: true,
        type: 'innovation_hub',
        // Presumed from the type: an innovation hub is none of the Union's other categories.
        membershipCategory: 'other',
        city: 'Dakar',
        website: 'https://hub.example.org',
        createdAt: expect.any(String),
      });
    });

    it('accepts an observer (State of Palestine) that is not a Member State', async () => {
      const applicant = await registerApplicant(api);
      const res = await api.post('/api/v1/organisations', {
        token: applicant.token,
        body: organisationBody({ countryCode: 'ps', city: undefined }),
      });

      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ countryCode: 'PS', region: 'ARB', memberState: false, city: null });
    });

    it.each(['XX', 'SEN', '1A'])('refuses the country code %s with 400 on countryCode', async (countryCode) => {
      const applicant = await registerApplicant(api);
      const res = await api.post('/api/v1/organisations', {
        token: applicant.token,
        body: organisationBody({ countryCode }),
      });

      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(problemFields(res)).toEqual(['countryCode']);
      expect((await api.get('/api/v1/me', { token: applicant.token })).body.organisationId).toBeUndefined();
    });

    it('refuses an unknown organisation type and a website that is not an http(s) URL', async () => {
      const applicant = await registerApplicant(api);
      const res = await api.post('/api/v1/organisations', {
        token: applicant.token,
        body: organisationBody({ type: 'startup', website: 'javascript:alert(1)' }),
      });

      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(problemFields(res).sort()).toEqual(['type', 'website']);
    });

    it('refuses a second organisation for the same applicant with 409 ORGANISATION_EXISTS', async () => {
      const applicant = await registerApplicant(api);
      const first = await api.post('/api/v1/organisations', { token: applicant.token, body: organisationBody() });
      const second = await api.post('/api/v1/organisations', {
        token: applicant.token,
        body: organisationBody({ name: 'Another hub' }),
      });

      expect(first.status).toBe(201);
      expectProblem(second, 409, 'ORGANISATION_EXISTS');
      expect((await api.get('/api/v1/me', { token: applicant.token })).body.organisationId).toBe(first.body.id);
    });

    it('creates only one organisation when an applicant sends two at once', async () => {
      const applicant = await registerApplicant(api);
      const results = await Promise.all(
        ['Hub A', 'Hub B'].map((name) =>
          api.post('/api/v1/organisations', { token: applicant.token, body: organisationBody({ name }) }),
        ),
      );

      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    });

    it('is for applicants only', async () => {
      const byEvaluator = await api.post('/api/v1/organisations', { token: evaluator.token, body: organisationBody() });
      const bySecretariat = await api.post('/api/v1/organisations', {
        token: secretariat.token,
        body: organisationBody(),
      });
      expectProblem(byEvaluator, 403, 'FORBIDDEN');
      expectProblem(bySecretariat, 403, 'FORBIDDEN');
    });
  });

  describe('GET /organisations/:id', () => {
    let member: RegisteredApplicant;
    let organisationId: string;

    beforeAll(async () => {
      member = await registerApplicant(api, 'member');
      const res = await api.post('/api/v1/organisations', { token: member.token, body: organisationBody() });
      organisationId = res.body.id as string;
    });

    const get = (id: string, token?: string) => api.get(`/api/v1/organisations/${id}`, { token });

    it('shows the organisation to its member, the secretariat and admins', async () => {
      for (const token of [member.token, secretariat.token, admin]) {
        const res = await get(organisationId, token);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ id: organisationId, countryCode: 'SN', region: 'AFR' });
      }
    });

    it('hides it from another applicant, as if it did not exist', async () => {
      const stranger = await registerApplicant(api, 'stranger');
      expectProblem(await get(organisationId, stranger.token), 404, 'NOT_FOUND');
      expectProblem(await get(randomUUID(), stranger.token), 404, 'NOT_FOUND');
    });

    it('answers 404 to the secretariat for an unknown id', async () => {
      expectProblem(await get(randomUUID(), secretariat.token), 404, 'NOT_FOUND');
    });

    it('refuses an id that is not a UUID with 400', async () => {
      expectProblem(await get('not-a-uuid', secretariat.token), 400, 'VALIDATION_FAILED');
    });

    it('refuses evaluators with 403 and anonymous callers with 401', async () => {
      expectProblem(await get(organisationId, evaluator.token), 403, 'FORBIDDEN');
      expectProblem(await get(organisationId), 401, 'UNAUTHENTICATED');
    });
  });

  describe('GET /countries', () => {
    it('lists 195 countries, 194 of them ITU Member States, each in one of the six regions', async () => {
      const res = await api.get('/api/v1/countries');

      expect(res.status).toBe(200);
      const countries = res.body as Array<{ code: string; region: string; memberState: boolean; nameFr: string }>;
      expect(countries).toHaveLength(195);
      expect(countries.filter((c) => c.memberState)).toHaveLength(194);
      expect(countries.filter((c) => !c.memberState).map((c) => c.code)).toEqual(['PS']);
      expect(new Set(countries.map((c) => c.region))).toEqual(new Set(['AFR', 'AMS', 'ARB', 'ASP', 'CIS', 'EUR']));
      expect(new Set(countries.map((c) => c.code)).size).toBe(195);
      expect(countries.find((c) => c.code === 'SN')).toMatchObject({ region: 'AFR', nameFr: 'Sénégal' });
    });
  });
});
