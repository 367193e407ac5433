import { randomUUID } from 'node:crypto';
import { RankingFilter, RankingRepository } from '../../libs/scoring/src/infrastructure/ranking.repository';
import { ScoringRepository } from '../../libs/scoring/src/infrastructure/scoring.repository';
import { eventually } from '../support/async';
import { RepositoryDb, rolledBack, startRepositories } from '../support/repository-db';
import { CalibrationRepository } from '../../libs/scoring/src/infrastructure/calibration.repository';

describe('RankingRepository and the ranking reads of ScoringRepository on PostgreSQL', () => {
  let repo: RepositoryDb;
  let ranking: RankingRepository;
  let scoring: ScoringRepository;
  let callId: string;
  /** Application ids by rank (index 0 = rank 1); the last application is scored but not ranked. */
  let byRank: string[];
  let unranked: string;

  beforeAll(async () => {
    repo = await startRepositories([RankingRepository, ScoringRepository, CalibrationRepository]);
    ranking = repo.get(RankingRepository);
    scoring = repo.get(ScoringRepository);
    callId = await repo.seed.call({ status: 'reviewing' });
    const organisations = [
      { name: 'Zebra Labs', city: 'Nairobi', countryCode: 'KE' },
      { name: 'alpha Hub', city: 'Paris', countryCode: 'FR' },
      { name: 'Mango Works', city: 'Dakar', countryCode: 'SN' },
      { name: 'Beta Forge', city: 'Nairobi West', countryCode: 'KE' },
    ];
    byRank = [];
    for (const [i, organisation] of organisations.entries()) {
      const applicationId = await repo.seed.application(callId, {
        organisationId: await repo.seed.organisation(organisation),
        countryCode: organisation.countryCode,
      });
      // Score falls with the rank, except rank 3's spread which is the largest.
      await repo.seed.result(callId, applicationId, { rank: i + 1, score: 90 - i * 10, spread: i === 2 ? 40 : i });
      byRank.push(applicationId);
    }
    unranked = await repo.seed.application(callId);
    await repo.seed.result(callId, unranked, { rank: null, score: 10 });
  });
  afterAll(() => repo.close());

  const ids = (filter: Partial<RankingFilter>) =>
    ranking
      .page(callId, { limit: 10, offset: 0, sort: { key: 'rank', descending: false }, ...filter })
      .then((p) => ({ ids: p.items.map((e) => e.applicationId), total: p.total }));

  it('pages the ranked applications by rank with who applied, the unranked left out', async () => {
    const page = await ranking.page(callId, { limit: 2, offset: 0, sort: { key: 'rank', descending: false } });

    expect(page.total).toBe(4);
    expect(page.items).toEqual([
      {
        applicationId: byRank[0],
        score: 90,
        rawScore: 90,
        normalizedScore: 90,
        evaluationCount: 1,
        spread: 0,
        stdDev: 0,
        needsModeration: false,
        consensusScore: null,
        rank: 1,
        organisation: { name: 'Zebra Labs', countryCode: 'KE', region: 'AFR' },
        // Not calibrated: no rank uncertainty.
        uncertainty: null,
      },
      expect.objectContaining({
        applicationId: byRank[1],
        rank: 2,
        organisation: { name: 'alpha Hub', countryCode: 'FR', region: 'EUR' },
      }),
    ]);
    expect(await ids({ limit: 2, offset: 2 })).toEqual({ ids: [byRank[2], byRank[3]], total: 4 });
  });

  it('still answers the total on a page past the end, and nothing for a call without results', async () => {
    expect(await ids({ limit: 2, offset: 4 })).toEqual({ ids: [], total: 4 });
    expect(await ranking.page(randomUUID(), { limit: 5, offset: 0, sort: { key: 'rank', descending: false } })).toEqual(
      {
        items: [],
        total: 0,
      },
    );
  });

  it('sorts by any key either way, the rank breaking ties', async () => {
    expect((await ids({ sort: { key: 'rank', descending: true } })).ids).toEqual([...byRank].reverse());
    expect((await ids({ sort: { key: 'score', descending: false } })).ids).toEqual([...byRank].reverse());
    expect((await ids({ sort: { key: 'spread', descending: true } })).ids).toEqual([
      byRank[2],
      byRank[3],
      byRank[1],
      byRank[0],
    ]);
    // By name regardless of case: alpha, Beta, Mango, Zebra.
    expect((await ids({ sort: { key: 'organisation', descending: false } })).ids).toEqual([
      byRank[1],
      byRank[3],
      byRank[2],
      byRank[0],
    ]);
    // Kenya twice: ranks 1 then 4.
    expect((await ids({ sort: { key: 'country', descending: false } })).ids).toEqual([
      byRank[1],
      byRank[0],
      byRank[3],
      byRank[2],
    ]);
    expect((await ids({ sort: { key: 'evaluationCount', descending: true } })).ids).toEqual(byRank);
  });

  it('searches the organisation’s name or city in any case, counting only what it finds', async () => {
    expect(await ids({ search: 'NAIROBI' })).toEqual({ ids: [byRank[0], byRank[3]], total: 2 });
    expect(await ids({ search: 'hub' })).toEqual({ ids: [byRank[1]], total: 1 });
    expect(await ids({ search: 'nairobi', limit: 1, offset: 1 })).toEqual({ ids: [byRank[3]], total: 2 });
    // Searched as text, not as a pattern.
    expect(await ids({ search: '%' })).toEqual({ ids: [], total: 0 });
  });

  it('ScoringRepository: answers every result, ranked ones by rank, and the last computation time', async () => {
    const results = await scoring.results(callId);
    expect(results.map((r) => r.applicationId)).toEqual([...byRank, unranked]);
    expect(results[4]).toMatchObject({ rank: null, score: 10, callId });

    const last = await scoring.lastComputedAt(callId);
    expect(last?.getTime()).toBe(Math.max(...results.map((r) => r.computedAt.getTime())));
    expect(await scoring.lastComputedAt(randomUUID())).toBeNull();
  });

  it('ScoringRepository: an exclusive lock of a call waits for its shared holders, shared ones do not wait for each other', async () => {
    const call = randomUUID();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let sharedTaken: () => void = () => undefined;
    const taken = new Promise<void>((resolve) => (sharedTaken = resolve));
    const events: string[] = [];

    const reader = repo.transactions.run(async (tx) => {
      await scoring.lockCall(tx, call, 'shared');
      sharedTaken();
      await held;
      events.push('shared released');
    });
    await taken;
    await repo.transactions.run((tx) => scoring.lockCall(tx, call, 'shared'));
    await rolledBack(repo.transactions, (tx) => scoring.lockCall(tx, randomUUID(), 'exclusive'));
    const writer = repo.transactions.run(async (tx) => {
      await scoring.lockCall(tx, call, 'exclusive');
      events.push('exclusive taken');
    });
    const waiting = await eventually(
      async () =>
        (
          (await repo.db.query(
            `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
          )) as Array<{ n: number }>
        )[0].n,
      (n) => n > 0,
    );
    expect(waiting).toBeGreaterThan(0);

    release();
    await Promise.all([reader, writer]);
    expect(events).toEqual(['shared released', 'exclusive taken']);
  });

  it('hands every ranked application found to an export a batch at a time, in the order asked, with status and eligibility', async () => {
    const batches: Array<Array<{ applicationId: string; status: string; eligible: boolean | null }>> = [];
    await ranking.forEachBatch(callId, { sort: { key: 'spread', descending: true } }, 3, async (batch) => {
      batches.push(batch.map(({ applicationId, status, eligible }) => ({ applicationId, status, eligible })));
    });
    const searched: string[] = [];
    await ranking.forEachBatch(
      callId,
      { search: 'NAIROBI', sort: { key: 'rank', descending: true } },
      1,
      async (batch) => {
        searched.push(...batch.map((e) => e.applicationId));
      },
    );

    expect(batches.map((batch) => batch.map((e) => e.applicationId))).toEqual([
      [byRank[2], byRank[3], byRank[1]],
      [byRank[0]],
    ]);
    expect(batches.flat().map(({ status, eligible }) => ({ status, eligible }))).toEqual(
      Array(4).fill({ status: 'submitted', eligible: null }),
    );
    expect(searched).toEqual([byRank[3], byRank[0]]);
  });
});
