import type { AnnexTranslator } from './annex-i18n';
import { criteriaWithShares, groupMembersByRegion, totalWeight } from './annex-model';
import type { TableSpec } from './annex-pdf-layout';
import type { AnnexContent } from './annex.types';

/**
 * What Annexes "evaluation process" and "selected centres" say, as text and tables, whichever the
 * format: the PDF lays them out with pdfkit, the HTML of the circular with elements.
 */

const TABLE_TEXT_SIZE = 9;
/** Placeholder for a centre without a city; a dash reads as "not given" in every language. */
const NO_CITY = '—';
const PUBLIC_COHORT_REQUEST = 'GET /api/v1/public/cohorts/';

/** One paragraph, built from sentences that each carry their own plurals. */
export function processSummary(content: AnnexContent, tr: AnnexTranslator): string {
  const p = content.process;
  const unit = (key: 'unit.applications' | 'unit.countries' | 'unit.evaluators', count: number): string =>
    tr.t(key, { count });
  return [
    tr.t('process.received', {
      applications: unit('unit.applications', p.applicationsReceived),
      countries: unit('unit.countries', p.countries),
    }),
    tr.t('process.panel', {
      evaluators: unit('unit.evaluators', p.evaluators),
      perApplication: unit('unit.evaluators', p.evaluatorsPerApplication),
      min: p.scale.min,
      max: p.scale.max,
    }),
    tr.t('process.total'),
    tr.t(`process.normalization.${p.normalization}`),
    ...(p.consensusScores > 0 ? [tr.t('process.consensus', { count: p.consensusScores })] : []),
    ...(p.stages ? stagesSentences(p.stages, p.consensusScores > 0, tr) : []),
  ].join(' ');
}

/**
 * In a call of several stages: the stages, the criteria of the later ones, and the final ranking rule
 * (with what a consensus score stands for in a weighted mean, when one was recorded).
 */
function stagesSentences(
  stages: NonNullable<AnnexContent['process']['stages']>,
  withConsensus: boolean,
  tr: AnnexTranslator,
): string[] {
  const { finalRanking } = stages;
  return [
    tr.t('process.stages', { count: stages.names.length, names: stages.names.join('; ') }),
    ...stages.later.map((stage) =>
      tr.t('process.stage', {
        position: stage.position,
        name: stage.name,
        criteria: stage.criteria.map((c) => `${c.title} (${tr.number(c.weight)})`).join('; '),
      }),
    ),
    finalRanking.rule === 'weighted'
      ? tr.t('process.final.weighted', {
          weights: Object.entries(finalRanking.weights)
            .map(([position, weight]) => tr.t('process.weight', { position, weight: tr.number(weight) }))
            .join('; '),
        })
      : tr.t('process.final.lastStage'),
    ...(finalRanking.rule === 'weighted' && withConsensus ? [tr.t('process.final.weightedConsensus')] : []),
  ];
}

export function criteriaTable(content: AnnexContent, tr: AnnexTranslator): TableSpec {
  const criteria = content.process.criteria;
  return {
    size: TABLE_TEXT_SIZE,
    columns: [
      { header: tr.t('criteria.code'), width: 0.12, unbreakable: true },
      { header: tr.t('criteria.title'), width: 0.54 },
      { header: tr.t('criteria.weight'), width: 0.16, align: 'right' },
      { header: tr.t('criteria.share'), width: 0.18, align: 'right' },
    ],
    rows: criteriaWithShares(criteria).map((c) => [c.code, c.title, tr.number(c.weight), tr.percent(c.share)]),
    totals: ['', tr.t('criteria.total'), tr.number(totalWeight(criteria)), tr.percent(criteria.length > 0 ? 1 : 0)],
  };
}

export interface RegionSection {
  /** The region and its number of centres. */
  heading: string;
  /** Above the table's header on a page it continues onto. */
  continued: string;
  table: TableSpec;
}

/** The selected centres, one table per region in ITU order, numbered across regions. */
export function centresByRegion(content: AnnexContent, tr: AnnexTranslator): RegionSection[] {
  let number = 0;
  return groupMembersByRegion(content.members, tr.collator).map((group) => {
    const region = tr.t(`region.${group.region}`);
    const rows = group.members.map((member) => {
      number += 1;
      return [tr.number(number), member.name, member.city ?? NO_CITY, member.countryName];
    });
    const centres = tr.t('unit.centres', { count: group.members.length });
    return {
      heading: tr.t('centres.regionHeading', { region, centres }),
      continued: tr.t('centres.regionContinued', { region }),
      table: {
        size: TABLE_TEXT_SIZE,
        columns: [
          { header: tr.t('centres.number'), width: 0.07, align: 'right' },
          { header: tr.t('centres.name'), width: 0.47 },
          { header: tr.t('centres.city'), width: 0.2 },
          { header: tr.t('centres.country'), width: 0.26 },
        ],
        rows,
      },
    };
  });
}

/** The note that tells how to verify the list against the published document's hash. */
export function integrityNoteParts(content: AnnexContent, tr: AnnexTranslator) {
  return {
    heading: tr.t('integrity.heading'),
    label: tr.t('integrity.hash'),
    howTo: tr.t('integrity.howTo'),
    // On a line of its own: wrapped inside the sentence, the path would break at a slash.
    request: PUBLIC_COHORT_REQUEST + content.cohortId,
  };
}
