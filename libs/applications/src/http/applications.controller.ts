import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Put,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { applicationCallOf } from '@app/calls';
import {
  ApiTableExport,
  AuthUser,
  Authenticated,
  CurrentUser,
  IfMatchVersion,
  Page,
  PageOf,
  PageQueryDto,
  Roles,
  Staff,
  ValidationError,
  parseSort,
  sendTable,
} from '@app/platform';
import { ApplicationExport } from '../application/application-export';
import { ApplicationListQuery } from '../application/application-list.query';
import { ApplicationView, ApplicationsService } from '../application/applications.service';
import { RepliesService } from '../application/replies.service';
import { UploadedFile as UploadedDocument } from '../application/document-inspector';
import { DocumentsService } from '../application/documents.service';
import { Application } from '../domain/application';
import {
  ApplicationDto,
  ApplicationExportQueryDto,
  ApplicationListQueryDto,
  CallApplicationDto,
  CreateApplicationDto,
  DocumentDto,
  EligibilityDecisionDto,
  ReplyDecisionRequestDto,
  SessionPreferencesDto,
  UpdateApplicationDto,
  UploadDocumentDto,
  UploadDocumentFormDto,
} from './application.dto';
import { toApplicationDto, toDocumentDto } from './application.mapper';
import { AcceptsOneDocument, ServesDocumentBytes, documentDownload } from './document-transfer';

const ID = new ParseUUIDPipe();

