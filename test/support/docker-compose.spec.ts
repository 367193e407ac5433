import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readEnv } from '@app/platform';
import { AccountLinksEnv } from '../../libs/platform/src/auth/account-links';
import { AuthEnv } from '../../libs/platform/src/auth/auth.config';
import { PlatformEnv } from '../../libs/platform/src/config/platform.config';
import { OutboxEnv } from '../../libs/platform/src/outbox/outbox.config';
import { StorageEnv } from '../../libs/platform/src/storage/storage.config';
import { IdentityEnv } from '../../libs/identity/src/identity.config';
import { NotificationsJobsEnv } from '../../libs/notifications/src/jobs/notifications-jobs.config';

/**
 * docker-compose.yml and the Dockerfile are not run here (no Docker on this machine or in CI): these
 * checks read them instead, so that a renamed setting, process or build output shows up in a test.
 */
const ROOT = join(__dirname, '..', '..');
const PLATFORM_SERVICES = ['migrate', 'api', 'worker'];

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string | null>;
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};

function sources(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return entry === 'node_modules' ? [] : sources(path);
    return /\.ts$/.test(entry) && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(entry) ? [path] : [];
  });
}

/** Every setting the code reads: the properties of each class that readEnv validates, in apps/ and libs/. */
function knownSettings(): Set<string> {
  const files = [...sources(join(ROOT, 'apps')), ...sources(join(ROOT, 'libs'))].map((path) => ({
    path,
    text: readFileSync(path, 'utf8'),
  }));
  const schemas = new Set(files.flatMap(({ text }) => [...text.matchAll(/readEnv\((\w+)/g)].map((m) => m[1])));
  const settings = new Set<string>();
  for (const { text } of files) {
    for (const [, name, body] of text.matchAll(/class (\w+) \{([\s\S]*?)\n\}/g)) {
      if (!schemas.has(name)) continue;
      for (const [, setting] of body.matchAll(/^ {2}([A-Z][A-Z0-9_]*)[?!]?\s*[:=]/gm)) settings.add(setting);
    }
  }
  return settings;
}

/** A service's environment as Compose would give it: `${X:-default}` its default, `${X:?…}` a sample, no value unset. */
function environmentOf(service: Service): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(service.environment ?? {})) {
    if (value === null) continue;
    env[name] = String(value)
      .replace(/\$\{\w+:-([^}]*)\}/g, '$1')
      .replace(/\$\{\w+:\?[^}]*\}/g, 'f'.repeat(64));
  }
  return env;
}

describe('docker-compose.yml and the Dockerfile', () => {
  it('runs PostgreSQL, Redis, the migrations once, the api and the worker', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'migrate', 'postgres', 'redis', 'worker']);
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    const started = (script: string) => scripts[script].split(' ');
    expect(compose.services.migrate.command).toEqual(started('migrate'));
    expect(compose.services.api.command).toEqual(started('start:api'));
    expect(compose.services.worker.command).toEqual(started('start:worker'));
    for (const name of PLATFORM_SERVICES) expect(compose.services[name].build).toBe('.');
    expect(compose.services.migrate.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    for (const name of ['api', 'worker']) {
      expect(compose.services[name].depends_on).toMatchObject({
        migrate: { condition: 'service_completed_successfully' },
        redis: { condition: 'service_healthy' },
      });
    }
  });

  it('starts Redis as BullMQ requires: append-only file, no eviction', () => {
    const command = compose.services.redis.command!.join(' ');
    expect(command).toContain('--appendonly yes');
    expect(command).toContain('--maxmemory-policy noeviction');
  });

  it('sets only settings the code reads, with values their validation accepts', () => {
    const known = knownSettings();
    // The scan finds the settings of several contexts, or it would pass on any name by finding none.
    for (const setting of [
      'DATABASE_URL',
      'JWT_SECRET',
      'BOOTSTRAP_ADMIN_EMAIL',
      'SMTP_URL',
      'S3_BUCKET',
      'SCORING_CONCURRENCY',
    ]) {
      expect(known).toContain(setting);
    }
    for (const name of PLATFORM_SERVICES) {
      const names = Object.keys(compose.services[name].environment ?? {});
      expect(names.filter((setting) => !known.has(setting))).toEqual([]);
      const env = environmentOf(compose.services[name]);
      for (const schema of [
        PlatformEnv,
        AuthEnv,
        AccountLinksEnv,
        OutboxEnv,
        StorageEnv,
        IdentityEnv,
        NotificationsJobsEnv,
      ]) {
        expect(() => readEnv(schema as new () => object, env)).not.toThrow();
      }
      expect(env.NODE_ENV).toBe('production');
    }
  });

  it('builds the image in stages from node:20 with npm ci and npm run build', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const stages = dockerfile.match(/^FROM node:20\S*/gm) ?? [];
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);
    expect(dockerfile).toMatch(/^RUN npm run build\b/m);
    // What it copies from the repository exists.
    const copied = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1].split(' '));
    expect(copied).toContain('scripts/backup.sh');
    for (const path of copied) expect(existsSync(join(ROOT, path))).toBe(true);
  });
});
