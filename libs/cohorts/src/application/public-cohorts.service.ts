import { Injectable } from '@nestjs/common';
import { NotFoundError, Page, PageQuery } from '@app/platform';
import type { CohortAmendment } from '../domain/cohort-amendment';
import type { PublicCohortDocument, PublicCohortMember } from '../domain/public-cohort';
import { CohortsRepository, PublishedCohort } from '../infrastructure/cohorts.repository';
import { OffersRepository } from '../infrastructure/offers.repository';

/** A published cohort as the public reads it: the stored snapshot and the hash that covers it. */
export type PublicCohort = PublicCohortDocument & { contentHash: string };

/** The published list as its amendments left it. */
export interface CurrentCohortList extends Omit<PublicCohortDocument, 'members'> {
  contentHash: string;
  amendments: number;
  hash: string;
  amendedAt: string | null;
  members: PublicCohortMember[];
}

/** What anyone may read of published cohorts (their annexes: CohortAnnexesService). */
@Injectable()
export class PublicCohortsService {
  constructor(
    private readonly cohorts: CohortsRepository,
    private readonly offers: OffersRepository,
  ) {}

  async list(page: { limit: number; offset: number }): Promise<Page<PublicCohort>> {
    const { items, total } = await this.cohorts.listPublished(page);
    return { items: items.map(toPublic), total };
  }

  async get(id: string): Promise<PublicCohort> {
    return toPublic(await this.published(id));
  }

  /** The amendments since publication, first first. */
  async amendments(id: string, page: PageQuery): Promise<Page<CohortAmendment>> {
    await this.published(id);
    return this.offers.amendments(id, page);
  }

  async current(id: string): Promise<CurrentCohortList> {
    const { snapshot, contentHash } = await this.published(id);
    const last = await this.offers.lastAmendment(id);
    const members = last?.members ?? snapshot.members;
    return {
      ...snapshot,
      contentHash,
      amendments: last?.sequence ?? 0,
      hash: last?.hash ?? contentHash,
      amendedAt: last?.at ?? null,
      members,
      statistics: { ...snapshot.statistics, selected: members.length },
    };
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
