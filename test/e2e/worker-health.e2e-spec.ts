import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { WorkerModule } from '../../apps/worker/src/worker.module';

describe('worker process', () => {
  let worker: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    worker = moduleRef.createNestApplication({ bufferLogs: true });
    await worker.init();
  });

  afterAll(() => worker.close());

  it('reports PostgreSQL and Redis as up on /health/ready', async () => {
    const res = await request(worker.getHttpServer()).get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('serves no API routes', async () => {
    const res = await request(worker.getHttpServer()).get('/api/v1/calls');
    expect(res.status).toBe(404);
  });
});
