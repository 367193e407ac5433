import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { Command, CommandRunner, Option } from 'nest-commander';
import { createDatabaseIfMissing, migrate } from '@app/migrations';
import { ApiClient } from './api-client';
import { centreEmail, DEMO_CENTRES } from './demo-data';
import { DEMO_PANEL } from './demo-panel';
import { awaitDeliveries } from './deliveries';
import { DEMO_PASSWORD, SECRETARIAT_EMAIL, playIntakeRound } from './intake-round';
import { MailCatcher } from './mail-catcher';
import { compareNormalisations, formatCalibration } from './calibration-report';
import { formatRanking } from './ranking-report';
import { playReviewRound } from './review-round';
import { playInterviewRound } from './interview-round';
import { playModerationRound } from './moderation-round';
import { playScoringRound, rankedStage } from './scoring-round';
import { playShortlistRound } from './shortlist-round';
import { formatInterview, formatModeration, formatShortlist } from './stages-summary';
import { playSelectionRound } from './selection-round';
import { formatAmendments, playAmendmentRound } from './amendment-round';
import { emailLines, formatSelection } from './selection-summary';
import { formatSpeakingTime, playSpeakingTimeRound } from './speaking-time-round';
import { ServiceProcess } from './service-process';
import { formatIntakeSummary, formatReviewSummary } from './summary';
import { demoRedis } from './demo-redis';

interface DemoOptions {
  serve?: boolean;
  kind: 'selection' | 'registration';
  seed: number;
  port: number;
  deadline: number;
}

/** Where e-mails go: the SMTP server the user named, or a catcher inside this process. */
interface MailRoute {
  smtpUrl: string;
  via: string;
  catcher?: MailCatcher;
}

const DEMO_ADMIN = { email: 'admin@demo.example', password: 'demo-admin-password' };
const ARTIFACTS = resolve('artifacts', 'demo');

/**
 * The README's first command: a whole selection round in two review stages (intake, written
 * assessment, scoring, moderation, shortlist, panel interview, selection, publication, e-mails,
 * annexes) played through the real HTTP API and worker, built as in
 * production, on a database of its own. Every input is a function of the seed.
 */
@Command({ name: 'demo', description: 'Play a selection round through the real HTTP API on a fresh demo database' })
export class DemoCommand extends CommandRunner {
  async run(_args: string[], options: DemoOptions): Promise<void> {
    const databaseUrl = process.env.DEMO_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/accelerator_demo';
    await resetDatabase(databaseUrl);
    await rm(join(ARTIFACTS, 'mail'), { recursive: true, force: true });
    const mail = await mailRoute();
    try {
      await runServices(serviceEnv(databaseUrl, options.port, mail.smtpUrl), options, mail);
    } finally {
      await mail.catcher?.close();
    }
  }

  @Option({ flags: '--serve', description: 'keep the API and the worker running afterwards' })
  parseServe(): boolean {
    return true;
  }

  /** `registration` plays a speaking-time round (replies, allocation of session slots) instead of a selection. */
  @Option({
    flags: '--kind <kind>',
    description: 'selection (default) or registration',
    defaultValue: 'selection',
  })
  parseKind(value: string): DemoOptions['kind'] {
    if (value !== 'selection' && value !== 'registration') throw new Error('--kind must be selection or registration');
    return value;
  }

  /** The default seed's round shows every kind of decision: a country cap, reserved seats, moderation flags. */
  @Option({ flags: '--seed <n>', description: 'seed of the round (default 9)', defaultValue: 9 })
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

  /**
   * The 44 centres submit one after another inside this window: on this 2-core machine that took
   * 5 to 12 seconds depending on what else ran, so 10 was too tight to count on.
   */
  @Option({
    flags: '--deadline <seconds>',
    description: 'seconds from opening to the deadline (default 20)',
    defaultValue: 20,
  })
  parseDeadline(value: string): number {
    return positiveInteger(value, '--deadline');
  }
}

/** Starts the API and the worker from the build, plays the round, and with --serve keeps them up. */
async function runServices(env: Record<string, string>, options: DemoOptions, mail: MailRoute): Promise<void> {
  const logs = join(ARTIFACTS, 'logs');
  const api = await ServiceProcess.start('api', env, options.port, join(logs, 'api.log'));
  const worker = await ServiceProcess.start('worker', env, options.port + 1, join(logs, 'worker.log')).catch(
    async (error: unknown) => {
      await api.stop();
      throw error;
    },
  );
  try {
    process.stderr.write(`Demo round (seed ${options.seed}) against ${api.baseUrl}; e-mails ${mail.via}\n`);
    process.stderr.write(`Warnings and errors of the API and the worker: ${logs}/{api,worker}.log\n`);
    process.stdout.write(`${await playRound(new ApiClient(api.baseUrl), options, mail)}\n`);
    if (options.serve) {
      process.stdout.write(`${servingNotice(api.baseUrl)}\n`);
      await Promise.race([api.exited(), worker.exited(), interrupted()]);
    }
  } catch (error) {
    // Said at once: stopping the processes may take a while.
    process.stderr.write(`The demo round failed; stopping the API and the worker: ${String(error)}\n`);
    throw error;
  } finally {
    await Promise.all([api.stop(), worker.stop()]);
  }
}

