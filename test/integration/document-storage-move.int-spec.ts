import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { DocumentStorageMoveService } from '../../libs/applications/src/application/document-storage-move.service';
import { DocumentMovesRepository } from '../../libs/applications/src/infrastructure/document-moves.repository';
import { ClarificationsRepository } from '../../libs/applications/src/infrastructure/clarifications.repository';
import { SignedCopyMovesRepository } from '../../libs/cohorts/src/infrastructure/signed-copy-moves.repository';
import { ObjectStorage, S3ObjectStorage, readS3Settings } from '@app/platform/storage';
import { RepositoryDb, startRepositories } from '../support/repository-db';
import { withEnv } from '../support/async';
import { S3Server } from '../support/s3-server';
import { SuiteDatabase } from '../support/suite-database';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const keyOf = (id: string) => `applications/documents/${id}`;

/** The store, except that `get` fails once when armed: a run that dies after copying, before switching the row. */
class CrashingOnce implements ObjectStorage {
  armed = false;
  constructor(private readonly inner: ObjectStorage) {}
  put = (key: string, body: Readable, options: { contentType: string }) => this.inner.put(key, body, options);
  head = (key: string) => this.inner.head(key);
  delete = (key: string) => this.inner.delete(key);
  get = (key: string) => {
    if (!this.armed) return this.inner.get(key);
    this.armed = false;
    return Promise.reject(new Error('the process died here'));
  };
}

