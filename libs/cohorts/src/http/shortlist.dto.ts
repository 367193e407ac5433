import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { MAX_STAGES } from '@app/calls';
import { MAX_INT32, PageQueryDto, toQueryInteger, trimmed } from '@app/platform';
import { EntryOrganisationDto } from './cohort.dto';

/** The call and the stage a shortlist leads into, from the path. */
export class ShortlistPathDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty({ minimum: 2, maximum: MAX_STAGES, description: 'The stage the shortlisted applications advance to.' })
  @Transform(toQueryInteger)
  @IsInt()
  @Min(1)
  @Max(MAX_STAGES)
  stage: number;
}

/** The rule: the best `size`, those scoring at least `minScore`, or the best `size` of those. */
export class ProposeShortlistDto {
  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INT32)
  size?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  minScore?: number;

  /** Keep the call's regional minimums (selection.minPerRegion) feasible for the final cohort. */
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  keepRegionalMinimums?: boolean;
}

/** The secretariat's changes to a proposed shortlist, with the reason written on each entry changed. */
export class AmendShortlistDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  advance?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  holdBack?: string[];

  @Transform(trimmed)
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}

export class ShortlistEntriesQueryDto extends PageQueryDto {}

export class ShortlistEntryDto {
  @ApiProperty({ format: 'uuid' })
  applicationId: string;
  @ApiProperty({ type: 'integer', nullable: true })
  rank: number | null;
  @ApiProperty({ type: 'number', nullable: true })
  score: number | null;
  advancing: boolean;
  /**
   * Why it advances (WITHIN_SIZE, MEETS_MIN_SCORE, KEEPS_REGIONAL_MINIMUM, ADVANCED_BY_SECRETARIAT) or
   * not (COHORT_FULL: the size is reached, SEAT_RESERVED_FOR_REGION, BELOW_MIN_SCORE, NOT_FULLY_EVALUATED,
   * INELIGIBLE, WITHDRAWN, HELD_BACK_BY_SECRETARIAT).
   */
  reason: string;
  /** The secretariat's written reason, on the entries it changed. */
  @ApiPropertyOptional()
  note?: string;
  @ApiProperty({ type: EntryOrganisationDto })
  organisation: EntryOrganisationDto;
}

export class ShortlistRuleDto {
  @ApiPropertyOptional()
  size?: number;
  @ApiPropertyOptional()
  minScore?: number;
  keepRegionalMinimums: boolean;
}

export class ShortlistEntriesPageDto {
  @ApiProperty({ type: [ShortlistEntryDto] })
  items: ShortlistEntryDto[];
  total: number;
}

export class ShortlistDto {
  @ApiProperty({ format: 'uuid' })
  callId: string;
  /** The stage the advancing applications are evaluated in next; the ranking is the stage before's. */
  stage: number;
  @ApiProperty({ enum: ['proposed', 'confirmed'] })
  status: 'proposed' | 'confirmed';
  @ApiProperty({ type: ShortlistRuleDto })
  rule: ShortlistRuleDto;
  /** How many applications advance. */
  advancing: number;
  proposedAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  confirmedAt: Date | null;
  /** A page of the entries, every ranked application by rank, then the others. */
  @ApiProperty({ type: ShortlistEntriesPageDto })
  entries: ShortlistEntriesPageDto;
}
