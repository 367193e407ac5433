import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { MAX_EXPERTISE_KEYWORDS } from '@app/calls';
import { MAX_EXPERTISE_DESCRIPTION_LENGTH } from '../domain/expertise-profiles';
import { AutoAssignmentDto } from './evaluation.dto';

export class DeclareExpertiseDto {
  /** Keywords from the call's list (`availableKeywords`); anything else is refused (UNKNOWN_EXPERTISE_KEYWORD). */
  @ApiProperty({ type: [String], maxItems: MAX_EXPERTISE_KEYWORDS })
  @IsArray()
  @ArrayMaxSize(MAX_EXPERTISE_KEYWORDS)
  @IsString({ each: true })
  keywords: string[];

  /** The evaluator's expertise in its own words. */
  @ApiPropertyOptional({ maxLength: MAX_EXPERTISE_DESCRIPTION_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_EXPERTISE_DESCRIPTION_LENGTH)
  description?: string;
}

export class OwnExpertiseDto {
  @ApiProperty({ format: 'uuid' })
  callId: string;
  /** The call's keywords, to choose from. */
  availableKeywords: string[];
  keywords: string[];
  description: string;
  /** When the evaluator last declared it; null when it never did. */
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  updatedAt: Date | null;
}

export class CallExpertiseDto extends OwnExpertiseDto {
  title: string;
  reference: string;
}

export class DeclaredExpertiseDto {
  @ApiProperty({ format: 'uuid' })
  evaluatorId: string;
  displayName: string;
  keywords: string[];
  description: string;
  updatedAt: Date;
}

/** Optional: without a body the run is exact and written, as before. */
export class AutoAssignmentRequestDto {
  /**
   * Randomise: no evaluator–application pair is drawn with a probability above q (0 < q ≤ 1,
   * applied in steps of 0.001). Absent: the exact assignment of greatest total affinity.
   */
  @ApiPropertyOptional({ minimum: 0.001, maximum: 1, example: 0.5 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.001)
  @Max(1)
  maxPairProbability?: number;

  /** The draw's seed (with `maxPairProbability`); one is generated, and answered, when absent. */
  @ApiPropertyOptional({ minimum: 0, maximum: 2147483647 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2147483647)
  seed?: number;

  /** Answer the proposal without writing anything (false when absent). */
  // No schema default: the web's generated types would then require it.
  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

export class ProposedAssignmentDto {
  @ApiProperty({ format: 'uuid' })
  applicationId: string;
  @ApiProperty({ format: 'uuid' })
  evaluatorId: string;
  /** The evaluator's affinity for the application, in [0, 1]. */
  affinity: number;
}

export class WorstServedDto {
  @ApiProperty({ format: 'uuid' })
  applicationId: string;
  /** The mean affinity of its evaluators. */
  meanAffinity: number;
}

export class AffinityAssignmentReportDto extends AutoAssignmentDto {
  /** Mean affinity over the stage's live assignments on the panel after the run; null when none. */
  @ApiProperty({ type: Number, nullable: true })
  meanAffinity: number | null;
  /** The application whose evaluators have the lowest mean affinity; null when none has any. */
  @ApiProperty({ type: WorstServedDto, nullable: true })
  worstServed: WorstServedDto | null;
  /** The cap applied on each pair's probability; null for the exact assignment. */
  @ApiProperty({ type: Number, nullable: true })
  maxPairProbability: number | null;
  /** The seed of the draw (recorded in the audit trail); null for the exact assignment. */
  @ApiProperty({ type: Number, nullable: true })
  seed: number | null;
  dryRun: boolean;
  /** In a dry run, the assignments that would be made; null otherwise (they are in GET …/assignments). */
  @ApiProperty({ type: [ProposedAssignmentDto], nullable: true })
  proposal: ProposedAssignmentDto[] | null;
}
