import { workerDatabaseUrl } from './run-database';

/**
 * Environment of the end-to-end suites: the run's database copy and a Redis database of their jest
 * worker's own (suites of other workers run at the same time), quiet logs.
 */
const workerId = Number(process.env.JEST_WORKER_ID ?? 1);
export const TEST_DATABASE_URL = process.env.TEST_RUN_DATABASE_URL
  ? workerDatabaseUrl(process.env.TEST_RUN_DATABASE_URL, workerId)
  : (process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/accelerator_test');
const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
// Logical databases 1–11 (the demo uses 12): a worker's queues, rate-limit counters and locks are its own,
// also against the workers of a run beside this one (scripts/test.sh runs two, slots 0 and 1).
const runSlot = Number(process.env.TEST_RUN_SLOT ?? 0);
redisUrl.pathname = `/${((runSlot * 4 + workerId - 1) % 11) + 1}`;

process.env.NODE_ENV = 'test';
process.env.DATABASE_URL = TEST_DATABASE_URL;
process.env.REDIS_URL = redisUrl.toString();
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
process.env.BOOTSTRAP_ADMIN_EMAIL = 'admin@test.example';
process.env.BOOTSTRAP_ADMIN_PASSWORD = 'admin-password-123';
process.env.JWT_SECRET = 'test-secret-of-the-e2e-suites';
// Every suite signs in as the bootstrap admin from 127.0.0.1, and the login counters live in the shared
// Redis: at the production limit (10 a minute per address and e-mail) parallel suites would lock each
// other out. login-rate-limit.e2e-spec.ts sets the production value back for its own app.
process.env.LOGIN_RATE_LIMIT = '1000';
process.env.LOGIN_CLIENT_RATE_LIMIT = '100000';
// The suites stand for many clients behind a proxy on loopback: each presents its own X-Forwarded-For
// (sign-in-abuse.e2e-spec.ts checks the default, no proxy trusted).
process.env.TRUST_PROXY = 'loopback';
// Dozens of suites publish a cohort; few read its nineteen documents, which each renders on its first
// request. cohort-annexes.e2e-spec.ts checks the worker's rendering at publication, the production default.
process.env.COHORT_DOCUMENTS_AT_PUBLICATION = 'false';
// Suites send dozens of requests at once to an API of 10 connections, on two cores shared with the other
// suites and Chromium: the production wait for a connection (3 s) would answer some of them 503 there.
// outage-postgres.e2e-spec.ts checks that wait with its own, shorter setting.
process.env.DB_CONNECT_TIMEOUT_MS = '30000';
// For the same reason a Redis command's reply may wait on a busy event loop past the production 2 s
// (the queue dashboard sends dozens at once); outage-redis.e2e-spec.ts checks a short one.
process.env.REDIS_COMMAND_TIMEOUT_MS = '15000';
// Suites create users many at a time; sign-in-abuse.e2e-spec.ts checks the production ceiling.
process.env.PASSWORD_HASH_QUEUE_LIMIT = '100000';
// Hundreds of users are created: argon2id at 1 MiB instead of 64 MiB (production refuses below 19 MiB).
process.env.PASSWORD_HASH_MEMORY_KIB = '1024';
// Suites register applicants and submit at once: addresses are taken as they are, except in
// email-verification.e2e-spec.ts, which requires their confirmation for its own app.
process.env.APPLICANT_EMAIL_VERIFICATION = 'off';
// Every test user, applicant or evaluator, has an address at test.example: a domain shared by
// unrelated people, like a public mail provider, never taken as an organisation's.
process.env.SHARED_EMAIL_DOMAINS = 'test.example';

// Jest reads `testTimeout` only from the global config, not from a project's; without this, end-to-end
// hooks and tests time out after 5 s. Two cores run these beside the browser suites: a suite's start (an
// API, a worker, a Redis of its own) took over a minute when the machine was busiest. The global setup
// imports this file too, where no `jest` object exists. A set-up that plays a round (dozens of users, a
// scoring run, a publication) took over two minutes at the busiest.
if (typeof jest !== 'undefined') jest.setTimeout(300_000);

// Worker contexts started by the suites must not close other suites' calls behind their backs;
// call-closing.int-spec.ts drives the scheduler by hand.
process.env.CALL_CLOSING_INTERVAL_MS = '86400000';
// Nor remind their evaluators and applicants: reminders.e2e-spec.ts runs the reminders' schedulers fast.
process.env.EVALUATION_REMINDERS_INTERVAL_MS = '86400000';
process.env.DRAFT_REMINDERS_INTERVAL_MS = '86400000';
process.env.AGREEMENT_REMINDER_INTERVAL_MS = '86400000';

// What a worker does with a notification's e-mail depends on its SMTP_URL: a suite's worker without
// one would record another suite's e-mails as not sent. Only suites that wait for e-mails relay the
// notifications queue, one at a time (RELAYS_NOTIFICATIONS and takeNotificationsTurn in notifications.ts).
process.env.OUTBOX_RELAY_EXCLUDE = 'notifications';
