import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** The web app's API types, generated from the served OpenAPI document and committed. */
export const WEB_API_TYPES_FILE = join(ROOT, 'apps', 'web', 'src', 'api', 'schema.d.ts');

/** The TypeScript declarations of an OpenAPI document, as scripts/openapi-to-types.mjs writes them. */
export function renderWebApiTypes(document: object): string {
  return execFileSync(process.execPath, [join(ROOT, 'scripts', 'openapi-to-types.mjs'), WEB_API_TYPES_FILE], {
    input: JSON.stringify(document),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}
