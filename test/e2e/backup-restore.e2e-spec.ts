import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  createStaffPair,
  download,
  draftId,
  intakeCallOverrides,
  pdfOfSize,
  sql,
  uploadDocument,
} from '../support/applications';
import { withEnv } from '../support/async';
import { Applicant, createApplicant, createCall, login } from '../support/fixtures';
import { databaseName, withDatabase } from '../support/global-setup';
import { suiteDatabaseUrl } from '../support/run-database';
import { S3Server } from '../support/s3-server';
import { SuiteDatabase } from '../support/suite-database';
import { TestApi } from '../support/test-app';
import { TS_SOURCES_ENV, TS_SOURCES_REQUIRE } from '../support/ts-sources';

const ROOT = join(__dirname, '..', '..');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** The admin commands from the sources, as the scripts run the build's in production. */
const PLATFORM_CLI = [process.execPath, ...TS_SOURCES_REQUIRE, 'apps/cli/src/main.ts'].join(' ');

interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs scripts/<name> on `folder` with the given settings, as an operator would. */
function script(name: string, folder: string, env: Record<string, string>): Promise<ScriptRun> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      [join(ROOT, 'scripts', name), folder],
      { cwd: ROOT, env: { ...process.env, ...TS_SOURCES_ENV, PLATFORM_CLI, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Each table of the database's public schema: its row count and an MD5 of its rows as text, in order. */
async function tableDigests(url: string): Promise<Record<string, string>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const digests: Record<string, string> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ n: string; digest: string }>(
        `SELECT count(*) AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest FROM "${name}" t`,
      );
      digests[name] = `${rows[0].n} rows, ${rows[0].digest}`;
    }
    return digests;
  } finally {
    await client.end();
  }
}

async function administer(url: string, statement: string): Promise<void> {
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** A new, empty database beside the suite's (the run's teardown drops it should the suite not). */
async function emptyDatabase(purpose: string): Promise<string> {
  const url = suiteDatabaseUrl(process.env.TEST_RUN_DATABASE_URL!, Number(process.env.JEST_WORKER_ID ?? 1), purpose);
  await administer(url, `DROP DATABASE IF EXISTS "${databaseName(url)}" WITH (FORCE)`);
  await administer(url, `CREATE DATABASE "${databaseName(url)}"`);
  return url;
}

/**
 * scripts/backup.sh and scripts/restore.sh end to end: an application with one document in the object
 * store and one kept in PostgreSQL, backed up, restored into a new database and a new bucket, and
 * served again by an API on them; every table identical, every document's bytes the same.
 */
describe('backup and restore of the database and the object store', () => {
  const work = mkdtempSync(join(tmpdir(), 'backup-restore-'));
  const folder = join(work, 'backup');
  let source: SuiteDatabase;
  let s3: S3Server;
  let restoredS3: S3Server | undefined;
  const restoredUrls: string[] = [];
  let applicant: Applicant;
  let applicationId: string;
  const documents: Array<{ id: string; bytes: Buffer; inStore: boolean }> = [];

  beforeAll(async () => {
    source = await SuiteDatabase.create('backup');
    s3 = await S3Server.start();
    const api = await withEnv({ ...s3.env, DATABASE_URL: source.url }, () => TestApi.start());
    try {
      const { secretariat } = await createStaffPair(api);
      const callId = (await createCall(api, secretariat.token, intakeCallOverrides())).id;
      applicant = await createApplicant(api);
      applicationId = await draftId(api, applicant.token, callId);
      const stored = pdfOfSize(300_000);
      const upload = await uploadDocument(api, applicant.token, applicationId, 'annex', {
        buffer: stored,
        filename: 'statutes.pdf',
      });
      expect(upload.status).toBe(201);
      documents.push({ id: upload.body.id as string, bytes: stored, inStore: true });
      // One uploaded before the switch to the object store: its bytes are in its row.
      const inRow = pdfOfSize(2_000);
      const [{ id }] = await sql<{ id: string }>(
        api,
        `INSERT INTO documents (application_id, kind, filename, mime_type, size, sha256, content, uploaded_by)
         VALUES ($1, 'annex', 'plan.pdf', 'application/pdf', $2, $3, $4, $5) RETURNING id`,
        [applicationId, inRow.length, sha256(inRow), inRow, applicant.id],
      );
      documents.push({ id, bytes: inRow, inStore: false });
    } finally {
      await api.close();
    }
  }, 120_000);

  afterAll(async () => {
    for (const url of restoredUrls)
      await administer(url, `DROP DATABASE IF EXISTS "${databaseName(url)}" WITH (FORCE)`);
    await source?.drop();
    await restoredS3?.close();
    await s3?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('backs up, restores into a new database and bucket, and serves every document with the same bytes', async () => {
    const backup = await script('backup.sh', folder, { ...s3.env, DATABASE_URL: source.url });
    expect(backup).toMatchObject({ code: 0 });
    expect(backup.stdout).toContain('Copied 1 object(s)');
    const stored = documents.find((d) => d.inStore)!;
    const objectFile = join(folder, 'objects', 'applications', 'documents', stored.id);
    expect(readFileSync(objectFile).equals(stored.bytes)).toBe(true);
    const sums = readFileSync(join(folder, 'SHA256SUMS'), 'utf8').trim().split('\n').sort();
    expect(sums).toEqual(
      [
        `${sha256(readFileSync(join(folder, 'database.dump')))}  database.dump`,
        `${sha256(stored.bytes)}  objects/applications/documents/${stored.id}`,
      ].sort(),
    );

    const target = await emptyDatabase('restored');
    restoredUrls.push(target);
    restoredS3 = await S3Server.start();
    const restore = await script('restore.sh', folder, { ...restoredS3.env, DATABASE_URL: target });
    expect(restore).toMatchObject({ code: 0 });
    expect(restore.stdout).toContain('Restored 1 object(s)');

    const [before, after] = await Promise.all([tableDigests(source.url), tableDigests(target)]);
    expect(Object.keys(after).length).toBeGreaterThan(50);
    expect(after).toEqual(before);

    // The restored platform serves both documents from their new places, byte for byte.
    const api = await withEnv({ ...restoredS3.env, DATABASE_URL: target }, () => TestApi.start());
    try {
      const token = await login(api, applicant.email);
      for (const { id, bytes } of documents) {
        const got = await download(api, `/api/v1/applications/${applicationId}/documents/${id}`, token);
        expect(got.status).toBe(200);
        expect(sha256(got.body as Buffer)).toBe(sha256(bytes));
      }
    } finally {
      await api.close();
    }
    // A restore does not run twice over the same database.
    const again = await script('restore.sh', folder, { ...restoredS3.env, DATABASE_URL: target });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already has');
  }, 600_000);

  it('refuses a backup whose files no longer match SHA256SUMS, restoring nothing', async () => {
    expect(existsSync(join(folder, 'SHA256SUMS'))).toBe(true);
    const damaged = join(work, 'damaged');
    cpSync(folder, damaged, { recursive: true });
    const stored = documents.find((d) => d.inStore)!;
    const objectFile = join(damaged, 'objects', 'applications', 'documents', stored.id);
    const bytes = readFileSync(objectFile);
    bytes[bytes.length - 1] ^= 0xff;
    writeFileSync(objectFile, bytes);

    const target = await emptyDatabase('damaged');
    restoredUrls.push(target);
    const restore = await script('restore.sh', damaged, { ...s3.env, DATABASE_URL: target });
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain('do not match SHA256SUMS');
    expect(await tableDigests(target)).toEqual({});
  }, 120_000);
});
