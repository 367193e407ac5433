import { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { extractPdfText } from '../../libs/cohorts/src/annex/testing/pdf-text';
import { expectProblem, sql } from '../support/applications';
import { eventually, withEnv } from '../support/async';
import { independentHashOf } from '../support/independent-hash';
import { createApplicantsFrom, createEvaluators, saveDraft, secretariatOf } from '../support/evaluation-fixtures';
import { Actor, Applicant, SAMPLE_PDF } from '../support/fixtures';
import { RELAYS_NOTIFICATIONS, takeNotificationsTurn } from '../support/notifications';
import { RedisServer } from '../support/redis-server';
import { callWithDrafts, submitDrafts } from '../support/scoring';
import { SmtpTestServer } from '../support/smtp-server';
import { TestApi } from '../support/test-app';
import { startWorker } from '../support/worker';

/**
 * Issue 5 "Show": a complete round through HTTP — intake, evaluation, scoring, proposal, override,
 * publication — then outcomes, notifications (received by an SMTP server in the test), the public
 * snapshot's hash recomputed here, the annexes, and 409 on every write after publication.
 */

const CENTRES = [
  { countryCode: 'KE', organisationName: 'Nairobi Digital Hub', city: 'Nairobi' },
  {
    countryCode: 'SN',
    organisationName: 'Université Cheikh Anta Diop — Incubateur',
    city: 'Dakar',
    locale: 'fr' as const,
  },
  { countryCode: 'BR', organisationName: 'São Paulo Startup Campus', city: 'São Paulo' },
  { countryCode: 'IN', organisationName: 'Bengaluru Deep Tech Centre', city: 'Bengaluru' },
  { countryCode: 'EG', organisationName: 'Cairo ICT Incubator', city: 'Cairo' },
  { countryCode: 'FR', organisationName: 'Station Lyon', city: 'Lyon', locale: 'fr' as const },
  { countryCode: 'KZ', organisationName: 'Astana Hub', city: 'Astana' },
  { countryCode: 'EE', organisationName: 'Tallinn Acceleration Lab', city: 'Tallinn' },
];

describe('a whole selection round, published', () => {
  let redis: RedisServer;
  let smtp: SmtpTestServer;
  let api: TestApi;
  let worker: INestApplicationContext;
  let secretariat: Actor;
  let evaluators: Actor[];
  let applicants: Applicant[];
  let callId: string;
  let applicationIds: string[];
  let drafts: Array<{ id: string; token: string }>;
  let cohort: { id: string; members: Array<{ applicationId: string }>; waitlist: Array<{ applicationId: string }> };
  let publicDocument: Record<string, unknown> & { contentHash: string; members: Array<{ name: string }> };

  let releaseTurn: () => Promise<void>;

  beforeAll(async () => {
    releaseTurn = await takeNotificationsTurn();
    redis = await RedisServer.start();
    smtp = await SmtpTestServer.start();
    api = await withEnv({ REDIS_URL: redis.url }, () => TestApi.start());
    worker = await startWorker({ ...RELAYS_NOTIFICATIONS, REDIS_URL: redis.url, SMTP_URL: smtp.url });
    secretariat = await secretariatOf(api);
    evaluators = await createEvaluators(
      api,
      ['DE', 'JP', 'MX', 'US'].map((countryCode) => ({ countryCode })),
    );
    applicants = await createApplicantsFrom(api, CENTRES);
    const call = await callWithDrafts(api, evaluators, applicants, 2);
    ({ callId, applicationIds, drafts } = call);
    await commentOnFirstApplication(call.drafts);
    await submitDrafts(api, call);
    await sql(
      api,
      `UPDATE calls SET cohort_size = 4, selection = '{"maxPerCountry": 1, "waitlistSize": 2}' WHERE id = $1`,
      [callId],
    );
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
    await redis?.stop();
    await releaseTurn?.();
  });

  /** The first application's evaluators explain their scores, one of them also overall. */
  const commentOnFirstApplication = async (all: Array<{ id: string; token: string }>) => {
    const rows = await sql<{ id: string; scores: Record<string, number> }>(
      api,
      `SELECT a.id, jsonb_object_agg(cs.criterion_code, cs.score) AS scores
         FROM assignments a JOIN criterion_scores cs ON cs.assignment_id = a.id
        WHERE a.application_id = $1 GROUP BY a.id, a.created_at ORDER BY a.created_at, a.id`,
      [applicationIds[0]],
    );
    for (const [k, row] of rows.entries()) {
      const token = all.find((d) => d.id === row.id)?.token ?? '';
      const res = await saveDraft(api, token, row.id, {
        scores: [
          { criterionCode: 'IMPACT', score: row.scores.IMPACT, comment: `Impact, evaluator ${k + 1}.` },
          { criterionCode: 'CAPACITY', score: row.scores.CAPACITY, comment: k === 0 ? '  ' : 'Capacity, second.' },
        ],
        ...(k === 0 ? { overallComment: 'A strong programme.' } : {}),
      });
      expect(res.status).toBe(200);
    }
  };

  const outcomeOf = (i: number) =>
    cohort.members.some((m) => m.applicationId === applicationIds[i])
      ? 'selected'
      : cohort.waitlist.some((w) => w.applicationId === applicationIds[i])
        ? 'waitlisted'
        : 'not_selected';

  it('publishes an amended, approved cohort with outcomes, a verifiable snapshot and notifications', async () => {
    const before = await api.get(`/api/v1/applications/${applicationIds[0]}`, { token: applicants[0].token });
    expect(before.body).toMatchObject({ outcome: null, feedback: null });
    const etagBefore = before.headers.etag;
    const proposed = await api.post(`/api/v1/calls/${callId}/cohorts`, { token: secretariat.token, body: {} });
    expect(proposed.status).toBe(201);
    const removed = proposed.body.members[3].applicationId as string;
    const added = proposed.body.waitlist[0].applicationId as string;
    const amended = await api.patch(`/api/v1/cohorts/${proposed.body.id}`, {
      token: secretariat.token,
      body: { add: [added], remove: [removed], reason: 'The centre asked to join the next cohort instead.' },
    });
    expect(amended.status).toBe(200);
    expect((await api.post(`/api/v1/cohorts/${proposed.body.id}/approve`, { token: secretariat.token })).status).toBe(
      200,
    );

    // Read before publishing: the notices as they will be sent, per outcome and language, nothing sent yet.
    const preview = await api.get(`/api/v1/cohorts/${proposed.body.id}/publication-preview`, {
      token: secretariat.token,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.recipients).toBe(applicants.length);
    const previewed = preview.body.previews as Array<{ template: string; locale: string; recipients: number }>;
    expect(new Set(previewed.map((p) => p.template))).toEqual(
      new Set(['cohort.selected', 'cohort.waitlisted', 'cohort.not_selected']),
    );
    expect(previewed.filter((p) => p.locale === 'fr').reduce((n, p) => n + p.recipients, 0)).toBe(2);
    // Other suites of the same worker publish calls of their own: only this call's applicants are looked at.
    const applicantIds = applicants.map((a) => a.id);
    expect(
      await sql(api, `SELECT 1 FROM notifications WHERE template LIKE 'cohort.%' AND recipient_id = ANY ($1::uuid[])`, [
        applicantIds,
      ]),
    ).toEqual([]);

    const published = await api.post(`/api/v1/cohorts/${proposed.body.id}/publish`, { token: secretariat.token });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    expect(published.body.contentHash).toMatch(/^[0-9a-f]{64}$/);
    cohort = published.body;
    const memberIds = cohort.members.map((m) => m.applicationId);
    expect(memberIds).toContain(added);
    expect(memberIds).not.toContain(removed);

    // Outcomes, as each applicant sees its own application.
    for (const [i, applicant] of applicants.entries()) {
      const own = await api.get(`/api/v1/applications/${applicationIds[i]}`, { token: applicant.token });
      // Each application carries its call, which applicants cannot read while it is under review.
      expect(own.body).toMatchObject({
        status: outcomeOf(i),
        outcome: outcomeOf(i),
        call: {
          id: callId,
          status: 'published',
          reference: expect.stringMatching(/^TEST\//),
          title: expect.any(String),
        },
      });
      // A new version: a copy cached before publication is not taken for this one.
      if (i === 0) expect(own.headers.etag).not.toBe(etagBefore);
    }
    expect((await api.get(`/api/v1/calls/${callId}`, { token: secretariat.token })).body.status).toBe('published');

    // The public document, and its hash recomputed from what is served.
    const served = await api.get(`/api/v1/public/cohorts/${cohort.id}`);
    expect(served.status).toBe(200);
    publicDocument = served.body;
    const { contentHash, ...rest } = publicDocument;
    expect(independentHashOf(rest)).toBe(contentHash);
    expect(contentHash).toBe(published.body.contentHash);
    expect(publicDocument).toMatchObject({
      id: cohort.id,
      statistics: { applications: 8, countries: 8, selected: 4 },
    });
    expect(publicDocument.members.map((m) => m.name).sort()).toEqual(
      CENTRES.filter((_, i) => memberIds.includes(applicationIds[i]))
        .map((c) => c.organisationName)
        .sort(),
    );
    const listed = await api.get('/api/v1/public/cohorts');
    expect(listed.body.items.map((c: { id: string }) => c.id)).toContain(cohort.id);

    // Everyone is told, in their language, in the app and by e-mail.
    for (const [i, applicant] of applicants.entries()) {
      const mine = await eventually(
        () => api.get('/api/v1/me/notifications', { token: applicant.token }),
        (res) => res.body.items.some((n: { template: string }) => n.template.startsWith('cohort.')),
      );
      const notice = mine.body.items.find((n: { template: string }) => n.template.startsWith('cohort.'));
      expect(notice.template).toBe(`cohort.${outcomeOf(i)}`);
      expect(previewed.find((p) => p.template === notice.template && p.locale === notice.locale)).toMatchObject({
        subject: notice.subject,
        body: notice.body,
      });
      const mail = await eventually(
        async () => smtp.to(applicant.email).find((m) => m.subject === notice.subject),
        (found) => found !== undefined,
      );
      // Both link to the web app's page of the cohort, not to the API's JSON.
      const page = `http://127.0.0.1:3000/cohorts/${cohort.id}`;
      expect(notice.body.split(/\s+/)).toContain(page);
      expect(mail?.text.split(/\s+/)).toContain(page);
      expect(`${notice.body} ${mail?.text}`).not.toContain('/api/');
      if (CENTRES[i].locale === 'fr') expect(notice.subject).toMatch(/[àâçéèêëîïôûù]|cohorte|candidature/i);
    }
  });

  it('audits each application’s outcome once, as the publisher’s change from submitted', async () => {
    for (const [i, applicationId] of applicationIds.entries()) {
      const res = await api.get('/api/v1/audit-events', {
        token: secretariat.token,
        query: { entityType: 'application', entityId: applicationId },
      });
      expect(res.status).toBe(200);
      const events = res.body.items as Array<{ action: string }>;
      const outcomes = events.filter((e) => e.action === 'application.outcome_published');
      expect(outcomes).toEqual([
        expect.objectContaining({
          actorId: secretariat.id,
          before: { status: 'submitted' },
          after: { status: outcomeOf(i), version: expect.any(Number) },
        }),
      ]);
    }
  });

  it('releases to each applicant its feedback: score, rank, each criterion’s mean and comments, never who wrote them', async () => {
    const ranking = await api.get(`/api/v1/calls/${callId}/ranking`, { token: secretariat.token });
    const ranked = ranking.body.items.find((r: { applicationId: string }) => r.applicationId === applicationIds[0]);
    const means = await sql<{ code: string; mean: number }>(
      api,
      `SELECT criterion_code AS code, avg(score)::float8 AS mean FROM criterion_scores cs
         JOIN assignments a ON a.id = cs.assignment_id WHERE a.application_id = $1 GROUP BY criterion_code`,
      [applicationIds[0]],
    );
    const meanOf = (code: string) => means.find((m) => m.code === code)?.mean;

    const own = await api.get(`/api/v1/applications/${applicationIds[0]}`, { token: applicants[0].token });
    const { criteria, ...overall } = own.body.feedback;
    expect(overall).toEqual({
      score: ranked.score,
      rank: ranked.rank,
      evaluationCount: 2,
      comments: ['A strong programme.'],
    });
    // Comments come in the order the evaluations were submitted, which the test does not fix.
    expect(
      criteria.map((c: { code: string; meanScore: number; comments: string[] }) => [
        c.code,
        c.meanScore,
        c.comments.sort(),
      ]),
    ).toEqual([
      ['IMPACT', meanOf('IMPACT'), ['Impact, evaluator 1.', 'Impact, evaluator 2.']],
      ['CAPACITY', meanOf('CAPACITY'), ['Capacity, second.']],
    ]);
    const released = JSON.stringify(own.body.feedback);
    for (const evaluator of evaluators) {
      expect(released).not.toContain(evaluator.id);
      expect(released).not.toContain(evaluator.email);
    }
    const other = await api.get(`/api/v1/applications/${applicationIds[1]}`, { token: applicants[1].token });
    expect(other.body.feedback).toMatchObject({ evaluationCount: 2, comments: [] });
    expect(other.body.feedback.criteria.map((c: { comments: string[] }) => c.comments)).toEqual([[], []]);
  });

  it('serves the annexes: a CSV of the centres and a PDF in English and French naming every one', async () => {
    const csv = await request(api.server).get(`/api/v1/public/cohorts/${cohort.id}/annex.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(1 + 4);
    for (const member of publicDocument.members) expect(csv.text).toContain(member.name);

    for (const lang of ['en', 'fr']) {
      const pdf = await request(api.server)
        .get(`/api/v1/public/cohorts/${cohort.id}/annex.pdf`)
        .query({ lang })
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const body = pdf.body as Buffer;
      expect(body.subarray(0, 5).toString()).toBe('%PDF-');
      const { text } = await extractPdfText(body);
      for (const member of publicDocument.members) expect(text).toContain(member.name);
      expect(text).toContain(publicDocument.contentHash);
      expect(text).toContain(lang === 'fr' ? 'Annexe 2 – Centres retenus' : 'Annex 2 – Selected centres');
    }
    expectProblem(
      await api.get(`/api/v1/public/cohorts/${cohort.id}/annex.pdf`, { query: { lang: 'xx' } }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await api.get('/api/v1/public/cohorts/00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
  });

  it('answers 409 COHORT_PUBLISHED to every write after publication, and the database refuses them too', async () => {
    const token = secretariat.token;
    const call = (await api.get(`/api/v1/calls/${callId}`, { token })).body;
    const attempts = [
      api.patch(`/api/v1/cohorts/${cohort.id}`, {
        token,
        body: { remove: [cohort.members[0].applicationId], reason: 'Changed our mind.' },
      }),
      api.post(`/api/v1/cohorts/${cohort.id}/approve`, { token }),
      api.post(`/api/v1/cohorts/${cohort.id}/publish`, { token }),
      api.post(`/api/v1/calls/${callId}/cohorts`, { token, body: {} }),
      api.post(`/api/v1/calls/${callId}/scoring-runs`, { token }),
      api.patch(`/api/v1/calls/${callId}`, {
        token,
        headers: { 'If-Match': `"${call.version}"` },
        body: { weights: { IMPACT: 0.5, CAPACITY: 0.5 } },
      }),
      api.post(`/api/v1/assignments/${drafts[0].id}/evaluation/reopen`, { token }),
      api.put(`/api/v1/assignments/${drafts[1].id}/evaluation`, {
        token: drafts[1].token,
        body: { scores: [{ criterionCode: 'IMPACT', score: 1 }] },
      }),
      api.post(`/api/v1/applications/${applicationIds[0]}/withdraw`, { token: applicants[0].token }),
      api.post(`/api/v1/applications/${applicationIds[1]}/eligibility`, {
        token,
        body: { eligible: false, reason: 'Found out too late.' },
      }),
      api.upload(
        `/api/v1/applications/${applicationIds[2]}/documents`,
        applicants[2].token,
        {
          buffer: SAMPLE_PDF,
          filename: 'late.pdf',
        },
        { kind: 'annex' },
      ),
    ];
    for (const res of await Promise.all(attempts)) expectProblem(res, 409, 'COHORT_PUBLISHED');

    const stored = await sql<{ status: string; content_hash: string }>(
      api,
      `SELECT status, content_hash FROM cohorts WHERE id = $1`,
      [cohort.id],
    );
    expect(stored).toEqual([{ status: 'published', content_hash: publicDocument.contentHash }]);

    for (const statement of [
      [`UPDATE cohorts SET members = '[]' WHERE id = $1`, cohort.id],
      [`UPDATE applications SET status = 'selected' WHERE id = $1`, applicationIds[3]],
      [`UPDATE criteria SET weight = 0.9 WHERE call_id = $1`, callId],
      [`UPDATE criterion_scores SET score = 0 WHERE assignment_id = $1`, drafts[0].id],
      [`UPDATE application_results SET score = 0 WHERE call_id = $1`, callId],
      // The scores computed where read stay put: the moments they are computed from are frozen too.
      [`UPDATE scoring_stage_moments SET mu = mu + 1 WHERE call_id = $1`, callId],
      [`UPDATE calls SET title = 'Rewritten' WHERE id = $1`, callId],
    ]) {
      await expect(sql(api, statement[0], [statement[1]])).rejects.toMatchObject({ driverError: { code: 'CP409' } });
    }
    expect((await api.get(`/api/v1/public/cohorts/${cohort.id}`)).body).toEqual(publicDocument);
  });

  it('names the published cohort on the call, for anyone, and keeps the call public once archived', async () => {
    expect((await api.get(`/api/v1/calls/${callId}`)).body).toMatchObject({
      status: 'published',
      publishedCohortId: cohort.id,
      changeable: [],
    });

    const archived = await api.post(`/api/v1/calls/${callId}/archive`, { token: secretariat.token });
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ status: 'archived', publishedCohortId: cohort.id });
    expect((await api.get(`/api/v1/calls/${callId}`)).body).toMatchObject({ status: 'archived' });
    const past = await api.get('/api/v1/calls?status=published&status=archived&limit=500');
    expect((past.body.items as Array<{ id: string }>).map((c) => c.id)).toContain(callId);
    const trail = await api.get('/api/v1/audit-events', {
      token: secretariat.token,
      query: { entityType: 'call', entityId: callId, limit: 500 },
    });
    expect(trail.body.items.at(-1)).toMatchObject({
      action: 'call.archived',
      actorId: secretariat.id,
      before: { status: 'published' },
      after: { status: 'archived' },
    });
    expectProblem(
      await api.post(`/api/v1/calls/${callId}/archive`, { token: secretariat.token }),
      409,
      'INVALID_TRANSITION',
    );
    expect((await api.get(`/api/v1/public/cohorts/${cohort.id}`)).body).toEqual(publicDocument);
  });
});
