import { Inject, Injectable } from '@nestjs/common';
import { Call, CallsService, CircularSettings, CircularSettingsService, callIn } from '@app/calls';
import { NotFoundError, Outbox, Transaction, Transactions } from '@app/platform';
import { renderAnnexCsv } from '../annex/annex-csv';
import { ANNEX_LOCALES, AnnexLocale } from '../annex/annex-i18n';
import { renderAnnexPdf } from '../annex/annex-pdf';
import type { AnnexContent } from '../annex/annex.types';
import { renderCircularHtml } from '../circular/circular-html';
import { resultsCircular } from '../circular/circular-model';
import { renderCircularPdf } from '../circular/circular-pdf';
import type { CircularDocument } from '../circular/circular.types';
import { CohortsConfig, cohortsConfig } from '../cohorts.config';
import { COHORTS_JOBS, COHORTS_QUEUE, RenderAnnexesPayload } from '../jobs/cohorts.jobs';
import { AnnexFormat, AnnexKey, AnnexesRepository, StoredAnnex } from '../infrastructure/annexes.repository';
import { CohortsRepository, PublishedCohort } from '../infrastructure/cohorts.repository';
import { SelectionFactsRepository } from '../infrastructure/selection-facts.repository';

export type { StoredAnnex };

/** The CSV annex is one document, its country names in English. */
export const CSV_ANNEX_LOCALE: AnnexLocale = 'en';

/** Every document a published cohort has: the CSV, and the annex and the circular (PDF and HTML) in each language. */
const ANNEX_KEYS: readonly AnnexKey[] = [
  { format: 'csv', locale: CSV_ANNEX_LOCALE },
  ...(['pdf', 'circular-pdf', 'circular-html'] as const).flatMap((format) =>
    ANNEX_LOCALES.map((locale) => ({ format, locale })),
  ),
];

const keyName = ({ format, locale }: AnnexKey): string => `${format}:${locale}`;

/**
 * The annexes of a published cohort (the CSV and the PDF in each language) and its results circular
 * (PDF and HTML in each language), rendered once after publication and then served as stored: what they show cannot
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
    private readonly outbox: Outbox,
    private readonly transactions: Transactions,
    @Inject(cohortsConfig.KEY) private readonly config: CohortsConfig,
  ) {}

  /**
   * In the publication's transaction: the job that renders the annexes once it commits. Rendering
   * nineteen documents in six languages takes seconds, which the publication's lock on the call
   * should not wait for; a reader who asks before the job has run gets them rendered on request.
   */
  async requestRendering(tx: Transaction, cohortId: string): Promise<void> {
    const payload: RenderAnnexesPayload = { cohortId };
    await this.outbox.add(tx, { queue: COHORTS_QUEUE, name: COHORTS_JOBS.renderAnnexes, payload: { ...payload } });
  }

  /** The job of `requestRendering`: renders and stores what is not stored yet. Idempotent; completes the outbox row. */
  async renderPublished(cohortId: string, outboxId: string): Promise<void> {
    if (this.config.COHORT_DOCUMENTS_AT_PUBLICATION) await this.renderMissing(cohortId);
    await this.transactions.run((tx) => this.outbox.complete(tx, [outboxId]));
  }

  private async renderMissing(cohortId: string): Promise<void> {
    const stored = new Set((await this.annexes.keys(cohortId)).map(keyName));
    const missing = ANNEX_KEYS.filter((key) => !stored.has(keyName(key)));
    if (missing.length > 0) await this.renderAndStore(cohortId, missing);
  }

  /**
   * The stored annex. Until the job has stored it (or for a cohort published before annexes were
   * stored), a request renders and stores the one document asked for; from then on it is served as stored.
   */
  async get(cohortId: string, key: AnnexKey): Promise<StoredAnnex> {
    const stored = await this.annexes.find(cohortId, key);
    if (stored) return stored;
    await this.renderOnce(cohortId, key);
    // Read back: of two renderings (two processes, or the job), both serve the copy that was stored first.
    const kept = await this.annexes.find(cohortId, key);
    if (!kept) throw new NotFoundError('Annex');
    return kept;
  }

  private readonly renderings = new Map<string, Promise<void>>();

  /** Readers who ask at once in this process for the same document wait for one rendering, not one each. */
  private renderOnce(cohortId: string, key: AnnexKey): Promise<void> {
    const id = `${cohortId}:${keyName(key)}`;
    let rendering = this.renderings.get(id);
    if (!rendering) {
      rendering = this.renderAndStore(cohortId, [key]).finally(() => this.renderings.delete(id));
      this.renderings.set(id, rendering);
    }
    return rendering;
  }

  private async renderAndStore(cohortId: string, keys: readonly AnnexKey[]): Promise<void> {
    const cohort = await this.cohorts.findPublished(cohortId);
    if (!cohort) throw new NotFoundError('Cohort');
    // The call, and so its circular settings, cannot change after publication: these are the ones it was published with.
    const [call, settings] = await Promise.all([this.calls.get(cohort.callId), this.circulars.get(cohort.callId)]);
    const rendered = await this.render(cohortId, cohort, call, settings, keys);
    await this.transactions.run((tx) => this.annexes.insert(tx, cohortId, rendered));
  }

  /** The documents `keys` name, each rendered from the content in its language. */
  private async render(
    cohortId: string,
    cohort: PublishedCohort,
    call: Call,
    settings: CircularSettings,
    keys: readonly AnnexKey[],
  ): Promise<Array<AnnexKey & { content: Buffer }>> {
    const [evaluators, consensusScores] = await Promise.all([
      this.facts.evaluatorCount(cohort.callId),
      this.facts.consensusScoreCount(cohort.callId),
    ]);
    const contents = new Map<AnnexLocale, AnnexContent>();
    for (const locale of new Set(keys.map((key) => key.locale as AnnexLocale))) {
      // The call's title, description and criteria as the secretariat translated them, English elsewhere.
      const texts = callIn(call, locale);
      contents.set(locale, await this.contentOf(cohortId, cohort, texts, { evaluators, consensusScores }, locale));
    }
    const rendered: Array<AnnexKey & { content: Buffer }> = [];
    for (const key of keys) {
      const locale = key.locale as AnnexLocale;
      const content = contents.get(locale) as AnnexContent;
      const circular = () => resultsCircular(settings, content, callIn(call, locale), locale);
      rendered.push({ ...key, content: await renderDocument(key.format, content, locale, circular) });
      // Each document holds the CPU for up to a second: what else the process serves gets its turn between two.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return rendered;
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
      call: { ...snapshot.call, title: call.title },
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

/** One document of a published cohort, in its language. */
async function renderDocument(
  format: AnnexFormat,
  content: AnnexContent,
  locale: AnnexLocale,
  circular: () => CircularDocument,
): Promise<Buffer> {
  switch (format) {
    case 'csv':
      return Buffer.from(renderAnnexCsv(content.members), 'utf8');
    case 'pdf':
      return renderAnnexPdf(content, locale);
    case 'circular-pdf':
      return renderCircularPdf(circular());
    case 'circular-html':
      return Buffer.from(renderCircularHtml(circular()), 'utf8');
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
