import { readFile } from 'node:fs/promises';
import request from 'supertest';
import { TestApi } from '../support/test-app';
import { WEB_API_TYPES_FILE, renderWebApiTypes } from '../support/web-api-types';

/**
 * The web app's API types are generated from the served OpenAPI document and committed: a change
 * of the HTTP contract fails here until they are regenerated (`npm run web:api-types`), and then
 * fails the web app's type check wherever it no longer fits, before any user meets it.
 */
describe('the web app API types', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  it('are those generated from the document the API serves', async () => {
    const served = await request(api.server).get('/docs-json');
    expect(served.status).toBe(200);
    const generated = renderWebApiTypes(served.body as object);
    const committed = await readFile(WEB_API_TYPES_FILE, 'utf8');
    if (generated !== committed) {
      throw new Error('apps/web/src/api/schema.d.ts is out of date: run `npm run web:api-types` and commit it');
    }
  });
});
