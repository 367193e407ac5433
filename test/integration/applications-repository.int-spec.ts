import { randomUUID } from 'node:crypto';
import { Eligibility, EligibilityOverride } from '@app/applications';
import { applicationCallOf } from '@app/calls';
import { CallRow, callByIdSql, toCall } from '../../libs/calls/src/infrastructure/call.sql';
import { ApplicationEntity, DocumentEntity } from '../../libs/applications/src/infrastructure/application.entities';
import { ApplicationsRepository } from '../../libs/applications/src/infrastructure/applications.repository';
import { DuplicateApplicationError } from '../../libs/applications/src/domain/applications.errors';
import { RepositoryDb, rolledBack, startRepositories } from '../support/repository-db';

describe('ApplicationsRepository on PostgreSQL', () => {
  let repo: RepositoryDb;
  let applications: ApplicationsRepository;
  let callId: string;

  beforeAll(async () => {
    repo = await startRepositories([ApplicationsRepository], [ApplicationEntity, DocumentEntity]);
    applications = repo.get(ApplicationsRepository);
    callId = await repo.seed.call({ status: 'open' });
  });
  afterAll(() => repo.close());

  /** A draft of a new organisation in the country, by its applicant, through the repository. */
  async function draft(call = callId, countryCode = 'KE', answers = { pitch: 'We grow start-ups' }) {
    const organisationId = await repo.seed.organisation({ countryCode });
    const createdBy = await repo.seed.user({ organisationId });
    const region = countryCode === 'FR' ? 'EUR' : 'AFR';
    const id = await repo.transactions.run((tx) =>
      applications.insert(tx, { callId: call, organisationId, countryCode, region, answers, createdBy }),
    );
    return { id, organisationId, createdBy };
  }

  const eligible = (value: boolean): Eligibility => ({ eligible: value, reasons: [] });
  const override = (value: boolean): EligibilityOverride => ({
    eligible: value,
    reason: 'decided',
    decidedBy: randomUUID(),
    decidedAt: new Date().toISOString(),
  });

  it('inserts a draft at version 1 and reads it back; an unknown id is null', async () => {
    const { id, organisationId } = await draft();

    expect(await applications.findById(id)).toEqual({
      id,
      callId,
      organisationId,
      countryCode: 'KE',
      region: 'AFR',
      status: 'draft',
      answers: { pitch: 'We grow start-ups' },
      eligibility: null,
      eligibilityOverride: null,
      replyDecision: null,
      sessionPreferences: [],
      submittedAt: null,
      submittedBy: null,
      withdrawnAt: null,
      feedback: null,
      version: 1,
      answersVersion: 1,
      createdBy: expect.any(String),
      createdAt: expect.any(Date),
      updatedAt: expect.any(Date),
    });
    expect(await applications.findById(randomUUID())).toBeNull();
  });

  it('refuses a second application of an organisation to the same call, as DUPLICATE_APPLICATION', async () => {
    const { organisationId, createdBy } = await draft();
    const again = () =>
      repo.transactions.run((tx) =>
        applications.insert(tx, { callId, organisationId, countryCode: 'KE', region: 'AFR', answers: {}, createdBy }),
      );

    await expect(again()).rejects.toBeInstanceOf(DuplicateApplicationError);
  });

  it('merges answers into a draft at the expected version, a null removing an answer, and answers it written', async () => {
    const { id } = await draft(callId, 'KE', { pitch: 'first', size: 'small' } as never);

    const merged = await applications.mergeDraftAnswers(id, 1, {
      pitch: 'second',
      size: null,
      site: 'https://x.example',
    });

    expect(merged?.application).toEqual({
      ...(await applications.findById(id)),
      version: 2,
      answers: { pitch: 'second', site: 'https://x.example' },
    });
    expect(merged?.documents).toEqual([]);
    expect(await applications.mergeDraftAnswers(id, 1, { pitch: 'stale' })).toBeNull();
    expect((await applications.findById(id))?.answers).toMatchObject({ pitch: 'second' });
  });

  it('merges answers typed before a document change, but not those typed before another edit of the answers', async () => {
    const { id } = await draft();
    await repo.transactions.run((tx) => applications.touch(tx, id));

    const merged = await applications.mergeDraftAnswers(id, 1, { pitch: 'typed before the upload' });
    expect(merged?.application).toMatchObject({ version: 3, answersVersion: 3 });
    await repo.transactions.run((tx) => applications.touch(tx, id));
    expect(await applications.mergeDraftAnswers(id, 2, { pitch: 'typed before that save' })).toBeNull();
    expect(await applications.mergeDraftAnswers(id, 5, { pitch: 'a version not reached' })).toBeNull();
    expect(await applications.findById(id)).toMatchObject({
      version: 4,
      answersVersion: 3,
      answers: { pitch: 'typed before the upload' },
    });
  });

  it('counts the answers of rows written before their version was kept as changed at their version', async () => {
    const { id } = await draft();
    await repo.transactions.autocommit.query(
      'UPDATE applications SET answers_version = NULL, version = 2 WHERE id = $1',
      [id],
    );

    expect(await applications.mergeDraftAnswers(id, 1, { pitch: 'stale' })).toBeNull();
    await repo.transactions.run((tx) => applications.touch(tx, id));
    expect(await applications.findById(id)).toMatchObject({ version: 3, answersVersion: 2 });
    expect((await applications.mergeDraftAnswers(id, 2, { pitch: 'current' }))?.application.version).toBe(4);
  });

  it('lets exactly one of several concurrent edits from the same version win', async () => {
    const { id } = await draft();

    const outcomes = await Promise.all(
      [1, 2, 3, 4].map((i) => applications.mergeDraftAnswers(id, 1, { pitch: `v${i}` })),
    );

    const winners = outcomes.filter((record) => record !== null);
    expect(winners.map((record) => record?.application.version)).toEqual([2]);
    expect((await applications.findById(id))?.answers).toEqual(winners[0]?.application.answers);
  });

  it('merges nothing into an application that is no longer a draft', async () => {
    const { id } = await draft();
    await repo.transactions.run((tx) => applications.update(tx, id, { status: 'submitted', submittedAt: new Date() }));

    expect(await applications.mergeDraftAnswers(id, 2, { pitch: 'too late' })).toBeNull();
    expect(await applications.mergeDraftAnswers(randomUUID(), 1, { pitch: 'nobody' })).toBeNull();
  });

  it('updates status and eligibility, bumping the version each time and answering the application written', async () => {
    const { id } = await draft();
    const submittedAt = new Date('2026-05-01T10:00:00.000Z');

    const updated = await repo.transactions.run(async (tx) => {
      const written = await applications.update(tx, id, {
        status: 'submitted',
        submittedAt,
        eligibility: eligible(true),
      });
      await applications.touch(tx, id);
      return written;
    });

    expect(updated.application).toMatchObject({
      status: 'submitted',
      submittedAt,
      eligibility: eligible(true),
      version: 2,
    });
    expect(await applications.findById(id)).toMatchObject({
      status: 'submitted',
      submittedAt,
      eligibility: eligible(true),
      version: 3,
      answers: { pitch: 'We grow start-ups' },
    });
  });

  it('reads an application with its documents in upload order, without their bytes', async () => {
    const { id, createdBy } = await draft();
    expect((await applications.findWithDocuments(id))?.documents).toEqual([]);
    for (const kind of ['statutes', 'budget']) {
      await repo.db.query(
        `INSERT INTO documents (application_id, kind, filename, mime_type, size, sha256, content, uploaded_by)
         VALUES ($1, $2, $2 || '.pdf', 'application/pdf', 3, repeat('0', 64), 'abc', $3)`,
        [id, kind, createdBy],
      );
    }

    const record = await applications.findWithDocuments(id);

    expect(record?.application).toEqual(await applications.findById(id));
    expect(record?.documents).toEqual([
      expect.objectContaining({
        applicationId: id,
        kind: 'statutes',
        filename: 'statutes.pdf',
        size: 3,
        createdAt: expect.any(Date),
      }),
      expect.objectContaining({ kind: 'budget', uploadedBy: createdBy }),
    ]);
    expect(record?.documents[0]).not.toHaveProperty('content');
    expect(await applications.findWithDocuments(randomUUID())).toBeNull();
    // What a submission checks: the kinds of the documents, and the database clock.
    const facts = await repo.transactions.run((tx) => applications.submissionFacts(tx, id));
    expect(facts.documentKinds).toEqual(['statutes', 'budget']);
    expect(facts.now).toBeInstanceOf(Date);
  });

  it('reads an application with its call as calls grants it, which is what the whole call shows of it', async () => {
    const call = await repo.seed.call({ status: 'open' });
    await repo.db.query(
      `UPDATE calls SET kind = 'registration', blind = true, opens_at = '2026-01-01T10:00:00.123Z' WHERE id = $1`,
      [call],
    );
    await repo.db.query(
      `INSERT INTO questions (call_id, key, label, type, required, max_length, options, position, min_count, max_count)
       VALUES ($1, 'team', 'Team', 'people', true, NULL, NULL, 1, 1, 5),
              ($1, 'pitch', 'Pitch', 'longtext', true, 2000, NULL, 0, NULL, NULL),
              ($1, 'track', 'Track', 'choice', false, NULL, '["seed", "growth"]', 2, NULL, NULL)`,
      [call],
    );
    const { id } = await draft(call);
    const [whole] = (await repo.db.query(callByIdSql('none'), [call])) as CallRow[];

    const found = await applications.findWithCall(id);

    expect(found?.record).toEqual(await applications.findWithDocuments(id));
    expect(found?.call).toEqual(applicationCallOf(toCall(whole)));
    expect(found?.call).toMatchObject({ kind: 'registration', blind: true, hasSessions: false });
    expect(found?.call.questions.map((q) => q.key)).toEqual(['pitch', 'team', 'track']);
    expect(found?.call.opensAt).toEqual(new Date('2026-01-01T10:00:00.123Z'));
    await repo.db.query(
      `INSERT INTO call_sessions (call_id, position, key, title, starts_at, capacity) VALUES ($1, 0, 'a', 'A', now(), 5)`,
      [call],
    );
    expect(await applications.callsByIds([call, callId, randomUUID()])).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: call, hasSessions: true }),
        expect.objectContaining({ id: callId, hasSessions: false, questions: [] }),
      ]),
    );
    expect(await applications.callsByIds([call, callId, randomUUID()])).toHaveLength(2);
    expect(await applications.findWithCall(randomUUID())).toBeNull();
  });

  it('locks the row until the transaction ends; an unknown id is null', async () => {
    const { id } = await draft();

    await rolledBack(repo.transactions, async (tx) => {
      expect((await applications.lockById(tx, id))?.id).toBe(id);
      await expect(repo.db.query(`SELECT 1 FROM applications WHERE id = $1 FOR UPDATE NOWAIT`, [id])).rejects.toThrow(
        /could not obtain lock/,
      );
      expect(await applications.lockById(tx, randomUUID())).toBeNull();
    });
  });

  it('lists as assignable the submitted applications whose eligibility in force is positive', async () => {
    const call = await repo.seed.call({ status: 'open' });
    const make = async (
      status: 'draft' | 'submitted' | 'withdrawn',
      rules: boolean | null,
      decision: boolean | null,
    ) => {
      const { id } = await draft(call);
      await repo.transactions.run((tx) =>
        applications.update(tx, id, {
          status,
          submittedAt: status === 'draft' ? null : new Date(),
          ...(rules === null ? {} : { eligibility: eligible(rules) }),
          ...(decision === null ? {} : { eligibilityOverride: override(decision) }),
        }),
      );
      return id;
    };
    const yes = await make('submitted', true, null);
    const overriddenYes = await make('submitted', false, true);
    await make('submitted', true, false);
    await make('submitted', null, null);
    await make('withdrawn', true, null);
    await make('draft', true, null);

    const assignable = await applications.listAssignable(call);

    expect(assignable.map((a) => a.id)).toEqual([yes, overriddenYes].sort());
    expect(await applications.listAssignable(randomUUID())).toEqual([]);
  });

  it('reads applications by one array of ids, sorted by id: none, one, many, unknown ids left out', async () => {
    const ids = [(await draft()).id, (await draft()).id, (await draft()).id];

    expect(await applications.findByIds([])).toEqual([]);
    expect((await applications.findByIds([ids[1]])).map((a) => a.id)).toEqual([ids[1]]);
    expect((await applications.findByIds([...ids, randomUUID()])).map((a) => a.id)).toEqual([...ids].sort());
  });

  it('lists a call’s applications oldest first, filtered and paged, with the total of every match', async () => {
    const call = await repo.seed.call({ status: 'open' });
    const kenyan = [(await draft(call, 'KE')).id, (await draft(call, 'KE')).id];
    const french = await draft(call, 'FR');
    await repo.transactions.run((tx) =>
      applications.update(tx, kenyan[1], { status: 'submitted', submittedAt: new Date() }),
    );
    const ids = (filter: Record<string, unknown>, limit = 10, offset = 0) =>
      applications
        .list({ callId: call, limit, offset, ...filter })
        .then((p) => ({ ids: p.items.map((a) => a.id), total: p.total }));

    expect(await ids({})).toEqual({ ids: [...kenyan, french.id], total: 3 });
    expect(await ids({}, 2, 2)).toEqual({ ids: [french.id], total: 3 });
    expect(await ids({}, 2, 3)).toEqual({ ids: [], total: 3 });
    expect(await ids({ countryCode: 'KE' })).toEqual({ ids: kenyan, total: 2 });
    expect(await ids({ region: 'EUR' })).toEqual({ ids: [french.id], total: 1 });
    expect(await ids({ status: 'submitted' })).toEqual({ ids: [kenyan[1]], total: 1 });
    expect(await ids({ organisationId: french.organisationId })).toEqual({ ids: [french.id], total: 1 });
    expect(await ids({ status: 'withdrawn' })).toEqual({ ids: [], total: 0 });
  });
});
