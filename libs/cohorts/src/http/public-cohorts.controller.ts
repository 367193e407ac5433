import { Controller, Get, Headers, Param, ParseUUIDPipe, Query, Res, applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Page, PageOf, PageQueryDto, Public } from '@app/platform';
import { CSV_ANNEX_LOCALE, CohortAnnexesService, StoredAnnex } from '../application/cohort-annexes.service';
import { CohortAmendment } from '../domain/cohort-amendment';
import { CurrentCohortList, PublicCohort, PublicCohortsService } from '../application/public-cohorts.service';
import { AnnexQueryDto, PublicCohortDto } from './cohort.dto';
import { CohortAmendmentDto, CurrentCohortDto } from './offer.dto';

const ID = new ParseUUIDPipe();

/**
 * An annex never changes once published: any cache may keep it for good, and revalidate by its ETag.
 * No transformation either: the strong ETag is the hash of these very bytes, which compression would change.
 */
const IMMUTABLE = 'public, max-age=31536000, immutable, no-transform';

const AnnexResponses = (type: string, description: string) =>
  applyDecorators(
    ApiProduces(type),
    ApiHeader({ name: 'If-None-Match', required: false, description: 'The ETag of a copy already held.' }),
    ApiOkResponse({
      description,
      content: { [type]: { schema: { type: 'string', format: 'binary' } } },
      headers: {
        ETag: { description: 'Strong: the SHA-256 (hex) of the bytes, in quotes.', schema: { type: 'string' } },
        'Cache-Control': { schema: { type: 'string', example: IMMUTABLE } },
      },
    }),
    ApiResponse({ status: 304, description: 'The copy of that ETag is current; no body.' }),
  );

/** Published cohorts, for anyone: the document whose hash anyone can check, and the annexes. */
@ApiTags('public')
@Controller('public/cohorts')
export class PublicCohortsController {
  constructor(
    private readonly cohorts: PublicCohortsService,
    private readonly annexes: CohortAnnexesService,
  ) {}

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

  /**
   * The changes since publication (a centre declining its offer), first first: each one's hash
   * covers the one before, from the published document's contentHash on.
   */
  @Get(':id/amendments')
  @Public()
  @ApiOkResponse({ type: PageOf(CohortAmendmentDto) })
  amendments(@Param('id', ID) id: string, @Query() page: PageQueryDto): Promise<Page<CohortAmendment>> {
    return this.cohorts.amendments(id, page);
  }

  /** The list as it stands after its amendments; GET /public/cohorts/{id} stays the published document. */
  @Get(':id/current')
  @Public()
  @ApiOkResponse({ type: CurrentCohortDto })
  current(@Param('id', ID) id: string): Promise<CurrentCohortList> {
    return this.cohorts.current(id);
  }

  /** The selected centres as CSV (UTF-8 with a byte-order mark), as stored at publication. */
  @Get(':id/annex.csv')
  @Public()
  @AnnexResponses('text/csv', 'The list of selected centres.')
  async csv(
    @Param('id', ID) id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const annex = await this.annexes.get(id, { format: 'csv', locale: CSV_ANNEX_LOCALE });
    sendAnnex(res, annex, ifNoneMatch, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="cohort-${id}.csv"`,
    });
  }

  /** The annexes of the announcement: the evaluation process and the selected centres by region. */
  @Get(':id/annex.pdf')
  @Public()
  @AnnexResponses('application/pdf', 'The annexes, in English or French, as rendered at publication.')
  async pdf(
    @Param('id', ID) id: string,
    @Query() query: AnnexQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const annex = await this.annexes.get(id, { format: 'pdf', locale: query.lang });
    sendAnnex(res, annex, ifNoneMatch, {
      type: 'application/pdf',
      disposition: `inline; filename="cohort-${id}-annex-${query.lang}.pdf"`,
    });
  }

  /**
   * The results circular: the letter announcing the cohort, with its figures, and Annexes I (the
   * programme), II (the evaluation process) and III (the centres by region), as rendered at publication.
   */
  @Get(':id/circular.pdf')
  @Public()
  @AnnexResponses('application/pdf', 'The results circular, in English or French, as rendered at publication.')
  async circularPdf(
    @Param('id', ID) id: string,
    @Query() query: AnnexQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const circular = await this.annexes.get(id, { format: 'circular-pdf', locale: query.lang });
    sendAnnex(res, circular, ifNoneMatch, {
      type: 'application/pdf',
      disposition: `inline; filename="cohort-${id}-circular-${query.lang}.pdf"`,
    });
  }

  /** The same circular as an accessible HTML page. */
  @Get(':id/circular.html')
  @Public()
  @AnnexResponses('text/html', 'The results circular as HTML, in English or French, as rendered at publication.')
  async circularHtml(
    @Param('id', ID) id: string,
    @Query() query: AnnexQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const circular = await this.annexes.get(id, { format: 'circular-html', locale: query.lang });
    sendAnnex(res, circular, ifNoneMatch, {
      type: 'text/html; charset=utf-8',
      disposition: `inline; filename="cohort-${id}-circular-${query.lang}.html"`,
    });
  }
}

/** The stored bytes with a strong ETag, or 304 when the client's copy is that one (RFC 9110 §13.1.2). */
function sendAnnex(
  res: Response,
  annex: StoredAnnex,
  ifNoneMatch: string | undefined,
  file: { type: string; disposition: string },
): void {
  const etag = `"${annex.sha256}"`;
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', IMMUTABLE);
  const held = (ifNoneMatch ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (held.includes(etag) || held.includes('*')) {
    res.status(304).end();
    return;
  }
  res.status(200).type(file.type).setHeader('Content-Disposition', file.disposition);
  res.setHeader('Content-Length', annex.content.length);
  res.end(annex.content);
}
