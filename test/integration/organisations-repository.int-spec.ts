import { randomUUID } from 'node:crypto';
import {
  CountryEntity,
  OrganisationEntity,
  RefreshTokenEntity,
  UserEntity,
} from '../../libs/identity/src/infrastructure/identity.entities';
import {
  CountriesRepository,
  OrganisationsRepository,
} from '../../libs/identity/src/infrastructure/organisations.repository';
import { RepositoryDb, rolledBack, startRepositories } from '../support/repository-db';

const IDENTITY_ENTITIES = [CountryEntity, OrganisationEntity, UserEntity, RefreshTokenEntity];

describe('OrganisationsRepository and CountriesRepository on PostgreSQL', () => {
  let repo: RepositoryDb;
  let organisations: OrganisationsRepository;
  let countries: CountriesRepository;

  beforeAll(async () => {
    repo = await startRepositories([OrganisationsRepository, CountriesRepository], IDENTITY_ENTITIES);
    organisations = repo.get(OrganisationsRepository);
    countries = repo.get(CountriesRepository);
  });
  afterAll(() => repo.close());

  const hub = (countryCode: string) => ({
    name: `Hub ${randomUUID()}`,
    countryCode,
    type: 'accelerator' as const,
    membershipCategory: 'other' as const,
    city: 'Dakar',
    website: 'https://hub.example',
  });

  it('inserts an organisation and reads it back with its country’s name, region and membership', async () => {
    const fields = hub('SN');
    const id = await repo.transactions.run((tx) => organisations.insert(tx, fields));

    const found = await organisations.findById(id);

    expect(found).toEqual({
      id,
      ...fields,
      countryName: 'Senegal',
      region: 'AFR',
      memberState: true,
      createdAt: expect.any(Date),
    });
  });

  it('reads an organisation inside the transaction that inserted it, and not outside before it commits', async () => {
    await rolledBack(repo.transactions, async (tx) => {
      const id = await organisations.insert(tx, hub('KE'));
      expect((await organisations.findById(id, tx))?.countryCode).toBe('KE');
      expect(await organisations.findById(id)).toBeNull();
    });
  });

  it('answers null for an unknown id', async () => {
    expect(await organisations.findById(randomUUID())).toBeNull();
  });

  it('refuses an organisation in a country the list does not know', async () => {
    await expect(repo.transactions.run((tx) => organisations.insert(tx, hub('ZZ')))).rejects.toThrow();
  });

  it('reads several organisations by one array of ids: none, one, many, unknown ids left out', async () => {
    const ids = await Promise.all(['KE', 'FR', 'BR'].map((code) => repo.seed.organisation({ countryCode: code })));

    expect(await organisations.findByIds([])).toEqual([]);
    expect((await organisations.findByIds([ids[1]])).map((o) => [o.id, o.region])).toEqual([[ids[1], 'EUR']]);
    const many = await organisations.findByIds([...ids, randomUUID(), ids[0]]);
    expect(many.map((o) => o.id).sort()).toEqual([...ids].sort());
    expect(Object.fromEntries(many.map((o) => [o.countryCode, o.region]))).toEqual({ KE: 'AFR', FR: 'EUR', BR: 'AMS' });
  });

  it('lists the countries by code and finds one by its code', async () => {
    const all = await countries.findAll();
    const codes = all.map((c) => c.code);

    expect(codes.length).toBeGreaterThan(150);
    expect(codes).toEqual([...codes].sort());
    expect(await countries.findByCode('FR')).toMatchObject({
      code: 'FR',
      region: 'EUR',
      nameEn: 'France',
      nameFr: 'France',
    });
    expect(await countries.findByCode('ZZ')).toBeNull();
  });
});
