import { Logger, applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiPropertyOptional } from '@nestjs/swagger';
import type { Response } from 'express';
import { IsIn, IsOptional } from 'class-validator';
import { EXPORT_FORMATS, EXPORT_MEDIA_TYPES, ExportFormat, ExportTable, writeTable } from './table-export';

/** The `format` query parameter of an export. */
export class ExportFormatQueryDto {
  /** CSV (RFC 4180, UTF-8 with a byte-order mark) or an Excel workbook. */
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat = 'csv';
}

/** The OpenAPI description of an export: a CSV document or a workbook, by `format`. */
export const ApiTableExport = (description: string) =>
  applyDecorators(
    ApiProduces(...Object.values(EXPORT_MEDIA_TYPES)),
    ApiOkResponse({
      description,
      content: Object.fromEntries(
        Object.values(EXPORT_MEDIA_TYPES).map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
      ),
    }),
  );

const logger = new Logger('Export');

/**
 * Sends the table as a file named `<name>.<format>`, streamed as the rows come. What may be refused
 * (an unknown call) is checked before; a failure while the rows stream comes after the status was
 * sent, so the connection is cut and the client sees an incomplete download, not a truncated file
 * that looks complete.
 */
export async function sendTable<Row>(
  res: Response,
  format: ExportFormat,
  name: string,
  table: ExportTable<Row>,
): Promise<void> {
  res.setHeader('Content-Type', EXPORT_MEDIA_TYPES[format]);
  res.setHeader('Content-Disposition', `attachment; filename="${name}.${format}"`);
  res.setHeader('Cache-Control', 'no-store');
  try {
    await writeTable(format, res, table);
  } catch (error) {
    logger.warn(`Export ${name}.${format} cut short: ${(error as Error).message}`);
    res.destroy();
  }
}
