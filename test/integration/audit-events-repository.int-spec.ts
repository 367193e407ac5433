import { randomUUID } from 'node:crypto';
import { AuditEntry } from '@app/audit';
import { AuditEventEntity } from '../../libs/audit/src/infrastructure/audit-event.entity';
import { AuditEventsRepository } from '../../libs/audit/src/infrastructure/audit-events.repository';
import { RepositoryDb, startRepositories } from '../support/repository-db';

describe('AuditEventsRepository on PostgreSQL', () => {
  let repo: RepositoryDb;
  let audit: AuditEventsRepository;
  let actorId: string;

  beforeAll(async () => {
    repo = await startRepositories([AuditEventsRepository], [AuditEventEntity]);
    audit = repo.get(AuditEventsRepository);
    actorId = await repo.seed.user({ role: 'secretariat' });
  });
  afterAll(() => repo.close());

  /** Entries of an entity type of the test's own, so that other suites' events never count. */
  const entries = (entityType: string, entityIds: string[]): AuditEntry[] =>
    entityIds.map((entityId, i) => ({
      actorId: i % 2 === 0 ? actorId : null,
      action: `thing.step${i}`,
      entityType,
      entityId,
      before: i === 0 ? null : { step: i - 1 },
      after: { step: i, nested: { list: [i, 'x'] } },
    }));

  it('stores each entry with its request id and answers it, oldest first, with the JSON it was given', async () => {
    const entityType = `repo-${randomUUID()}`;
    const entityId = randomUUID();
    const written = entries(entityType, [entityId, entityId, entityId]);
    await repo.transactions.run(async (tx) => {
      for (const entry of written) await audit.insert(tx, entry, 'request-42');
    });

    const page = await audit.find({ entityType, limit: 10, offset: 0 });

    expect(page.total).toBe(3);
    expect(page.items.map((e) => e.action)).toEqual(['thing.step0', 'thing.step1', 'thing.step2']);
    expect(page.items[0]).toMatchObject({ actorId, entityType, entityId, before: null, requestId: 'request-42' });
    expect(page.items[1]).toMatchObject({
      actorId: null,
      before: { step: 0 },
      after: { step: 1, nested: { list: [1, 'x'] } },
    });
    expect(page.items[0].occurredAt).toBeInstanceOf(Date);
    expect(page.items[0].occurredAt.getTime()).toBeLessThanOrEqual(page.items[2].occurredAt.getTime());
  });

  it('stores many entries in one statement with one request id, and nothing for none', async () => {
    const entityType = `repo-${randomUUID()}`;
    const written = entries(entityType, [randomUUID(), randomUUID(), randomUUID(), randomUUID()]);
    await repo.transactions.run(async (tx) => {
      await audit.insertMany(tx, [], 'request-empty');
      await audit.insertMany(tx, written, 'request-7');
    });

    const page = await audit.find({ entityType, limit: 10, offset: 0 });

    expect(page.total).toBe(4);
    const stored = page.items.map(({ actorId, action, entityId, before, after, requestId }) => ({
      actorId,
      action,
      entityType,
      entityId,
      before,
      after,
      requestId,
    }));
    expect(stored).toEqual(expect.arrayContaining(written.map((entry) => ({ ...entry, requestId: 'request-7' }))));
  });

  it('writes nothing when the transaction of the change rolls back', async () => {
    const entityType = `repo-${randomUUID()}`;
    await expect(
      repo.transactions.run(async (tx) => {
        await audit.insert(tx, entries(entityType, [randomUUID()])[0], null);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');

    expect(await audit.find({ entityType, limit: 10, offset: 0 })).toEqual({ items: [], total: 0 });
  });

  it('filters by entity type and id together, and pages with the total of every match', async () => {
    const entityType = `repo-${randomUUID()}`;
    const [one, other] = [randomUUID(), randomUUID()];
    await repo.transactions.run(async (tx) => {
      for (const entry of entries(entityType, [one, other, one, one, other])) await audit.insert(tx, entry, null);
    });

    const ofOne = await audit.find({ entityType, entityId: one, limit: 2, offset: 0 });
    expect(ofOne.total).toBe(3);
    expect(ofOne.items.map((e) => e.action)).toEqual(['thing.step0', 'thing.step2']);
    const rest = await audit.find({ entityType, entityId: one, limit: 2, offset: 2 });
    expect(rest).toMatchObject({ total: 3, items: [{ action: 'thing.step3' }] });
    expect(await audit.find({ entityType, entityId: one, limit: 2, offset: 3 })).toEqual({ items: [], total: 3 });
    // The same entity id under another type is another entity.
    expect((await audit.find({ entityType: `${entityType}-other`, entityId: one, limit: 5, offset: 0 })).total).toBe(0);
  });

  it('finds the events of several entities of several types at once (an application and its assignments)', async () => {
    const [application, assignment] = [`repo-${randomUUID()}`, `repo-${randomUUID()}`];
    const [mine, theirs, stranger] = [randomUUID(), randomUUID(), randomUUID()];
    await repo.transactions.run((tx) =>
      audit.insertMany(
        tx,
        [...entries(application, [mine]), ...entries(assignment, [theirs, stranger]), ...entries(assignment, [mine])],
        null,
      ),
    );

    const found = await audit.find({
      entityTypes: [application, assignment],
      entityIds: [mine, theirs],
      limit: 10,
      offset: 0,
    });
    expect(found.items.map((e) => [e.entityType, e.entityId])).toEqual([
      [application, mine],
      [assignment, theirs],
      [assignment, mine],
    ]);
    expect(found.total).toBe(3);
    expect((await audit.find({ entityTypes: [application], entityIds: [theirs], limit: 10, offset: 0 })).total).toBe(0);
  });

  it('keeps the trail append-only: the database refuses to change or delete an event', async () => {
    const entityType = `repo-${randomUUID()}`;
    await repo.transactions.run((tx) => audit.insert(tx, entries(entityType, [randomUUID()])[0], null));

    await expect(
      repo.db.query(`UPDATE audit_events SET action = 'forged' WHERE entity_type = $1`, [entityType]),
    ).rejects.toThrow();
    await expect(repo.db.query(`DELETE FROM audit_events WHERE entity_type = $1`, [entityType])).rejects.toThrow();
    expect((await audit.find({ entityType, limit: 5, offset: 0 })).items).toMatchObject([{ action: 'thing.step0' }]);
  });
});
