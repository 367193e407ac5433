import { Injectable } from '@nestjs/common';
import { Transaction, Transactions } from '@app/platform';
import { Country } from '../domain/geography';
import { MembershipCategory, Organisation } from '../domain/organisation';
import { CountryEntity, OrganisationEntity } from './identity.entities';

@Injectable()
export class OrganisationsRepository {
  constructor(private readonly transactions: Transactions) {}

  async insert(tx: Transaction, organisation: Omit<OrganisationEntity, 'id' | 'createdAt'>): Promise<string> {
    const result = await tx.insert(OrganisationEntity, organisation);
    return (result.identifiers[0] as { id: string }).id;
  }

  async findById(id: string, tx: Transaction = this.transactions.autocommit): Promise<Organisation | null> {
    const row = await tx
      .createQueryBuilder(OrganisationEntity, 'o')
      .innerJoinAndMapOne('o.country', CountryEntity, 'c', 'c.code = o.country_code')
      .where('o.id = :id', { id })
      .getOne();
    return row ? toOrganisation(row as OrganisationEntity & { country: CountryEntity }) : null;
  }

  async findByIds(ids: string[]): Promise<Organisation[]> {
    if (ids.length === 0) return [];
    const rows = await this.transactions.autocommit
      .createQueryBuilder(OrganisationEntity, 'o')
      .innerJoinAndMapOne('o.country', CountryEntity, 'c', 'c.code = o.country_code')
      .where('o.id = ANY(CAST(:ids AS uuid[]))', { ids })
      .getMany();
    return rows.map((row) => toOrganisation(row as OrganisationEntity & { country: CountryEntity }));
  }

  async setMembershipCategory(tx: Transaction, id: string, category: MembershipCategory): Promise<void> {
    await tx.update(OrganisationEntity, { id }, { membershipCategory: category });
  }
}

@Injectable()
export class CountriesRepository {
  constructor(private readonly transactions: Transactions) {}

  async findByCode(code: string): Promise<Country | null> {
    return this.transactions.autocommit.findOneBy(CountryEntity, { code });
  }

  async findAll(): Promise<Country[]> {
    return this.transactions.autocommit.find(CountryEntity, { order: { code: 'ASC' } });
  }
}

function toOrganisation(row: OrganisationEntity & { country: CountryEntity }): Organisation {
  return {
    id: row.id,
    name: row.name,
    countryCode: row.countryCode,
    countryName: row.country.nameEn,
    region: row.country.region,
    memberState: row.country.memberState,
    type: row.type,
    membershipCategory: row.membershipCategory,
    city: row.city,
    website: row.website,
    createdAt: row.createdAt,
  };
}