/** The round, phase by phase; the report is printed at the end, once everything has happened. */
async function playRound(client: ApiClient, options: DemoOptions, mail: MailRoute): Promise<string> {
  const { seed } = options;
  if (options.kind === 'registration') {
    const round = await playSpeakingTimeRound(client, DEMO_ADMIN, seed);
    const secretariat = await client.login(SECRETARIAT_EMAIL, DEMO_PASSWORD);
    const emails = await awaitDeliveries(client, secretariat, mail.catcher, join(ARTIFACTS, 'mail'), mail.via);
    return [`Registration round of the demo, seed ${seed}`, formatSpeakingTime(round), ...emailLines(emails)].join(
      '\n',
    );
  }
  const intake = await playIntakeRound(client, DEMO_ADMIN, seed, options.deadline);
  const { secretariat, callId } = intake;
  const review = await playReviewRound(client, intake, seed);
  const scoring = await playScoringRound(client, secretariat, callId);
  const calibration = await compareNormalisations(client, secretariat, callId, scoring.ranking, review.panel, seed);
  const moderation = await playModerationRound(client, secretariat, callId, review, scoring.ranking, seed);
  const shortlist = await playShortlistRound(client, secretariat, callId, seed);
  const interview = await playInterviewRound(client, secretariat, callId, review.panel, seed);
  const interviewRanking = await rankedStage(client, secretariat, callId, 2);
  const selection = await playSelectionRound(client, secretariat, callId, seed, ARTIFACTS);
  const emails = await awaitDeliveries(client, secretariat, mail.catcher, join(ARTIFACTS, 'mail'), mail.via);
  // After the publication's e-mails are counted: the decline and the promotion send their own.
  const amendments = await playAmendmentRound(client, secretariat, selection);
  return [
    `Selection round of the demo, seed ${seed}`,
    formatIntakeSummary(intake),
    formatReviewSummary(review),
    formatRanking(scoring, review.reviewers),
    formatCalibration(calibration),
    formatModeration(moderation),
    formatShortlist(shortlist, moderation.after),
    formatInterview(interview, interviewRanking, moderation.after, selection.proposal),
    formatSelection(selection, emails, client.baseUrl),
    formatAmendments(amendments),
  ].join('\n');
}

async function mailRoute(): Promise<MailRoute> {
  const given = process.env.SMTP_URL;
  if (given) return { smtpUrl: given, via: `through the SMTP server in SMTP_URL (${redacted(given)})` };
  const catcher = await MailCatcher.start();
  return { smtpUrl: catcher.url, via: 'to a local SMTP catcher in the demo process (no SMTP_URL given)', catcher };
}

function serviceEnv(databaseUrl: string, port: number, smtpUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    ...demoRedis(process.env),
    BOOTSTRAP_ADMIN_EMAIL: DEMO_ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: DEMO_ADMIN.password,
    SMTP_URL: smtpUrl,
    // The links in the outcome e-mails point at this API.
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
    // The scripted centres submit as soon as they register, without opening their e-mails.
    APPLICANT_EMAIL_VERIFICATION: 'off',
  };
}

function servingNotice(baseUrl: string): string {
  const evaluator = DEMO_PANEL.find((e) => e.temper === 'lenient') ?? DEMO_PANEL[0];
  const accounts = [
    ['admin', DEMO_ADMIN.email, DEMO_ADMIN.password],
    ['secretariat', SECRETARIAT_EMAIL, DEMO_PASSWORD],
    ['evaluator', evaluator.email, DEMO_PASSWORD],
    ['applicant', centreEmail(DEMO_CENTRES[0]), DEMO_PASSWORD],
  ];
  const width = Math.max(...accounts.map(([, email]) => email.length));
  return [
    '',
    `Web application: ${baseUrl}/ (in Arabic, Chinese, English, French, Russian and Spanish; the published cohort at ${baseUrl}/cohorts).`,
    `API: ${baseUrl}/api/v1 (OpenAPI UI at ${baseUrl}/docs; queue dashboard at ${baseUrl}/queues). Ctrl-C to stop.`,
    'Demo accounts (sign in on the web application, or POST /api/v1/auth/login):',
    ...accounts.map(([role, email, password]) => `  ${role.padEnd(12)} ${email.padEnd(width)}  ${password}`),
  ].join('\n');
}

/** Ctrl-C (or a SIGTERM) ends --serve through the finally block, which stops both processes. */
function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** The demo owns its database: every run starts from an empty, freshly migrated schema. */
async function resetDatabase(url: string): Promise<void> {
  await createDatabaseIfMissing(url);
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
