import { RepositoryDb, startRepositories } from '../support/repository-db';

describe('Transactions.forEachBatch on PostgreSQL', () => {
  let repo: RepositoryDb;

  beforeAll(async () => {
    repo = await startRepositories([]);
  });
  afterAll(() => repo.close());

  const batchesOf = async (count: number, batchSize: number) => {
    const batches: number[][] = [];
    await repo.transactions.forEachBatch<{ n: number }>(
      'SELECT n FROM generate_series(1, $1::int) AS n ORDER BY n',
      [count],
      batchSize,
      async (rows) => {
        batches.push(rows.map((r) => r.n));
      },
    );
    return batches;
  };

  it('hands over every row in order, a batch at a time, the last one short', async () => {
    expect(await batchesOf(5, 2)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('hands over no empty batch when the rows fill the last one, nor for no rows at all', async () => {
    expect(await batchesOf(4, 2)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(await batchesOf(0, 2)).toEqual([]);
  });

  it('stops at the first batch whose handling fails, with its error, and frees the connection', async () => {
    const seen: number[] = [];
    const reading = repo.transactions.forEachBatch<{ n: number }>(
      'SELECT n FROM generate_series(1, 10) AS n ORDER BY n',
      [],
      3,
      async (rows) => {
        seen.push(...rows.map((r) => r.n));
        if (seen.length >= 6) throw new Error('the reader went away');
      },
    );

    await expect(reading).rejects.toThrow('the reader went away');
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await batchesOf(1, 1)).toEqual([[1]]);
  });
});
