import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto, sortValues } from '@app/platform';
import { PANEL_MEMBER_SORT_KEYS } from '../infrastructure/panel-members.repository';
import { PanelMemberDto } from './evaluation.dto';

/** A panel member as the paged list of the panel shows it. */
export class ListedPanelMemberDto extends PanelMemberDto {
  /** Of its live assignments, the evaluations submitted. */
  submitted: number;
}

const PANEL_MEMBER_SORTS = sortValues(PANEL_MEMBER_SORT_KEYS);

export class PanelMemberQueryDto extends PageQueryDto {
  /**
   * What to sort by (`load`: live assignments, `submitted`: evaluations submitted), descending with a
   * leading `-`; by name by default. Members without a country or affiliation come last.
   */
  @ApiPropertyOptional({ enum: PANEL_MEMBER_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(PANEL_MEMBER_SORTS)
  sort?: string;
}
