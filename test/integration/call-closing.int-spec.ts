import { CallClosingScheduler } from '@app/calls/jobs';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { Test } from '@nestjs/testing';
import { INestApplicationContext } from '@nestjs/common';
import { createCall, createStaff } from '../support/fixtures';
import { TestApi } from '../support/test-app';

describe('closing calls at their deadline (worker)', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let db: DataSource;

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await (await Test.createTestingModule({ imports: [WorkerModule] }).compile()).init();
    db = api.app.get(DataSource);
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('closes open calls past their deadline once, audited without an actor, and leaves the others open', async () => {
    const secretariat = await createStaff(api, 'secretariat');
    const due = await createCall(api, secretariat.token);
    const notDue = await createCall(api, secretariat.token);
    await db.query(
      `UPDATE calls SET opens_at = now() - interval '2 hours', closes_at = now() - interval '1 minute' WHERE id = $1`,
      [due.id],
    );

    const scheduler = worker.get(CallClosingScheduler);
    await scheduler.closeDue();
    await scheduler.closeDue();

    const read = async (id: string) => (await api.get(`/api/v1/calls/${id}`, { token: secretariat.token })).body;
    expect((await read(due.id)).status).toBe('closed');
    expect((await read(notDue.id)).status).toBe('open');
    const trail = await api.get('/api/v1/audit-events', {
      token: secretariat.token,
      query: { entityType: 'call', entityId: due.id },
    });
    const closings = trail.body.items.filter((e: { action: string }) => e.action === 'call.closed');
    expect(closings).toHaveLength(1);
    expect(closings[0]).toMatchObject({ actorId: null, after: { status: 'closed', reason: 'deadline' } });
  });
});
