import { MigrationInterface, QueryRunner } from 'typeorm';

const TYPES_BEFORE = `'text', 'longtext', 'number', 'choice', 'url', 'email'`;

/**
 * A question may ask for people (a delegation: each a name, a title, an e-mail address and one of
 * the question's roles, its `options`), between a fewest and a most: `min_count` and `max_count`,
 * null where the defaults apply (libs/calls people-question.ts). Existing questions are unchanged.
 */
export class PeopleQuestions1766410000000 implements MigrationInterface {
  name = 'PeopleQuestions1766410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE questions DROP CONSTRAINT questions_type_check`);
    await q.query(`
      ALTER TABLE questions ADD CONSTRAINT questions_type_check
        CHECK (type IN (${TYPES_BEFORE}, 'people'))`);
    await q.query(`
      ALTER TABLE questions
        ADD COLUMN min_count integer CHECK (min_count BETWEEN 0 AND 100),
        ADD COLUMN max_count integer CHECK (max_count BETWEEN 1 AND 100),
        ADD CONSTRAINT questions_counts_in_order CHECK (min_count <= max_count),
        ADD CONSTRAINT questions_counts_of_people CHECK (type = 'people' OR (min_count IS NULL AND max_count IS NULL))`);
  }

  /** Refused (by the type's check) while a call asks a people question: its answers would lose their meaning. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE questions
        DROP CONSTRAINT questions_counts_of_people,
        DROP CONSTRAINT questions_counts_in_order,
        DROP COLUMN max_count,
        DROP COLUMN min_count`);
    await q.query(`ALTER TABLE questions DROP CONSTRAINT questions_type_check`);
    await q.query(`ALTER TABLE questions ADD CONSTRAINT questions_type_check CHECK (type IN (${TYPES_BEFORE}))`);
  }
}
