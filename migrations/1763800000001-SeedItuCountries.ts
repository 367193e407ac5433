import { MigrationInterface, QueryRunner } from 'typeorm';
import reference from './data/itu-countries.json';

/** The ITU Member States by ITU-D region, plus observers, from migrations/data/itu-countries.json. */
export class SeedItuCountries1763800000001 implements MigrationInterface {
  name = 'SeedItuCountries1763800000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO countries (code, region, member_state, name_en, name_fr)
       SELECT code, region, member_state, name_en, name_fr
       FROM jsonb_to_recordset($1::jsonb) AS c(code text, region text, member_state boolean, name_en text, name_fr text)`,
      [
        JSON.stringify(
          reference.countries.map((c) => ({
            code: c.code,
            region: c.region,
            member_state: c.memberState,
            name_en: c.nameEn,
            name_fr: c.nameFr,
          })),
        ),
      ],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM countries`);
  }
}
