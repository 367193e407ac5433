import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import globalSetup from './global-setup';
import { WEB_BUILD } from './web-build';

const ROOT = join(__dirname, '..', '..');
const WEB = join(ROOT, 'apps', 'web');
const BUILT_INDEX = join(WEB_BUILD, 'index.html');

/** A fresh test database, as for the end-to-end suites; then a web build no older than its sources. */
export default async function browserGlobalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  await globalSetup(globalConfig);
  if (!existsSync(BUILT_INDEX) || newestChange(WEB) > statSync(BUILT_INDEX).mtimeMs) {
    execFileSync(
      join(ROOT, 'node_modules', '.bin', 'vite'),
      ['build', WEB, '--outDir', WEB_BUILD, '--emptyOutDir', '--logLevel', 'warn'],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
  }
}

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}
