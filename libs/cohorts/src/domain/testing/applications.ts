import type { ApplicationForSelection, Region } from '../selection.types';

/** Countries of the examples, each in its ITU region. */
export const REGION_OF: Record<string, Region> = {
  FR: 'EUR',
  DE: 'EUR',
  IT: 'EUR',
  KE: 'AFR',
  NG: 'AFR',
  JP: 'ASP',
  BR: 'AMS',
};

/** A candidate unless told otherwise: submitted, eligible, three evaluations, score falling with rank. */
export function app(
  applicationId: string,
  rank: number | null,
  countryCode: string,
  extra: Partial<ApplicationForSelection> = {},
): ApplicationForSelection {
  return {
    applicationId,
    rank,
    score: rank === null ? null : 100 - rank,
    countryCode,
    region: REGION_OF[countryCode],
    status: 'submitted',
    eligible: true,
    evaluationCount: 3,
    ...extra,
  };
}
