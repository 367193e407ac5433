/**
 * Regenerates apps/web/src/api/schema.d.ts from the document the real API serves at /docs-json:
 * boots ApiModule in this process (it needs PostgreSQL and Redis, as at any start; DATABASE_URL
 * names the database, the development one by default), then writes the generated types.
 * Run it with `npm run web:api-types` after changing the HTTP contract.
 */
import { writeFile } from 'node:fs/promises';
import request from 'supertest';
import { TestApi } from '../test/support/test-app';
import { WEB_API_TYPES_FILE, renderWebApiTypes } from '../test/support/web-api-types';

async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'error';
  const api = await TestApi.start();
  try {
    const served = await request(api.server).get('/docs-json');
    if (served.status !== 200) throw new Error(`/docs-json answered ${served.status}`);
    await writeFile(WEB_API_TYPES_FILE, renderWebApiTypes(served.body as object));
    process.stdout.write(`wrote ${WEB_API_TYPES_FILE}\n`);
  } finally {
    await api.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
