import { ApiProperty } from '@nestjs/swagger';

export class ScoringStatusDto {
  /** True only when every submitted evaluation is reflected in the results. */
  upToDate: boolean;
  /** Rescoring requests not yet served. */
  pending: number;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  lastComputedAt: Date | null;
}

export class RankedOrganisationDto {
  name: string;
  countryCode: string;
  region: string;
}

export class RankingItemDto {
  rank: number;
  @ApiProperty({ format: 'uuid' })
  applicationId: string;
  @ApiProperty({ type: RankedOrganisationDto })
  organisation: RankedOrganisationDto;
  /** The raw or normalised score, per the call's normalisation setting. */
  score: number;
  rawScore: number;
  normalizedScore: number;
  evaluationCount: number;
  spread: number;
  stdDev: number;
  needsModeration: boolean;
}

export class RankingDto {
  @ApiProperty({ type: [RankingItemDto] })
  items: RankingItemDto[];
  total: number;
}
