import { Injectable } from '@nestjs/common';
import { Page, Transaction, Transactions, isUniqueViolation } from '@app/platform';
import { Answers, Application, ApplicationStatus, Eligibility, EligibilityOverride } from '../domain/application';
import { DuplicateApplicationError } from '../domain/applications.errors';
import { ApplicationEntity } from './application.entities';

export interface ApplicationFilter {
  callId?: string;
  organisationId?: string;
  status?: ApplicationStatus;
  countryCode?: string;
  region?: string;
  limit: number;
  offset: number;
}

type NewApplication = Pick<Application, 'callId' | 'organisationId' | 'countryCode' | 'region' | 'answers'> & {
  createdBy: string;
};

@Injectable()
export class ApplicationsRepository {
  constructor(private readonly transactions: Transactions) {}

  async insert(tx: Transaction, application: NewApplication): Promise<string> {
    try {
      const result = await tx.insert(ApplicationEntity, { ...application, status: 'draft', version: 1 });
      return (result.identifiers[0] as { id: string }).id;
    } catch (error) {
      if (isUniqueViolation(error, 'applications_call_organisation_key')) throw new DuplicateApplicationError();
      throw error;
    }
  }

  async findById(id: string, tx: Transaction = this.transactions.autocommit): Promise<Application | null> {
    return tx.findOneBy(ApplicationEntity, { id });
  }

  /** Locks the row until the transaction ends, so submissions and edits of one application queue up. */
  async lockById(tx: Transaction, id: string): Promise<Application | null> {
    return tx.findOne(ApplicationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Merges answers into a draft still at `expectedVersion` (a null removes an answer), in one
   * statement, so that of two concurrent edits from the same version exactly one wins.
   * Returns the new version, or null when the version or status no longer match.
   */
  async mergeDraftAnswers(
    id: string,
    expectedVersion: number,
    answers: Record<string, Answers[string] | null>,
  ): Promise<number | null> {
    const result = await this.transactions.autocommit
      .createQueryBuilder()
      .update(ApplicationEntity)
      .set({
        answers: () => 'jsonb_strip_nulls(answers || CAST(:answers AS jsonb))',
        version: () => 'version + 1',
        updatedAt: () => 'now()',
      })
      .setParameter('answers', JSON.stringify(answers))
      .where(`id = :id AND version = :expectedVersion AND status = 'draft'`, { id, expectedVersion })
      .returning(['version'])
      .execute();
    return (result.raw as Array<{ version: number }>)[0]?.version ?? null;
  }

  async update(
    tx: Transaction,
    id: string,
    change: Partial<Pick<ApplicationEntity, 'status' | 'submittedAt' | 'withdrawnAt'>> & {
      eligibility?: Eligibility;
      eligibilityOverride?: EligibilityOverride;
    },
  ): Promise<void> {
    await tx
      .createQueryBuilder()
      .update(ApplicationEntity)
      .set({ ...change, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id', { id })
      .execute();
  }

  /** Bumps the version after a change to the application's documents, for optimistic clients. */
  async touch(tx: Transaction, id: string): Promise<void> {
    await this.update(tx, id, {});
  }

  /** Submitted applications whose eligibility in force (the override, else the rules') is positive. */
  async listAssignable(callId: string): Promise<Application[]> {
    return this.transactions.autocommit
      .createQueryBuilder(ApplicationEntity, 'a')
      .where(`a.call_id = :callId AND a.status = 'submitted'`, { callId })
      .andWhere(
        `COALESCE((a.eligibility_override ->> 'eligible')::boolean, (a.eligibility ->> 'eligible')::boolean) IS TRUE`,
      )
      .orderBy('a.id')
      .getMany();
  }

  async findByIds(ids: string[]): Promise<Application[]> {
    if (ids.length === 0) return [];
    return this.transactions.autocommit
      .createQueryBuilder(ApplicationEntity, 'a')
      .where('a.id = ANY(CAST(:ids AS uuid[]))', { ids })
      .orderBy('a.id')
      .getMany();
  }

  async list(filter: ApplicationFilter): Promise<Page<Application>> {
    const query = this.transactions.autocommit
      .createQueryBuilder(ApplicationEntity, 'a')
      .orderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .take(filter.limit)
      .skip(filter.offset);
    if (filter.callId) query.andWhere('a.call_id = :callId', { callId: filter.callId });
    if (filter.organisationId) query.andWhere('a.organisation_id = :org', { org: filter.organisationId });
    if (filter.status) query.andWhere('a.status = :status', { status: filter.status });
    if (filter.countryCode) query.andWhere('a.country_code = :country', { country: filter.countryCode });
    if (filter.region) query.andWhere('a.region = :region', { region: filter.region });
    const [items, total] = await query.getManyAndCount();
    return { items, total };
  }
}
