import { Injectable } from '@nestjs/common';
import { NotFoundError, Page } from '@app/platform';
import type { PublicCohortDocument } from '../domain/public-cohort';
import { CohortsRepository, PublishedCohort } from '../infrastructure/cohorts.repository';

/** A published cohort as the public reads it: the stored snapshot and the hash that covers it. */
export type PublicCohort = PublicCohortDocument & { contentHash: string };

/** What anyone may read of published cohorts (their annexes: CohortAnnexesService). */
@Injectable()
export class PublicCohortsService {
  constructor(private readonly cohorts: CohortsRepository) {}

  async list(page: { limit: number; offset: number }): Promise<Page<PublicCohort>> {
    const { items, total } = await this.cohorts.listPublished(page);
    return { items: items.map(toPublic), total };
  }

  async get(id: string): Promise<PublicCohort> {
    return toPublic(await this.published(id));
  }

  private async published(id: string): Promise<PublishedCohort> {
    const cohort = await this.cohorts.findPublished(id);
    if (!cohort) throw new NotFoundError('Cohort');
    return cohort;
  }
}

function toPublic({ snapshot, contentHash }: PublishedCohort): PublicCohort {
  return { ...snapshot, contentHash };
}
