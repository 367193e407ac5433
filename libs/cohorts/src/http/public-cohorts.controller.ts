import { Controller, Get, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Page, PageOf, PageQueryDto, Public } from '@app/platform';
import { PublicCohort, PublicCohortsService } from '../application/public-cohorts.service';
import { AnnexQueryDto, PublicCohortDto } from './cohort.dto';

const ID = new ParseUUIDPipe();
const binary = (type: string) => ({ [type]: { schema: { type: 'string', format: 'binary' } } });

/** Published cohorts, for anyone: the document whose hash anyone can check, and the annexes. */
@ApiTags('public')
@Controller('public/cohorts')
export class PublicCohortsController {
  constructor(private readonly cohorts: PublicCohortsService) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: PageOf(PublicCohortDto) })
  list(@Query() page: PageQueryDto): Promise<Page<PublicCohort>> {
    return this.cohorts.list(page);
  }

  /** contentHash = SHA-256 (hex) of this document without contentHash, in canonical JSON (DESIGN §6). */
  @Get(':id')
  @Public()
  @ApiOkResponse({ type: PublicCohortDto })
  get(@Param('id', ID) id: string): Promise<PublicCohort> {
    return this.cohorts.get(id);
  }

  /** The selected centres as CSV (UTF-8 with a byte-order mark). */
  @Get(':id/annex.csv')
  @Public()
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The list of selected centres.', content: binary('text/csv') })
  async csv(@Param('id', ID) id: string): Promise<StreamableFile> {
    return new StreamableFile(Buffer.from(await this.cohorts.annexCsv(id), 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="cohort-${id}.csv"`,
    });
  }

  /** The annexes of the announcement: the evaluation process and the selected centres by region. */
  @Get(':id/annex.pdf')
  @Public()
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The annexes, in English or French.', content: binary('application/pdf') })
  async pdf(@Param('id', ID) id: string, @Query() query: AnnexQueryDto): Promise<StreamableFile> {
    const pdf = await this.cohorts.annexPdf(id, query.lang);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      length: pdf.length,
      disposition: `inline; filename="cohort-${id}-annex-${query.lang}.pdf"`,
    });
  }
}
