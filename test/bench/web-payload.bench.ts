/**
 * What a first visit to the home page costs: the production build of the web app (built afresh
 * into a folder of its own), served by the real API on a database and a redis-server of the
 * bench's own, with three open calls; Debian's Chromium loads the page cold (an empty cache) RUNS
 * times in each language of the interface. Beside it, in the same run, the floor: the same page as
 * it rendered (its HTML and the styles it uses, no script) sent brotli-compressed by a bare
 * node:http server.
 * It prints the bytes transferred (headers included), the decoded bytes, the first and largest
 * contentful paints of both (medians) and the ratios, and each request of one visit. Goal: under
 * 150 kB and a first paint under 300 ms. Nothing is asserted.
 *
 * BENCH_DATABASE_URL (by default accelerator_web_bench, dropped and migrated afresh), BENCH_RUNS.
 *
 *   npm run bench:web
 */
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { LANGUAGES } from '../../apps/web/src/i18n/languages';
import { launchBrowser } from '../support/browser';
import { secretariatOf } from '../support/evaluation-fixtures';
import { createCall } from '../support/fixtures';
import { RedisServer, freePort } from '../support/redis-server';
import { TestApi } from '../support/test-app';
import { freshDatabase } from './bench-database';
import { coldVisit, type Visit } from './web-visit';

const ROOT = join(__dirname, '..', '..');
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/accelerator_web_bench';
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const GOAL_BYTES = 150 * 1024;
const GOAL_PAINT_MS = 300;
/** The home page has shown its calls. */
const READY = 'main article';

function environment(redisUrl: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL,
    REDIS_URL: redisUrl,
    LOG_LEVEL: 'warn',
    JWT_SECRET: 'web-payload-bench-secret',
    BOOTSTRAP_ADMIN_EMAIL: 'admin@test.example',
    BOOTSTRAP_ADMIN_PASSWORD: 'admin-password-123',
    PASSWORD_HASH_MEMORY_KIB: '1024',
    TRUST_PROXY: 'loopback',
  };
}

function buildWebApp(): string {
  const out = mkdtempSync(join(tmpdir(), 'web-bench-'));
  const vite = join(ROOT, 'node_modules', '.bin', 'vite');
  execFileSync(vite, ['build', join(ROOT, 'apps', 'web'), '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  return out;
}

/** Three open calls as the secretariat publishes them: what the home page lists. */
async function openCalls(api: TestApi): Promise<void> {
  const { token } = await secretariatOf(api);
  for (const [index, title] of ['Digital development', 'Climate technology', 'Health innovation'].entries()) {
    await createCall(api, token, {
      title: `Accelerator centres for ${title.toLowerCase()} 2027`,
      description: `The alliance invites accelerator centres working on ${title.toLowerCase()} to join its network.`,
      closesAt: new Date(Date.now() + (index + 2) * 86_400_000).toISOString(),
      criteria: [
        { code: 'IMPACT', title: 'Impact on the ecosystem', weight: 5 },
        { code: 'CAPACITY', title: 'Capacity to deliver', weight: 3 },
        { code: 'NETWORK', title: 'Partnerships', weight: 2 },
      ],
    });
  }
}

/**
 * The floor: the page as the app rendered it, scripts removed and its style sheets inlined, one
 * brotli-compressed document from a bare server (what a hand-written static page would cost).
 */
async function floorServer(browser: Browser, baseUrl: string, build: string, locale: string): Promise<Server> {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await page.goto(baseUrl, { waitUntil: 'networkidle' });
  await page.locator(READY).first().waitFor();
  const html = (await page.content())
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link\b[^>]*rel="modulepreload"[^>]*>/g, '')
    .replace(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g, (_, href: string) => {
      return `<style>${readFileSync(join(build, href), 'utf8')}</style>`;
    });
  await context.close();
  const body = brotliCompressSync(Buffer.from(html));
  const server = createServer((_, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': 'br' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** The median of the values measured (a paint not seen is NaN, and left out). */
function median(values: number[]): number {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function summary(visits: Visit[]) {
  return {
    'transferred (kB)': Number((median(visits.map((v) => v.transferred)) / 1024).toFixed(1)),
    'decoded (kB)': Number((median(visits.map((v) => v.decoded)) / 1024).toFixed(1)),
    requests: median(visits.map((v) => v.requests.length)),
    'first contentful paint (ms)': Math.round(median(visits.map((v) => v.firstContentfulPaint))),
    'largest contentful paint (ms)': Math.round(median(visits.map((v) => v.largestContentfulPaint))),
  };
}

function ratio(project: ReturnType<typeof summary>, floor: ReturnType<typeof summary>) {
  return Object.fromEntries(
    Object.entries(project).map(([key, value]) => [key, Number((value / floor[key as keyof typeof floor]).toFixed(2))]),
  );
}

async function main(): Promise<void> {
  const load = loadavg()[0].toFixed(2);
  const build = buildWebApp();
  await freshDatabase(DATABASE_URL);
  const redis = await RedisServer.start();
  Object.assign(process.env, environment(redis.url));
  const api = await TestApi.start({ webRoot: build });
  const browser = await launchBrowser();
  const floors: Server[] = [];
  try {
    const baseUrl = await api.listen(await freePort());
    await openCalls(api);
    const table: Record<string, Record<string, number>> = {};
    let verdict = '';
    // Each language's code is the browser's locale, hence its Accept-Language, which picks the shell's language.
    for (const { code: language } of LANGUAGES) {
      const floor = await floorServer(browser, baseUrl, build, language);
      floors.push(floor);
      const address = floor.address();
      const floorUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
      const projectVisits: Visit[] = [];
      const floorVisits: Visit[] = [];
      // Alternated, so that both see the same state of the machine.
      for (let run = 0; run < RUNS; run++) {
        projectVisits.push(await coldVisit(browser, `${baseUrl}/`, READY, language));
        floorVisits.push(await coldVisit(browser, floorUrl, READY, language));
      }
      const project = summary(projectVisits);
      const bare = summary(floorVisits);
      table[`home (${language})`] = project;
      table[`floor (${language})`] = bare;
      table[`ratio (${language})`] = ratio(project, bare);
      if (language === 'en') {
        console.log('one visit of the home page (en), bytes transferred per request:');
        for (const { path, transferred } of projectVisits[0].requests) console.log(`  ${transferred}\t${path}`);
      }
      const bytesMet = project['transferred (kB)'] * 1024 < GOAL_BYTES;
      const paintMet = project['first contentful paint (ms)'] < GOAL_PAINT_MS;
      verdict += `${language}: under 150 kB ${bytesMet ? 'met' : 'not met'}, first paint under 300 ms ${paintMet ? 'met' : 'not met'}; `;
    }
    console.table(table);
    console.log(
      `${verdict}${RUNS} cold visits each; load average (1 min) before / after: ${load} / ${loadavg()[0].toFixed(2)}`,
    );
  } finally {
    for (const floor of floors) floor.close();
    await browser.close();
    await api.close();
    await redis.stop();
    rmSync(build, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
