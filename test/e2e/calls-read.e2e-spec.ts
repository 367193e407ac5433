import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Actor, Applicant, createApplicant, createCall, createStaff } from '../support/fixtures';
import { connectDb, expectInvalid, expectProblem, farFuture, forceCallStatus } from '../support/calls-e2e';
import { TestApi } from '../support/test-app';

interface CallSummary {
  id: string;
  status: string;
}

/**
 * Other suites create calls on the same database at the same time, so lists are checked for the
 * calls this suite made (their closing dates in 2800 sort them before everyone else's) and for
 * properties of every item, never for exact totals.
 */
describe('GET /calls and GET /calls/:id', () => {
  let api: TestApi;
  let db: Client;
  let secretariat: Actor;
  let applicant: Applicant;
  let evaluator: Actor;
  const ids = { draft: '', open: '', closed: '', published: '', archived: '' };

  beforeAll(async () => {
    api = await TestApi.start();
    db = await connectDb();
    secretariat = await createStaff(api, 'secretariat');
    evaluator = await createStaff(api, 'evaluator');
    applicant = await createApplicant(api);
    const window = (day: number) => ({ opensAt: farFuture(2799), closesAt: farFuture(2800, day) });
    ids.draft = (await createCall(api, secretariat.token, window(1), false)).id;
    ids.open = (await createCall(api, secretariat.token, window(2))).id;
    ids.closed = (await createCall(api, secretariat.token, window(3))).id;
    expect((await api.post(`/api/v1/calls/${ids.closed}/close`, { token: secretariat.token })).status).toBe(200);
    ids.published = (await createCall(api, secretariat.token, window(4))).id;
    await forceCallStatus(db, ids.published, 'published');
    ids.archived = (await createCall(api, secretariat.token, window(5))).id;
    await forceCallStatus(db, ids.archived, 'archived');
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  const list = async (token: string | undefined, query: Record<string, string | number> = {}) => {
    const res = await api.get('/api/v1/calls', { token, query: { limit: 500, ...query } });
    expect(res.status).toBe(200);
    return res.body as { items: CallSummary[]; total: number };
  };
  const listedIds = (page: { items: CallSummary[] }) => page.items.map((c) => c.id);

  describe('the public and applicants', () => {
    const viewers: Array<[string, () => string | undefined]> = [
      ['the public', () => undefined],
      ['an applicant', () => applicant.token],
      ['an evaluator', () => evaluator.token],
    ];

    it.each(viewers)('%s list open calls and those whose cohort is published, archived or not', async (_who, token) => {
      const page = await list(token());

      expect(listedIds(page)).toEqual(expect.arrayContaining([ids.open, ids.published, ids.archived]));
      expect(listedIds(page)).not.toContain(ids.draft);
      expect(listedIds(page)).not.toContain(ids.closed);
      expect(page.items.every((c) => ['open', 'published', 'archived'].includes(c.status))).toBe(true);
    });

    it.each(viewers)('%s read an open, a published and an archived call', async (_who, token) => {
      for (const id of [ids.open, ids.published, ids.archived]) {
        const res = await api.get(`/api/v1/calls/${id}`, { token: token() });
        expect(res.status).toBe(200);
        expect(res.body.id).toBe(id);
      }
    });

    it.each(viewers)('%s get 404 for a draft and a closed call', async (_who, token) => {
      for (const id of [ids.draft, ids.closed]) {
        expectProblem(await api.get(`/api/v1/calls/${id}`, { token: token() }), 404, 'NOT_FOUND');
      }
    });

    it.each(viewers)('%s asking for drafts get an empty page, not the drafts', async (_who, token) => {
      expect(await list(token(), { status: 'draft' })).toEqual({ items: [], total: 0 });
      expect(await list(token(), { status: 'closed' })).toEqual({ items: [], total: 0 });
    });

    it('the public may filter the calls it sees by status', async () => {
      const page = await list(undefined, { status: 'open' });

      expect(listedIds(page)).toContain(ids.open);
      expect(listedIds(page)).not.toContain(ids.published);
      expect(page.items.every((c) => c.status === 'open')).toBe(true);
    });

    it('the public may ask for several statuses at once: the past calls', async () => {
      const res = await api.get('/api/v1/calls?status=published&status=archived&status=closed&limit=500');
      expect(res.status).toBe(200);
      const page = res.body as { items: CallSummary[] };

      expect(listedIds(page)).toEqual(expect.arrayContaining([ids.published, ids.archived]));
      expect(listedIds(page)).not.toContain(ids.closed);
      expect(page.items.every((c) => c.status === 'published' || c.status === 'archived')).toBe(true);
    });
  });

  describe('the evaluators of a call’s panel', () => {
    it('read the call they score, closed or not yet published, and no other', async () => {
      const panelist = await createStaff(api, 'evaluator');
      const seated = await api.post(`/api/v1/calls/${ids.closed}/panel`, {
        token: secretariat.token,
        body: { evaluatorIds: [panelist.id] },
      });
      expect(seated.status).toBe(200);

      const res = await api.get(`/api/v1/calls/${ids.closed}`, { token: panelist.token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: ids.closed, status: 'closed', criteria: expect.any(Array) });
      expectProblem(await api.get(`/api/v1/calls/${ids.draft}`, { token: panelist.token }), 404, 'NOT_FOUND');
      expectProblem(await api.get(`/api/v1/calls/${ids.closed}`, { token: evaluator.token }), 404, 'NOT_FOUND');
    });
  });

  describe('the secretariat', () => {
    it('lists calls in every status', async () => {
      const page = await list(secretariat.token);

      expect(listedIds(page)).toEqual(expect.arrayContaining(Object.values(ids)));
    });

    it('filters by status', async () => {
      const page = await list(secretariat.token, { status: 'draft' });

      expect(listedIds(page)).toContain(ids.draft);
      expect(listedIds(page)).not.toContain(ids.open);
      expect(page.items.every((c) => c.status === 'draft')).toBe(true);
      expect(page.total).toBeGreaterThanOrEqual(1);
    });

    it('filters by several statuses: closed and archived calls', async () => {
      const res = await api.get('/api/v1/calls?status=closed&status=archived&limit=500', { token: secretariat.token });
      expect(res.status).toBe(200);
      const page = res.body as { items: CallSummary[]; total: number };

      expect(listedIds(page)).toEqual(expect.arrayContaining([ids.closed, ids.archived]));
      expect(listedIds(page)).not.toContain(ids.published);
      expect(page.items.every((c) => c.status === 'closed' || c.status === 'archived')).toBe(true);
      expect(page.total).toBeGreaterThanOrEqual(2);
    });

    it('is told, call by call, what can still change', async () => {
      const changeable = async (id: string) =>
        (await api.get(`/api/v1/calls/${id}`, { token: secretariat.token })).body.changeable as string[];

      expect(await changeable(ids.draft)).toEqual(
        expect.arrayContaining(['reference', 'title', 'questions', 'weights']),
      );
      expect(await changeable(ids.open)).toEqual(['closesAt', 'weights', 'blind', 'expertise', 'translations']);
      expect(await changeable(ids.closed)).toEqual(['weights', 'blind', 'expertise', 'translations']);
      expect(await changeable(ids.published)).toEqual([]);
      expect(await changeable(ids.archived)).toEqual([]);
    });

    it('reads a draft, with its version as ETag', async () => {
      const res = await api.get(`/api/v1/calls/${ids.draft}`, { token: secretariat.token });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: ids.draft, status: 'draft', version: 1 });
      expect(res.headers.etag).toBe('"1"');
    });
  });

  describe('pagination', () => {
    let paged: string[];
    beforeAll(async () => {
      // Three drafts closing in 2900, after every other call: the first three of the draft list, latest first.
      paged = [];
      for (const day of [3, 2, 1]) {
        const call = await createCall(
          api,
          secretariat.token,
          { opensAt: farFuture(2899), closesAt: farFuture(2900, day) },
          false,
        );
        paged.push(call.id);
      }
    });

    it('answers { items, total } pages in closing order, latest first', async () => {
      const first = await list(secretariat.token, { status: 'draft', limit: 2, offset: 0 });
      const second = await list(secretariat.token, { status: 'draft', limit: 2, offset: 2 });

      expect(listedIds(first)).toEqual([paged[0], paged[1]]);
      expect(listedIds(second)[0]).toBe(paged[2]);
      expect(second.items.length).toBeLessThanOrEqual(2);
      expect(first.total).toBeGreaterThanOrEqual(3);
    });

    it('answers an empty page past the end, with the total', async () => {
      const all = await list(secretariat.token, { status: 'draft', limit: 1 });
      const past = await list(secretariat.token, { status: 'draft', limit: 1, offset: all.total + 1000 });

      expect(all.items).toHaveLength(1);
      expect(past.items).toEqual([]);
      expect(past.total).toBeGreaterThanOrEqual(all.total);
    });

    it('defaults to pages of at most 50', async () => {
      const res = await api.get('/api/v1/calls', { token: secretariat.token });

      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(50);
      expect(res.body.total).toBeGreaterThanOrEqual(res.body.items.length);
    });

    it.each([
      ['limit', 501],
      ['limit', 0],
      ['limit', 'ten'],
      ['limit', 2.5],
      ['offset', -1],
    ])('refuses %s=%s with 400', async (name, value) => {
      expectInvalid(await api.get('/api/v1/calls', { query: { [name]: value } }), name);
    });

    it('refuses an unknown status with 400, alone or among known ones', async () => {
      expectInvalid(
        await api.get('/api/v1/calls', { token: secretariat.token, query: { status: 'finished' } }),
        'status',
      );
      expectInvalid(await api.get('/api/v1/calls?status=open&status=finished', { token: secretariat.token }), 'status');
    });
  });

  describe('reading one call', () => {
    it('answers 404 for an unknown id, even to the secretariat', async () => {
      const res = await api.get(`/api/v1/calls/${randomUUID()}`, { token: secretariat.token });
      expectProblem(res, 404, 'NOT_FOUND');
    });

    it('answers 400 for an id that is not a UUID', async () => {
      const res = await api.get('/api/v1/calls/not-a-uuid', { token: secretariat.token });
      expectProblem(res, 400, 'VALIDATION_FAILED');
    });
  });
});
