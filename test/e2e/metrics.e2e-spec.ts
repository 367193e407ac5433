import request from 'supertest';
import { TestApi } from '../support/test-app';

describe('GET /metrics', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  it('exposes HTTP latency by route template (never by raw id) in Prometheus text format', async () => {
    await api.get('/api/v1/calls/00000000-0000-4000-8000-000000000000');
    const res = await request(api.server).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/calls\/:id",status="404"\} [1-9]/,
    );
    expect(res.text).not.toContain('00000000-0000-4000-8000-000000000000');
    expect(res.text).toContain('process_cpu_seconds_total');
  });
});