@ApiTags('applications')
@Controller()
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly replies: RepliesService,
    private readonly documents: DocumentsService,
    private readonly lists: ApplicationListQuery,
    private readonly exports: ApplicationExport,
  ) {}

  /** Starts the caller's organisation's draft application to an open call. */
  @Post('calls/:id/applications')
  @Roles('applicant')
  @ApiCreatedResponse({ type: ApplicationDto })
  async create(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Body() body: CreateApplicationDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ApplicationDto> {
    return this.respond(res, await this.applications.createDraft(actor, callId, body.answers ?? {}));
  }

  /** The call's applications with who applied, filtered, searched and sorted, a page at a time. */
  @Get('calls/:id/applications')
  @Staff()
  @ApiOkResponse({ type: PageOf(CallApplicationDto) })
  async listForCall(
    @Param('id', ID) callId: string,
    @Query() query: ApplicationListQueryDto,
  ): Promise<Page<CallApplicationDto>> {
    const sort = parseSort(query.sort, { key: 'createdAt', descending: false });
    const { call, page } = await this.lists.page(callId, { ...query, sort });
    const documents = await this.documents.list(page.items.map((a) => a.id));
    const calls = new Map([[call.id, applicationCallOf(call)]]);
    return {
      items: page.items.map((a) => ({ ...toApplicationDto(a, documents, calls), organisation: a.organisation })),
      total: page.total,
    };
  }

  /** Every application the list's filters find, in its order, with every answer: CSV or a workbook. Audited. */
  @Get('calls/:id/applications/export')
  @Staff()
  @ApiTableExport('The applications, a row each, a column per question.')
  async exportForCall(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Query() query: ApplicationExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const { format, sort, ...filters } = query;
    const criteria = { ...filters, sort: parseSort(sort, { key: 'createdAt', descending: false }) };
    const table = await this.exports.table(actor, callId, criteria, format);
    await sendTable(res, format, `applications-${callId}`, table);
  }

  @Get('me/applications')
  @Authenticated()
  @ApiOkResponse({ type: PageOf(ApplicationDto) })
  async listMine(@CurrentUser() actor: AuthUser, @Query() query: PageQueryDto) {
    return this.page(await this.applications.listMine(actor, query));
  }

  @Get('applications/:id')
  @Authenticated()
  @ApiOkResponse({ type: ApplicationDto })
  async get(@CurrentUser() actor: AuthUser, @Param('id', ID) id: string, @Res({ passthrough: true }) res: Response) {
    return this.respond(res, await this.applications.get(actor, id));
  }

  /**
   * Saves draft answers; send the version you read in If-Match. 412 only when the answers changed
   * since that version: documents attached or removed meanwhile do not make it stale.
   */
  @Patch('applications/:id')
  @Roles('applicant')
  @ApiHeader({ name: 'If-Match', required: true, description: 'The version last read, e.g. "3".' })
  @ApiOkResponse({ type: ApplicationDto })
  async update(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) id: string,
    @IfMatchVersion() version: number,
    @Body() body: UpdateApplicationDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ApplicationDto> {
    return this.respond(res, await this.applications.updateAnswers(actor, id, version, body.answers));
  }

  /** Submits before the deadline; repeating it answers the same result. */
  @Post('applications/:id/submit')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOkResponse({ type: ApplicationDto })
  async submit(@CurrentUser() actor: AuthUser, @Param('id', ID) id: string, @Res({ passthrough: true }) res: Response) {
    return this.respond(res, await this.applications.submit(actor, id));
  }

  @Post('applications/:id/withdraw')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOkResponse({ type: ApplicationDto })
  async withdraw(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) id: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.respond(res, await this.applications.withdraw(actor, id));
  }

  /** The secretariat decides eligibility itself, with a reason that is kept. */
  @Post('applications/:id/eligibility')
  @HttpCode(200)
  @Staff()
  @ApiOkResponse({ type: ApplicationDto })
  async decideEligibility(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) id: string,
    @Body() body: EligibilityDecisionDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ApplicationDto> {
    return this.respond(res, await this.applications.overrideEligibility(actor, id, body.eligible, body.reason.trim()));
  }

  /** The sessions a draft reply asks for, most wanted first (a registration call with sessions). */
  @Put('applications/:id/session-preferences')
  @Roles('applicant')
  @ApiOkResponse({ type: ApplicationDto })
  async setSessionPreferences(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) id: string,
    @Body() body: SessionPreferencesDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ApplicationDto> {
    return this.respond(res, await this.replies.setSessionPreferences(actor, id, body.sessionKeys));
  }

  /** The secretariat confirms or declines a reply to a registration call, with a reason sent to its submitter. */
  @Post('applications/:id/decision')
  @HttpCode(200)
  @Staff()
  @ApiOkResponse({ type: ApplicationDto })
  async decideReply(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) id: string,
    @Body() body: ReplyDecisionRequestDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ApplicationDto> {
    return this.respond(res, await this.replies.decideReply(actor, id, body.decision, body.reason));
  }

  @Post('applications/:id/documents')
  @Roles('applicant')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadDocumentFormDto })
  @ApiCreatedResponse({ type: DocumentDto })
  @AcceptsOneDocument()
  async upload(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) id: string,
    @Body() body: UploadDocumentDto,
    @UploadedFile() file: UploadedDocument | undefined,
  ): Promise<DocumentDto> {
    if (!file) throw new ValidationError([{ field: 'file', message: 'a file is required (multipart field "file")' }]);
    return toDocumentDto(await this.documents.upload(actor, id, body.kind, file));
  }

  @Get('applications/:id/documents/:documentId')
  @Authenticated()
  @ServesDocumentBytes()
  async download(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) id: string,
    @Param('documentId', ID) documentId: string,
  ): Promise<StreamableFile> {
    return documentDownload(await this.documents.download(actor, id, documentId));
  }

  /** Removes a document from a draft. */
  @Delete('applications/:id/documents/:documentId')
  @HttpCode(204)
  @Roles('applicant')
  @ApiNoContentResponse()
  async removeDocument(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) id: string,
    @Param('documentId', ID) documentId: string,
  ): Promise<void> {
    await this.documents.remove(actor, id, documentId);
  }

  private respond(
    res: Response,
    { application, documents, call, submitter, pseudonym }: ApplicationView,
  ): ApplicationDto {
    res.setHeader('ETag', `"${application.version}"`);
    return {
      ...toApplicationDto(application, documents, new Map([[call.id, call]])),
      submittedBy: submitter,
      ...(pseudonym ? { pseudonym } : {}),
    };
  }

  private async page(page: Page<Application>): Promise<Page<ApplicationDto>> {
    const [documents, calls] = await Promise.all([
      this.documents.list(page.items.map((a) => a.id)),
      this.applications.callsOf(page.items),
    ]);
    return { items: page.items.map((a) => toApplicationDto(a, documents, calls)), total: page.total };
  }
}
