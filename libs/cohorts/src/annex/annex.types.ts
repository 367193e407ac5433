/** ITU-D (BDT) regions, in the order ITU documents list them. */
export const ANNEX_REGIONS = ['AFR', 'AMS', 'ARB', 'ASP', 'CIS', 'EUR'] as const;
export type AnnexRegion = (typeof ANNEX_REGIONS)[number];

export interface AnnexCriterion {
  code: string;
  title: string;
  /** As configured on the call; the annex also shows it as a share of the sum of all weights. */
  weight: number;
}

export interface AnnexMember {
  name: string;
  city: string | null;
  countryCode: string;
  /** Already in the language of the annex. */
  countryName: string;
  region: AnnexRegion;
}

/** Everything the annex shows, taken from the published cohort and its call. */
export interface AnnexContent {
  /** Id of the published cohort, so that readers can fetch the document the hash covers. */
  cohortId: string;
  call: { reference: string; title: string };
  /** ISO 8601, UTC. */
  publishedAt: string;
  /** SHA-256 hex digest of the public snapshot (canonical JSON, without its contentHash field). */
  contentHash: string;
  process: {
    applicationsReceived: number;
    countries: number;
    selected: number;
    evaluators: number;
    evaluatorsPerApplication: number;
    normalization: 'none' | 'zscore' | 'calibrated';
    scale: { min: number; max: number };
    criteria: AnnexCriterion[];
    /** Applications a moderator's consensus score ranked instead of their evaluators' mean (0: the annex says nothing of it). */
    consensusScores: number;
    /**
     * In a call of several review stages: the later stages with their criteria, and how the final
     * ranking was made (the last stage's, or the weighted mean of stage scores, weights by position).
     * Absent in a call of one stage, whose annex reads as before stages.
     */
    stages?: {
      later: Array<{ position: number; name: string; criteria: AnnexCriterion[] }>;
      names: string[];
      finalRanking: { rule: 'last-stage' } | { rule: 'weighted'; weights: Record<string, number> };
    };
  };
  members: AnnexMember[];
}
