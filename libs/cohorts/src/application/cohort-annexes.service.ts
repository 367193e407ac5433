import { Injectable } from '@nestjs/common';
import { Call, CallsService, CircularSettings, CircularSettingsService } from '@app/calls';
import { NotFoundError, Transaction, Transactions } from '@app/platform';
import { renderAnnexCsv } from '../annex/annex-csv';
import { ANNEX_LOCALES, AnnexLocale } from '../annex/annex-i18n';
import { renderAnnexPdf } from '../annex/annex-pdf';
import type { AnnexContent } from '../annex/annex.types';
import { renderCircularHtml } from '../circular/circular-html';
import { resultsCircular } from '../circular/circular-model';
import { renderCircularPdf } from '../circular/circular-pdf';
import { AnnexKey, AnnexesRepository, StoredAnnex } from '../infrastructure/annexes.repository';
import { CohortsRepository, PublishedCohort } from '../infrastructure/cohorts.repository';
import { SelectionFactsRepository } from '../infrastructure/selection-facts.repository';

export type { StoredAnnex };

/** The CSV annex is one document, its country names in English. */
export const CSV_ANNEX_LOCALE: AnnexLocale = 'en';

/**
 * The annexes of a published cohort (the CSV and the PDF in each language) and its results circular
 * (PDF and HTML in each language), rendered once and then served as stored: what they show cannot
 * change after publication, so neither can they.
 */
@Injectable()
export class CohortAnnexesService {
  constructor(
    private readonly annexes: AnnexesRepository,
    private readonly cohorts: CohortsRepository,
    private readonly facts: SelectionFactsRepository,
    private readonly calls: CallsService,
    private readonly circulars: CircularSettingsService,
    private readonly transactions: Transactions,
  ) {}

  /** In the publication's transaction, after the cohort is marked published: they commit together. */
  async renderAtPublication(tx: Transaction, cohortId: string, cohort: PublishedCohort, call: Call): Promise<void> {
    const settings = await this.circulars.get(call.id, tx);
    await this.annexes.insert(tx, cohortId, await this.renderAll(cohortId, cohort, call, settings));
  }

  /**
   * The stored annex. A cohort published before annexes were stored has them rendered and stored on
   * its first request; from then on it is served like any other.
   */
  async get(cohortId: string, key: AnnexKey): Promise<StoredAnnex> {
    const stored = await this.annexes.find(cohortId, key);
    if (stored) return stored;
    // Readers who ask at once wait for one rendering (now eighteen documents in six languages), not one each.
    let rendering = this.renderings.get(cohortId);
    if (!rendering) {
      rendering = this.renderAndStore(cohortId).finally(() => this.renderings.delete(cohortId));
      this.renderings.set(cohortId, rendering);
    }
    await rendering;
    // Read back: of two first readers, both serve the copy that was stored first.
    const kept = await this.annexes.find(cohortId, key);
    if (!kept) throw new NotFoundError('Annex');
    return kept;
  }

  private readonly renderings = new Map<string, Promise<void>>();

  private async renderAndStore(cohortId: string): Promise<void> {
    const cohort = await this.cohorts.findPublished(cohortId);
    if (!cohort) throw new NotFoundError('Cohort');
    // The call, and so its circular settings, cannot change after publication: these are the ones it was published with.
    const [call, settings] = await Promise.all([this.calls.get(cohort.callId), this.circulars.get(cohort.callId)]);
    const rendered = await this.renderAll(cohortId, cohort, call, settings);
    await this.transactions.run((tx) => this.annexes.insert(tx, cohortId, rendered));
  }

  private async renderAll(cohortId: string, cohort: PublishedCohort, call: Call, settings: CircularSettings) {
    const [evaluators, consensusScores] = await Promise.all([
      this.facts.evaluatorCount(cohort.callId),
      this.facts.consensusScoreCount(cohort.callId),
    ]);
    const contents = new Map<AnnexLocale, AnnexContent>();
    for (const locale of ANNEX_LOCALES) {
      contents.set(locale, await this.contentOf(cohortId, cohort, call, { evaluators, consensusScores }, locale));
    }
    const contentIn = (locale: AnnexLocale) => contents.get(locale) as AnnexContent;
    const pdfs = await Promise.all(
      ANNEX_LOCALES.map(async (locale) => ({
        format: 'pdf' as const,
        locale,
        content: await renderAnnexPdf(contentIn(locale), locale),
      })),
    );
    const circulars = await Promise.all(
      ANNEX_LOCALES.map(async (locale) => {
        const circular = resultsCircular(settings, contentIn(locale), call, locale);
        return [
          { format: 'circular-pdf' as const, locale, content: await renderCircularPdf(circular) },
          { format: 'circular-html' as const, locale, content: Buffer.from(renderCircularHtml(circular), 'utf8') },
        ];
      }),
    );
    const csv = Buffer.from(renderAnnexCsv(contentIn(CSV_ANNEX_LOCALE).members), 'utf8');
    return [{ format: 'csv' as const, locale: CSV_ANNEX_LOCALE, content: csv }, ...pdfs, ...circulars.flat()];
  }

  /** What the annex shows: the snapshot beside the frozen call (criteria, scale), country names translated. */
  private async contentOf(
    cohortId: string,
    { snapshot, contentHash }: PublishedCohort,
    call: Call,
    { evaluators, consensusScores }: { evaluators: number; consensusScores: number },
    locale: AnnexLocale,
  ): Promise<AnnexContent> {
    const names = await this.facts.countryNames(
      snapshot.members.map((m) => m.countryCode),
      locale,
    );
    return {
      cohortId,
      call: snapshot.call,
      publishedAt: snapshot.publishedAt,
      contentHash,
      process: {
        applicationsReceived: snapshot.statistics.applications,
        countries: snapshot.statistics.countries,
        selected: snapshot.statistics.selected,
        evaluators,
        evaluatorsPerApplication: call.evaluatorsPerApplication,
        normalization: call.scoring.normalization,
        scale: { min: call.scoring.scaleMin, max: call.scoring.scaleMax },
        criteria: call.criteria.map(({ code, title, weight }) => ({ code, title, weight })),
        consensusScores,
        ...(call.stages.length > 1 ? { stages: stagesOf(call) } : {}),
      },
      members: snapshot.members.map((m) => ({ ...m, countryName: names.get(m.countryCode) ?? m.countryName })),
    };
  }
}

/** A call's stages as its annex describes them: their names, the later ones' criteria, the final ranking rule. */
function stagesOf(call: Call): NonNullable<AnnexContent['process']['stages']> {
  return {
    names: call.stages.map((stage) => stage.name),
    later: call.stages.slice(1).map((stage, index) => ({
      position: index + 2,
      name: stage.name,
      criteria: stage.criteria.map(({ code, title, weight }) => ({ code, title, weight })),
    })),
    finalRanking: call.finalRanking,
  };
}
