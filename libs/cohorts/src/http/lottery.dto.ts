import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

/** Whether the call's seats at the line are filled by lot among the grey zone's candidates. */
export class LotterySettingDto {
  @ApiProperty({ format: 'uuid' })
  callId: string;
  enabled: boolean;
  /** When it was last changed; null while it never was (disabled). */
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  updatedAt: Date | null;
}

export class ConfigureLotteryDto {
  @IsBoolean()
  enabled: boolean;
}

/** A grey-zone candidate frozen with a commitment, at its rank in the ranking. */
export class LotteryCandidateDto {
  @ApiProperty({ format: 'uuid' })
  applicationId: string;
  rank: number;
}

/** A candidate's place in the lot. */
export class DrawnLotDto extends LotteryCandidateDto {
  /** SHA-256 (hex) of `<secret>:<applicationId>`. */
  key: string;
  /** The rank the lot dealt it: the lot order's j-th candidate takes the j-th best of the candidates' ranks. */
  drawnRank: number;
}

export class LotteryResultDto {
  /** In lot order (keys ascending). */
  @ApiProperty({ type: [DrawnLotDto] })
  lots: DrawnLotDto[];
  /** The candidates the selection on the drawn ranking seated, in lot order. */
  @ApiProperty({ type: [String], format: 'uuid' })
  seated: string[];
}

/** A commitment to a secret; the secret is null until its lot is drawn. */
export class LotteryCommitmentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  cohortId: string;
  @ApiProperty({ format: 'uuid' })
  callId: string;
  /** SHA-256 (hex) of the secret's 64 hexadecimal characters. */
  commitment: string;
  /** The grey zone's candidates for selection when the commitment was made, in rank order. */
  @ApiProperty({ type: [LotteryCandidateDto] })
  candidates: LotteryCandidateDto[];
  @ApiProperty({ type: 'string', format: 'date-time' })
  committedAt: Date;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  drawnAt: Date | null;
  /** 32 random bytes as 64 lowercase hexadecimal characters, revealed by the draw. */
  @ApiProperty({ type: 'string', nullable: true })
  secret: string | null;
  @ApiProperty({ type: LotteryResultDto, nullable: true })
  lot: LotteryResultDto | null;
}

/** A proposal's lottery: the call's setting, the grey zone now, and the latest commitment. */
export class CohortLotteryDto {
  @ApiProperty({ format: 'uuid' })
  cohortId: string;
  enabled: boolean;
  /** The proposal's grey zone now, in rank order (as the proposal's `greyZone`). */
  @ApiProperty({ type: [String], format: 'uuid' })
  greyZone: string[];
  /** The latest commitment, the one a draw uses; null before any. */
  @ApiProperty({ type: LotteryCommitmentDto, nullable: true })
  commitment: LotteryCommitmentDto | null;
  /** Commitments made on the proposal before the latest; they stay recorded and public. */
  earlierCommitments: number;
}

export class PublicLotDto {
  @ApiProperty({ format: 'uuid' })
  applicationId: string;
  key: string;
  drawnRank: number;
}

export class PublicLotterySeatDto {
  @ApiProperty({ format: 'uuid' })
  applicationId: string;
  name: string;
}

/** The lottery section of a published cohort's document, present only when its lot was drawn. */
export class PublicCohortLotteryDto {
  /** The procedure, `sha256-lot-order/1` (docs/rules.md, "The lottery at the line"). */
  method: string;
  commitment: string;
  @ApiProperty({ type: 'string', format: 'date-time' })
  committedAt: string;
  secret: string;
  @ApiProperty({ type: 'string', format: 'date-time' })
  drawnAt: string;
  /** The grey zone's candidates frozen with the commitment, in rank order. */
  @ApiProperty({ type: [LotteryCandidateDto] })
  greyZone: LotteryCandidateDto[];
  /** In lot order. */
  @ApiProperty({ type: [PublicLotDto] })
  lotOrder: PublicLotDto[];
  /** The candidates the draw seated, in lot order, with their organisation's name. */
  @ApiProperty({ type: [PublicLotterySeatDto] })
  seated: PublicLotterySeatDto[];
}
