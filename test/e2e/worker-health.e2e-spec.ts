import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { ProblemDetailsFilter } from '@app/platform';
import { WorkerModule } from '../../apps/worker/src/worker.module';

async function startWorker(): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
  const worker = moduleRef.createNestApplication({ bufferLogs: true });
  worker.useGlobalFilters(new ProblemDetailsFilter());
  await worker.init();
  return worker;
}

describe('worker process', () => {
  let worker: INestApplication;

  beforeAll(async () => {
    worker = await startWorker();
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

describe('worker process without Redis', () => {
  const redisUrl = process.env.REDIS_URL;
  let worker: INestApplication;

  beforeAll(async () => {
    // Nothing listens on port 1: the connection is refused at once.
    process.env.REDIS_URL = 'redis://127.0.0.1:1';
    worker = await startWorker();
  });

  afterAll(async () => {
    await worker.close();
    if (redisUrl === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = redisUrl;
  });

  it('is alive but not ready, and says that Redis is down', async () => {
    expect((await request(worker.getHttpServer()).get('/health/live')).status).toBe(200);
    const res = await request(worker.getHttpServer()).get('/health/ready');
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(res.body.detail).toMatch(/^Not ready: redis down/);
    // Said in the reader's language; what the check says of Redis is its own.
    const french = await request(worker.getHttpServer()).get('/health/ready').set('Accept-Language', 'fr');
    expect(french.body.detail).toMatch(/^Pas prêt : redis down/);
  });
});
