import { Injectable } from '@nestjs/common';
import { Country } from '../domain/geography';
import { UnknownCountryError } from '../domain/identity.errors';
import { CountriesRepository } from '../infrastructure/organisations.repository';

/** The ITU country → region reference table (seeded by a migration). */
@Injectable()
export class CountriesService {
  constructor(private readonly countries: CountriesRepository) {}

  async require(code: string, field: string): Promise<Country> {
    const country = await this.countries.findByCode(code.toUpperCase());
    if (!country) throw new UnknownCountryError(field, code);
    return country;
  }

  list(): Promise<Country[]> {
    return this.countries.findAll();
  }
}
