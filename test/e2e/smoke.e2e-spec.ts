import { TestApi } from '../support/test-app';

describe('smoke', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  it('is ready', async () => {
    const res = await api.get('/health/ready');
    expect(res.status).toBe(200);
  });
});
