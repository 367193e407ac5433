import { Type as NestType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** PostgreSQL `integer`'s range: the bounds of every body integer that reaches such a column or a cast. */
export const MAX_INT32 = 2_147_483_647;
export const MIN_INT32 = -2_147_483_648;

/** The largest page a list answers (API.md "Lists"). */
export const MAX_PAGE_SIZE = 500;

/**
 * Beyond it a query-string number is no longer exact in JavaScript (9007199254740993 reads as
 * ...992); PostgreSQL's OFFSET (a bigint) takes all below it.
 */
export const MAX_OFFSET = Number.MAX_SAFE_INTEGER;

/**
 * A query-string integer: only plain decimal digits become a number; anything else ("1e20", "0x10",
 * " 5", "") stays a string that @IsInt refuses, naming the parameter.
 */
export const toQueryInteger = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d{1,20}$/.test(value) ? Number(value) : value;

export class PageQueryDto {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Transform(toQueryInteger)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = 50;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: MAX_OFFSET })
  @IsOptional()
  @Transform(toQueryInteger)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset: number = 0;
}

/** Where a page starts and how long it is, as the paging parameters give them. */
export interface PageQuery {
  limit: number;
  offset: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}

const pageClasses = new Map<NestType, NestType>();

/** The OpenAPI shape `{ items: Item[], total }` of a list endpoint, one named class per item type. */
export function PageOf<T>(item: NestType<T>): NestType<Page<T>> {
  const known = pageClasses.get(item);
  if (known) return known as NestType<Page<T>>;
  class PageDto implements Page<T> {
    @ApiProperty({ type: [item] })
    items: T[];

    @ApiProperty({ type: 'integer', minimum: 0 })
    total: number;
  }
  Object.defineProperty(PageDto, 'name', { value: `${item.name.replace(/Dto$/, '')}PageDto` });
  pageClasses.set(item, PageDto);
  return PageDto;
}
