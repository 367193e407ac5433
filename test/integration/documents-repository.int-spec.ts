import { createHash, randomUUID } from 'node:crypto';
import { ApplicationEntity, DocumentEntity } from '../../libs/applications/src/infrastructure/application.entities';
import { DocumentsRepository } from '../../libs/applications/src/infrastructure/documents.repository';
import { RepositoryDb, startRepositories } from '../support/repository-db';

describe('DocumentsRepository on PostgreSQL', () => {
  let repo: RepositoryDb;
  let documents: DocumentsRepository;
  let callId: string;
  let uploader: string;

  beforeAll(async () => {
    repo = await startRepositories([DocumentsRepository], [ApplicationEntity, DocumentEntity]);
    documents = repo.get(DocumentsRepository);
    callId = await repo.seed.call({ status: 'open' });
    uploader = await repo.seed.user();
  });
  afterAll(() => repo.close());

  const upload = (applicationId: string, text: string, kind = 'statutes') => {
    const content = Buffer.from(text);
    return repo.transactions.run((tx) =>
      documents.insert(tx, {
        applicationId,
        kind,
        filename: `${kind}.pdf`,
        mimeType: 'application/pdf',
        size: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
        uploadedBy: uploader,
      }),
    );
  };

  it('inserts a document and answers its description without its bytes', async () => {
    const applicationId = await repo.seed.application(callId, { status: 'draft' });

    const stored = await upload(applicationId, 'the statutes');

    expect(stored).toEqual({
      id: expect.any(String),
      applicationId,
      kind: 'statutes',
      filename: 'statutes.pdf',
      mimeType: 'application/pdf',
      size: 12,
      sha256: createHash('sha256').update('the statutes').digest('hex'),
      uploadedBy: uploader,
      createdAt: expect.any(Date),
    });
  });

  it('reads a document’s bytes only with the application it belongs to', async () => {
    const [applicationId, otherId] = await Promise.all([
      repo.seed.application(callId, { status: 'draft' }),
      repo.seed.application(callId, { status: 'draft' }),
    ]);
    const { id } = await upload(applicationId, 'binary \u0000 content');

    const found = await documents.findWithContent(applicationId, id);
    expect(found?.content).toEqual(Buffer.from('binary \u0000 content'));
    expect(found?.filename).toBe('statutes.pdf');
    expect(await documents.findWithContent(otherId, id)).toBeNull();
    expect(await documents.findWithContent(applicationId, randomUUID())).toBeNull();
  });

  it('lists the documents of none, one or many applications by one array, oldest first, without bytes', async () => {
    const apps = await Promise.all([1, 2, 3].map(() => repo.seed.application(callId, { status: 'draft' })));
    const first = await upload(apps[0], 'a', 'statutes');
    const second = await upload(apps[1], 'b', 'budget');
    const third = await upload(apps[0], 'c', 'budget');

    expect(await documents.listFor([])).toEqual([]);
    expect((await documents.listFor([apps[0]])).map((d) => d.id)).toEqual([first.id, third.id]);
    const many = await documents.listFor([apps[2], apps[1], apps[0]]);
    expect(many.map((d) => d.id)).toEqual([first.id, second.id, third.id]);
    expect(many.every((d) => !('content' in d) || d.content === undefined)).toBe(true);
    expect(await documents.listFor([apps[2]])).toEqual([]);
  });

  it('sums the count and bytes of an application’s documents, zero when it has none', async () => {
    const applicationId = await repo.seed.application(callId, { status: 'draft' });

    const usage = () => repo.transactions.run((tx) => documents.usage(tx, applicationId));
    expect(await usage()).toEqual({ count: 0, bytes: 0 });
    await upload(applicationId, '12345');
    await upload(applicationId, '1234567890');
    expect(await usage()).toEqual({ count: 2, bytes: 15 });
  });

  it('deletes a document of its own application once; another application’s id deletes nothing', async () => {
    const [applicationId, otherId] = await Promise.all([
      repo.seed.application(callId, { status: 'draft' }),
      repo.seed.application(callId, { status: 'draft' }),
    ]);
    const { id } = await upload(applicationId, 'to delete');
    const remove = (owner: string) => repo.transactions.run((tx) => documents.delete(tx, owner, id));

    expect(await remove(otherId)).toBeNull();
    expect(await remove(applicationId)).toEqual({ storageKey: null });
    expect(await remove(applicationId)).toBeNull();
    expect(await documents.listFor([applicationId])).toEqual([]);
  });

  it('refuses an empty document and one of an application that does not exist', async () => {
    const applicationId = await repo.seed.application(callId, { status: 'draft' });
    await expect(upload(applicationId, '')).rejects.toThrow();
    await expect(upload(randomUUID(), 'orphan')).rejects.toThrow();
  });
});
