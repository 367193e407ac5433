import { randomUUID } from 'node:crypto';
import {
  AssignmentEntity,
  ConflictEntity,
  CriterionScoreEntity,
  PanelMemberEntity,
} from '../../libs/evaluation/src/infrastructure/evaluation.entities';
import { ConflictsRepository, PanelRepository } from '../../libs/evaluation/src/infrastructure/panel.repository';
import { RepositoryDb, startRepositories } from '../support/repository-db';

const EVALUATION_ENTITIES = [PanelMemberEntity, ConflictEntity, AssignmentEntity, CriterionScoreEntity];

describe('PanelRepository and ConflictsRepository on PostgreSQL', () => {
  let repo: RepositoryDb;
  let panel: PanelRepository;
  let conflicts: ConflictsRepository;
  let secretariat: string;

  beforeAll(async () => {
    repo = await startRepositories([PanelRepository, ConflictsRepository], EVALUATION_ENTITIES);
    panel = repo.get(PanelRepository);
    conflicts = repo.get(ConflictsRepository);
    secretariat = await repo.seed.user({ role: 'secretariat' });
  });
  afterAll(() => repo.close());

  const evaluators = (count: number) =>
    Promise.all(Array.from({ length: count }, () => repo.seed.user({ role: 'evaluator' })));

  describe('panel', () => {
    it('adds members, keeping those already on the panel as they were, listed by arrival then id', async () => {
      const callId = await repo.seed.call({ status: 'closed' });
      const [a, b, c] = await evaluators(3);
      await repo.transactions.run((tx) => panel.add(tx, callId, [b, a]));
      const before = await panel.members(callId);

      await repo.transactions.run((tx) => panel.add(tx, callId, [c, a]));

      const members = await panel.members(callId);
      expect(members.map((m) => m.evaluatorId)).toEqual([...[a, b].sort(), c]);
      expect(members.find((m) => m.evaluatorId === a)?.addedAt).toEqual(
        before.find((m) => m.evaluatorId === a)?.addedAt,
      );
      expect(members.every((m) => m.callId === callId)).toBe(true);
    });

    it('adds one member, and answers an empty panel for a call without members', async () => {
      const callId = await repo.seed.call({ status: 'closed' });
      const [a] = await evaluators(1);
      expect(await panel.members(callId)).toEqual([]);

      await repo.transactions.run((tx) => panel.add(tx, callId, [a]));

      expect(await panel.members(callId)).toEqual([{ callId, evaluatorId: a, addedAt: expect.any(Date) }]);
    });

    it('tells members from others, per call', async () => {
      const [callId, otherCall] = [
        await repo.seed.call({ status: 'closed' }),
        await repo.seed.call({ status: 'closed' }),
      ];
      const [a, b] = await evaluators(2);
      await repo.transactions.run((tx) => panel.add(tx, callId, [a]));

      expect(await panel.isMember(callId, a)).toBe(true);
      expect(await panel.isMember(callId, b)).toBe(false);
      expect(await panel.isMember(otherCall, a)).toBe(false);
    });

    it('removes a member once and answers whether there was one to remove', async () => {
      const callId = await repo.seed.call({ status: 'closed' });
      const [a, b] = await evaluators(2);
      await repo.transactions.run((tx) => panel.add(tx, callId, [a, b]));
      const remove = (id: string) => repo.transactions.run((tx) => panel.remove(tx, callId, id));

      expect(await remove(a)).toBe(true);
      expect(await remove(a)).toBe(false);
      expect((await panel.members(callId)).map((m) => m.evaluatorId)).toEqual([b]);
    });

    it('refuses a member who is not a user, and any change once the call is published', async () => {
      const callId = await repo.seed.call({ status: 'reviewing' });
      const [a, b] = await evaluators(2);
      await expect(repo.transactions.run((tx) => panel.add(tx, callId, [randomUUID()]))).rejects.toThrow();
      await repo.transactions.run((tx) => panel.add(tx, callId, [a]));
      await repo.seed.callStatus(callId, 'published');

      await expect(repo.transactions.run((tx) => panel.add(tx, callId, [b]))).rejects.toThrow(/published/);
      await expect(repo.transactions.run((tx) => panel.remove(tx, callId, a))).rejects.toThrow(/published/);
      expect(await panel.isMember(callId, a)).toBe(true);
    });
  });

  describe('conflicts', () => {
    const declare = (callId: string, evaluatorId: string, applicationId: string, reason = 'former employee') =>
      repo.transactions.run((tx) =>
        conflicts.declare(tx, { callId, evaluatorId, applicationId, reason, declaredBy: secretariat }),
      );

    it('records a declared conflict and answers it; declaring it again keeps the first', async () => {
      const callId = await repo.seed.call({ status: 'closed' });
      const applicationId = await repo.seed.application(callId);
      const [evaluator] = await evaluators(1);

      const first = await declare(callId, evaluator, applicationId, 'board member');
      const again = await declare(callId, evaluator, applicationId, 'another reason');

      expect(first).toEqual({
        id: expect.any(String),
        callId,
        evaluatorId: evaluator,
        applicationId,
        reason: 'board member',
        source: 'declared',
        declaredBy: secretariat,
        createdAt: expect.any(Date),
      });
      expect(again).toEqual(first);
      expect(await conflicts.forCall(callId)).toEqual([first]);
    });

    it('keeps one conflict when the same one is declared concurrently', async () => {
      const callId = await repo.seed.call({ status: 'closed' });
      const applicationId = await repo.seed.application(callId);
      const [evaluator] = await evaluators(1);

      const declared = await Promise.all([1, 2, 3, 4].map((i) => declare(callId, evaluator, applicationId, `r${i}`)));

      expect(new Set(declared.map((c) => c.id)).size).toBe(1);
      expect(await conflicts.forCall(callId)).toHaveLength(1);
    });

    it('tells whether an evaluator has a conflict with an application', async () => {
      const callId = await repo.seed.call({ status: 'closed' });
      const [applicationId, other] = [await repo.seed.application(callId), await repo.seed.application(callId)];
      const [evaluator, colleague] = await evaluators(2);
      await declare(callId, evaluator, applicationId);

      expect(await conflicts.exists(evaluator, applicationId)).toBe(true);
      expect(await conflicts.exists(evaluator, other)).toBe(false);
      expect(await conflicts.exists(colleague, applicationId)).toBe(false);
    });

    it('finds which of several applications an evaluator has declared a conflict with, in one statement', async () => {
      const callId = await repo.seed.call({ status: 'closed' });
      const [first, second, third] = await Promise.all([1, 2, 3].map(() => repo.seed.application(callId)));
      const [evaluator, colleague] = await evaluators(2);
      await declare(callId, evaluator, first);
      await declare(callId, evaluator, third);
      await declare(callId, colleague, second);

      const among = (ids: string[]) => repo.transactions.run((tx) => conflicts.declaredAmong(evaluator, ids, tx));
      expect(await among([first, second])).toEqual(new Set([first]));
      expect(await among([first, second, third])).toEqual(new Set([first, third]));
      expect(await among([])).toEqual(new Set());
    });

    it('lists and pages a call’s conflicts oldest first, with the total, and none of another call', async () => {
      const [callId, otherCall] = [
        await repo.seed.call({ status: 'closed' }),
        await repo.seed.call({ status: 'closed' }),
      ];
      const applications = await Promise.all([1, 2, 3].map(() => repo.seed.application(callId)));
      const [evaluator] = await evaluators(1);
      for (const applicationId of applications) await declare(callId, evaluator, applicationId);
      await declare(otherCall, evaluator, await repo.seed.application(otherCall));

      const all = await conflicts.forCall(callId);
      expect(all.map((c) => c.applicationId)).toEqual(applications);
      expect(await conflicts.pageForCall(callId, { limit: 2, offset: 0 })).toEqual({
        items: all.slice(0, 2),
        total: 3,
      });
      expect(await conflicts.pageForCall(callId, { limit: 2, offset: 2 })).toEqual({ items: all.slice(2), total: 3 });
      expect(await conflicts.pageForCall(callId, { limit: 2, offset: 3 })).toEqual({ items: [], total: 3 });
      expect(await conflicts.forCall(randomUUID())).toEqual([]);
    });
  });
});
