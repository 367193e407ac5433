import { Client } from 'pg';
import { Command, CommandRunner, Option } from 'nest-commander';
import { migrate } from '@app/migrations';
import { ApiClient } from './api-client';
import { ServiceProcess } from './service-process';
import { awaitRanking, formatRanking } from './ranking-report';
import { playIntakeRound } from './intake-round';
import { playReviewRound } from './review-round';
import { formatIntakeSummary, formatReviewSummary } from './summary';

interface DemoOptions {
  serve: boolean;
  seed: number;
  port: number;
  deadline: number;
}

const DEMO_ADMIN = { email: 'admin@demo.example', password: 'demo-admin-password' };

@Command({ name: 'demo', description: 'Play a selection round through the real HTTP API on a fresh demo database' })
export class DemoCommand extends CommandRunner {
  async run(_args: string[], options: DemoOptions): Promise<void> {
    const databaseUrl = process.env.DEMO_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/accelerator_demo';
    await resetDatabase(databaseUrl);
    const env = {
      DATABASE_URL: databaseUrl,
      BOOTSTRAP_ADMIN_EMAIL: DEMO_ADMIN.email,
      BOOTSTRAP_ADMIN_PASSWORD: DEMO_ADMIN.password,
      LOG_LEVEL: 'warn',
    };
    const api = await ServiceProcess.start('api', env, options.port);
    const worker = await ServiceProcess.start('worker', env, options.port + 1).catch(async (error: unknown) => {
      await api.stop();
      throw error;
    });
    try {
      process.stdout.write(`Demo round (seed ${options.seed}) against ${api.baseUrl}\n`);
      const client = new ApiClient(api.baseUrl);
      const intake = await playIntakeRound(client, DEMO_ADMIN, options.seed, options.deadline);
      process.stdout.write(`${formatIntakeSummary(intake, api.baseUrl)}\n`);
      const review = await playReviewRound(client, intake.secretariat, intake.callId, options.seed);
      process.stdout.write(`${formatReviewSummary(review)}\n`);
      process.stdout.write(`${formatRanking(await awaitRanking(client, intake.secretariat, intake.callId))}\n`);
      if (options.serve) {
        process.stdout.write(
          `\nServing at ${api.baseUrl} (admin ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}); Ctrl-C to stop.\n`,
        );
        await api.exited();
      }
    } finally {
      await Promise.all([api.stop(), worker.stop()]);
    }
  }

  @Option({ flags: '--serve', description: 'keep the API running afterwards' })
  parseServe(): boolean {
    return true;
  }

  @Option({ flags: '--seed <n>', description: 'seed of the round (default 2026)', defaultValue: 2026 })
  parseSeed(value: string): number {
    return positiveInteger(value, '--seed');
  }

  @Option({
    flags: '--port <n>',
    description: 'port of the API (default 3100; the worker takes the next)',
    defaultValue: 3100,
  })
  parsePort(value: string): number {
    return positiveInteger(value, '--port');
  }

  @Option({ flags: '--deadline <seconds>', description: 'seconds from opening to the deadline', defaultValue: 10 })
  parseDeadline(value: string): number {
    return positiveInteger(value, '--deadline');
  }
}

/** The demo owns its database: every run starts from an empty, freshly migrated schema. */
async function resetDatabase(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
  } finally {
    await client.end();
  }
  await migrate(url);
}

function positiveInteger(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} must be a positive integer`);
  return n;
}
