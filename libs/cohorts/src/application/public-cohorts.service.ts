import { Injectable } from '@nestjs/common';
import { CallsService } from '@app/calls';
import { NotFoundError, Page } from '@app/platform';
import { renderAnnexCsv } from '../annex/annex-csv';
import { renderAnnexPdf } from '../annex/annex-pdf';
import type { AnnexLocale } from '../annex/annex-i18n';
import type { AnnexContent } from '../annex/annex.types';
import type { PublicCohortDocument } from '../domain/public-cohort';
import { CohortsRepository, PublishedCohort } from '../infrastructure/cohorts.repository';
import { SelectionFactsRepository } from '../infrastructure/selection-facts.repository';

/** A published cohort as the public reads it: the stored snapshot and the hash that covers it. */
export type PublicCohort = PublicCohortDocument & { contentHash: string };

/** What anyone may read of published cohorts, and their annexes. */
@Injectable()
export class PublicCohortsService {
  constructor(
    private readonly cohorts: CohortsRepository,
    private readonly facts: SelectionFactsRepository,
    private readonly calls: CallsService,
  ) {}

  async list(page: { limit: number; offset: number }): Promise<Page<PublicCohort>> {
    const { items, total } = await this.cohorts.listPublished(page);
    return { items: items.map(toPublic), total };
  }

  async get(id: string): Promise<PublicCohort> {
    return toPublic(await this.published(id));
  }

  async annexCsv(id: string): Promise<string> {
    return renderAnnexCsv((await this.annexContent(id, 'en')).members);
  }

  async annexPdf(id: string, locale: AnnexLocale): Promise<Buffer> {
    return renderAnnexPdf(await this.annexContent(id, locale), locale);
  }

  /** The annex reads the frozen call (criteria, scale) beside the snapshot, with country names translated. */
  private async annexContent(id: string, locale: AnnexLocale): Promise<AnnexContent> {
    const { callId, snapshot, contentHash } = await this.published(id);
    const call = await this.calls.get(callId);
    const names = await this.facts.countryNames(
      snapshot.members.map((m) => m.countryCode),
      locale,
    );
    return {
      cohortId: id,
      call: snapshot.call,
      publishedAt: snapshot.publishedAt,
      contentHash,
      process: {
        applicationsReceived: snapshot.statistics.applications,
        countries: snapshot.statistics.countries,
        selected: snapshot.statistics.selected,
        evaluators: await this.facts.evaluatorCount(callId),
        evaluatorsPerApplication: call.evaluatorsPerApplication,
        normalization: call.scoring.normalization,
        scale: { min: call.scoring.scaleMin, max: call.scoring.scaleMax },
        criteria: call.criteria.map(({ code, title, weight }) => ({ code, title, weight })),
      },
      members: snapshot.members.map((m) => ({ ...m, countryName: names.get(m.countryCode) ?? m.countryName })),
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
