import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { StageQueryDto } from '@app/calls';
import { PageQueryDto, sortValues } from '@app/platform';
import { PANEL_MEMBER_SORT_KEYS } from '../infrastructure/panel-members.repository';
import { PanelMemberDto } from './evaluation.dto';

/** A panel member as the paged list of the panel shows it. */
export class ListedPanelMemberDto extends PanelMemberDto {
  /** Of its live assignments, the evaluations submitted. */
  submitted: number;
}

const PANEL_MEMBER_SORTS = sortValues(PANEL_MEMBER_SORT_KEYS);

/** A page of a stage's panel (stage 1's, the call's, unless `stage` says which). */
export class PanelMemberQueryDto extends IntersectionType(PageQueryDto, StageQueryDto) {
  /**
   * What to sort by (`load`: live assignments, `submitted`: evaluations submitted), descending with a
   * leading `-`; by name by default. Members without a country or affiliation come last.
   */
  @ApiPropertyOptional({ enum: PANEL_MEMBER_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(PANEL_MEMBER_SORTS)
  sort?: string;
}