// The command moves every document of the database: the suite has a database of its own, since other
// suites sharing the worker's copy leave documents behind.
describe('documents:move between PostgreSQL and the object store', () => {
  let database: SuiteDatabase;
  let repo: RepositoryDb;
  let s3: S3Server;
  let storage: S3ObjectStorage;
  let moves: DocumentStorageMoveService;
  const documents: Array<{ id: string; content: Buffer }> = [];

  beforeAll(async () => {
    s3 = await S3Server.start();
    storage = S3ObjectStorage.fromSettings(readS3Settings(s3.env));
    database = await SuiteDatabase.create('documents-move');
    repo = await withEnv({ DATABASE_URL: database.url }, () =>
      startRepositories([
        DocumentStorageMoveService,
        DocumentMovesRepository,
        ClarificationsRepository,
        SignedCopyMovesRepository,
      ]),
    );
    moves = repo.get(DocumentStorageMoveService);
    const callId = await repo.seed.call({ status: 'open' });
    const applicationId = await repo.seed.application(callId, { status: 'draft' });
    const uploader = await repo.seed.user();
    for (let i = 0; i < 5; i++) {
      const content = Buffer.from(`%PDF-1.7 document ${i} ${'.'.repeat(i * 1000)}`);
      const [{ id }] = (await repo.db.query(
        `INSERT INTO documents (application_id, kind, filename, mime_type, size, sha256, content, uploaded_by)
         VALUES ($1, 'annex', $2, 'application/pdf', $3, $4, $5, $6) RETURNING id`,
        [applicationId, `d${i}.pdf`, content.length, sha256(content), content, uploader],
      )) as Array<{ id: string }>;
      documents.push({ id, content });
    }
  });
  afterAll(async () => {
    await repo.close();
    await database.drop();
    storage.destroy();
    await s3.close();
  });

  const rows = async () =>
    (await repo.db.query(`SELECT id, content, storage_key FROM documents WHERE id = ANY($1::uuid[]) ORDER BY id`, [
      documents.map((d) => d.id),
    ])) as Array<{ id: string; content: Buffer | null; storage_key: string | null }>;
  const inStore = async (id: string) => {
    const object = await storage.get(keyOf(id));
    if (!object) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of object.body) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };

  it('moves to s3 in interrupted runs, verified, each row switched once, and back to postgres the same way', async () => {
    // A limit stops a run as Ctrl-C would: the next run carries on.
    const first = await moves.move('s3', storage, { limit: 2 });
    expect(first.moved).toBe(2);
    expect(first.failed).toEqual([]);
    expect(first.remaining).toBeGreaterThanOrEqual(3);

    // A run that dies after copying a document, before switching its row, fails; the rerun copies it again.
    const crashing = new CrashingOnce(storage);
    crashing.armed = true;
    await expect(moves.move('s3', crashing)).rejects.toThrow('the process died here');
    const rerun = await moves.move('s3', storage);
    expect(rerun.failed).toEqual([]);
    expect(rerun.remaining).toBe(0);

    for (const row of await rows()) {
      expect(row).toMatchObject({ content: null, storage_key: keyOf(row.id) });
      expect(await inStore(row.id)).toEqual(documents.find((d) => d.id === row.id)!.content);
    }
    expect(await moves.move('s3', storage)).toEqual({ moved: 0, failed: [], remaining: 0 });

    const back = await moves.move('postgres', storage, { limit: 3 });
    expect(back).toMatchObject({ moved: 3, failed: [] });
    expect((await moves.move('postgres', storage)).remaining).toBe(0);
    for (const row of await rows()) {
      expect(row.storage_key).toBeNull();
      expect(row.content).toEqual(documents.find((d) => d.id === row.id)!.content);
      expect(await inStore(row.id)).toBeNull();
    }
  });

  it('leaves where it is a document whose bytes do not hash to its row, and reports it', async () => {
    const [tampered, ...others] = documents;
    await repo.db.query(`UPDATE documents SET sha256 = $2 WHERE id = $1`, [tampered.id, sha256(Buffer.from('other'))]);

    const report = await moves.move('s3', storage);
    expect(report.failed).toEqual([{ id: tampered.id, reason: expect.stringContaining('SHA-256') }]);
    expect(report.remaining).toBe(1);
    const byId = new Map((await rows()).map((row) => [row.id, row]));
    expect(byId.get(tampered.id)).toMatchObject({ content: tampered.content, storage_key: null });
    expect(await inStore(tampered.id)).toBeNull();
    for (const { id } of others) expect(byId.get(id)?.storage_key).toBe(keyOf(id));

    // An object altered in the store is not taken back either.
    const [altered] = others;
    await storage.put(keyOf(altered.id), Readable.from([Buffer.from('altered')]), { contentType: 'application/pdf' });
    const back = await moves.move('postgres', storage);
    expect(back.failed).toEqual([{ id: altered.id, reason: expect.any(String) }]);
    expect((await rows()).find((row) => row.id === altered.id)).toMatchObject({ storage_key: keyOf(altered.id) });
    await repo.db.query(`UPDATE documents SET sha256 = $2 WHERE id = $1`, [tampered.id, sha256(tampered.content)]);
  });

  it('moves clarification answers’ documents too, a limited run stopping in the middle and the next carrying on', async () => {
    const callId = await repo.seed.call({ status: 'closed' });
    const secretariat = await repo.seed.user({ role: 'secretariat' });
    const clarifications = repo.get(ClarificationsRepository);
    const answered: Array<{ id: string; content: Buffer }> = [];
    for (let i = 0; i < 3; i++) {
      const applicationId = await repo.seed.application(callId);
      const [{ by }] = (await repo.db.query(`SELECT created_by AS by FROM applications WHERE id = $1`, [
        applicationId,
      ])) as Array<{ by: string }>;
      const content = Buffer.from(`%PDF-1.7 answer ${i}`);
      const id = await repo.transactions.run(async (tx) => {
        const asked = await clarifications.insert(tx, {
          applicationId,
          callId,
          question: `Question ${i}?`,
          replyBy: new Date(Date.now() + 86_400_000),
          origin: { sentBy: secretariat },
        });
        const document = {
          filename: `a${i}.pdf`,
          mimeType: 'application/pdf',
          size: content.length,
          sha256: sha256(content),
        };
        await clarifications.markAnswered(tx, asked, {
          answer: 'Attached.',
          by,
          document: { ...document, content, storageKey: null },
        });
        return asked;
      });
      answered.push({ id, content });
    }
    const signedCopies = repo.get(SignedCopyMovesRepository);
    const others = [signedCopies];
    // Every application document is in the store already (the test before): the limit stops among the answers.
    const first = await moves.move('s3', storage, { limit: 2, others });
    expect(first).toMatchObject({ moved: 2, failed: [] });
    const second = await moves.move('s3', storage, { others });
    expect(second.failed).toEqual([]);
    expect(second.moved).toBeGreaterThanOrEqual(1);

    const stored = async () =>
      (await repo.db.query(
        `SELECT clarification_id AS id, content, storage_key FROM clarification_documents WHERE clarification_id = ANY($1::uuid[])`,
        [answered.map((a) => a.id)],
      )) as Array<{ id: string; content: Buffer | null; storage_key: string | null }>;
    for (const row of await stored()) {
      expect(row).toMatchObject({ content: null, storage_key: `applications/clarifications/${row.id}` });
      const object = await storage.get(row.storage_key!);
      const chunks: Buffer[] = [];
      for await (const chunk of object!.body) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks)).toEqual(answered.find((a) => a.id === row.id)!.content);
    }
    // The signed copies' table is walked with the same statements (none is stored here).
    expect(await signedCopies.countPending('s3')).toBe(0);

    // (The application document altered in the store by the test before stays there, failed.)
    const back = await moves.move('postgres', storage, { others });
    expect(back.failed.filter((failure) => answered.some((a) => a.id === failure.id))).toEqual([]);
    for (const row of await stored()) {
      expect(row.storage_key).toBeNull();
      expect(row.content).toEqual(answered.find((a) => a.id === row.id)!.content);
    }
  });
});
