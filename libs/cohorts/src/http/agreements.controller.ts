import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  AcceptsOneDocument,
  ServesDocumentBytes,
  UploadedFile as UploadedDocument,
  documentDownload,
} from '@app/applications';
import {
  Authenticated,
  AuthUser,
  CurrentUser,
  Page,
  PageOf,
  PageQueryDto,
  Public,
  Roles,
  Staff,
  ValidationError,
} from '@app/platform';
import { CooperationAgreementsService } from '../application/cooperation-agreements.service';
import type { AgreementTerms, CooperationAgreement, DirectoryEntry } from '../infrastructure/agreements.repository';
import {
  AgreementDto,
  AgreementTermsDto,
  DirectoryEntryDto,
  IssuedAgreementsDto,
  ReturnAgreementDto,
  SignedCopyFormDto,
  WriteAgreementTermsDto,
} from './agreement.dto';
import { AnnexQueryDto } from './cohort.dto';

const ID = new ParseUUIDPipe();

/**
 * Cooperation agreements with the centres that accepted their place: the terms per call, issue,
 * the centre's signed copy, the secretariat's countersignature; and the network's public directory.
 */
@ApiTags('cohorts')
@Controller()
export class AgreementsController {
  constructor(private readonly agreements: CooperationAgreementsService) {}

  /** The terms of the call's cooperation agreements; 404 until written. */
  @Get('calls/:id/agreement-terms')
  @Staff()
  @ApiOkResponse({ type: AgreementTermsDto })
  async terms(@Param('id', ID) callId: string): Promise<AgreementTermsDto> {
    return toTermsDto(await this.agreements.terms(callId));
  }

  /** Writes the terms; agreements issued from now on carry them, those issued keep theirs. */
  @Put('calls/:id/agreement-terms')
  @Staff()
  @ApiOkResponse({ type: AgreementTermsDto })
  async writeTerms(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Body() body: WriteAgreementTermsDto,
  ): Promise<AgreementTermsDto> {
    return toTermsDto(await this.agreements.writeTerms(actor, callId, body.terms));
  }

  /**
   * Issues an agreement to each centre that accepted its place and has none yet, each told by
   * e-mail; again later for centres that accept since. 409 AGREEMENT_TERMS_MISSING before the terms.
   */
  @Post('cohorts/:id/agreements')
  @HttpCode(200)
  @Staff()
  @ApiOkResponse({ type: IssuedAgreementsDto })
  async issue(@CurrentUser() actor: AuthUser, @Param('id', ID) cohortId: string): Promise<IssuedAgreementsDto> {
    return { issued: await this.agreements.issue(actor, cohortId) };
  }

  /** The cohort's agreements, by centre name. */
  @Get('cohorts/:id/agreements')
  @Staff()
  @ApiOkResponse({ type: PageOf(AgreementDto) })
  async list(@Param('id', ID) cohortId: string, @Query() query: PageQueryDto): Promise<Page<AgreementDto>> {
    const page = await this.agreements.listForCohort(cohortId, query);
    return { items: page.items.map(toAgreementDto), total: page.total };
  }

  /** The application's agreement, for its organisation's members and the secretariat; 404 before it is issued. */
  @Get('applications/:id/agreement')
  @Authenticated()
  @ApiOkResponse({ type: AgreementDto })
  async get(@CurrentUser() actor: AuthUser, @Param('id', ID) applicationId: string): Promise<AgreementDto> {
    return toAgreementDto(await this.agreements.forApplication(actor, applicationId));
  }

  /** The agreement to sign, as issued, in English or French. */
  @Get('applications/:id/agreement/document')
  @Authenticated()
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'The agreement as issued.',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  async document(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) applicationId: string,
    @Query() query: AnnexQueryDto,
  ): Promise<StreamableFile> {
    const pdf = await this.agreements.document(actor, applicationId, query.lang);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      length: pdf.length,
      disposition: `attachment; filename="cooperation-agreement-${applicationId}-${query.lang}.pdf"`,
    });
  }

  /**
   * The centre's signed copy, a PDF; it replaces an earlier one until the agreement is countersigned.
   * 415 for anything but a PDF (checked by content), 409 INVALID_TRANSITION once countersigned.
   */
  @Post('applications/:id/agreement/signed-copy')
  @HttpCode(200)
  @Roles('applicant')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: SignedCopyFormDto })
  @ApiOkResponse({ type: AgreementDto })
  @AcceptsOneDocument()
  async sign(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) applicationId: string,
    @UploadedFile() file: UploadedDocument | undefined,
  ): Promise<AgreementDto> {
    if (!file) throw new ValidationError([{ field: 'file', message: 'a file is required (multipart field "file")' }]);
    return toAgreementDto(await this.agreements.sign(actor, applicationId, file));
  }

  /** The signed copy the centre uploaded last. */
  @Get('applications/:id/agreement/signed-copy')
  @Authenticated()
  @ServesDocumentBytes()
  async signedCopy(@CurrentUser() actor: AuthUser, @Param('id', ID) applicationId: string): Promise<StreamableFile> {
    return documentDownload(await this.agreements.signedCopy(actor, applicationId));
  }

  /** Sends the signed copy back to the centre with what to correct; 409 INVALID_TRANSITION unless signed. */
  @Post('applications/:id/agreement/return')
  @HttpCode(200)
  @Staff()
  @ApiOkResponse({ type: AgreementDto })
  async returnCopy(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) applicationId: string,
    @Body() body: ReturnAgreementDto,
  ): Promise<AgreementDto> {
    return toAgreementDto(await this.agreements.returnCopy(actor, applicationId, body.reason));
  }

  /** Countersigns the signed agreement: it is in force, the centre joins the directory. */
  @Post('applications/:id/agreement/countersignature')
  @HttpCode(200)
  @Staff()
  @ApiOkResponse({ type: AgreementDto })
  async countersign(@CurrentUser() actor: AuthUser, @Param('id', ID) applicationId: string): Promise<AgreementDto> {
    return toAgreementDto(await this.agreements.countersign(actor, applicationId));
  }

  /** The network's centres: those whose cooperation agreement is countersigned, by name. */
  @Get('public/directory')
  @Public()
  @ApiTags('public')
  @ApiOkResponse({ type: PageOf(DirectoryEntryDto) })
  async directory(@Query() query: PageQueryDto): Promise<Page<DirectoryEntryDto>> {
    const page = await this.agreements.directory(query);
    return { items: page.items.map(toDirectoryEntryDto), total: page.total };
  }
}

function toTermsDto(terms: AgreementTerms): AgreementTermsDto {
  return { callId: terms.callId, terms: terms.terms, updatedAt: terms.updatedAt.toISOString() };
}

function toAgreementDto(agreement: CooperationAgreement): AgreementDto {
  const copy = agreement.signedCopy;
  return {
    applicationId: agreement.applicationId,
    cohortId: agreement.cohortId,
    status: agreement.status,
    centre: agreement.document.centre,
    call: agreement.document.call,
    terms: agreement.document.terms,
    issuedAt: agreement.issuedAt.toISOString(),
    signedAt: agreement.signedAt?.toISOString() ?? null,
    countersignedAt: agreement.countersignedAt?.toISOString() ?? null,
    returnReason: agreement.returnReason,
    centreWithdrawn: agreement.centreWithdrawn,
    signedCopy: copy && {
      filename: copy.filename,
      size: copy.size,
      sha256: copy.sha256,
      uploadedAt: copy.uploadedAt.toISOString(),
    },
  };
}

function toDirectoryEntryDto({ centre, call, since }: DirectoryEntry): DirectoryEntryDto {
  return {
    name: centre.name,
    city: centre.city,
    countryCode: centre.countryCode,
    countryName: centre.countryName,
    region: centre.region,
    call,
    since: since.toISOString(),
  };
}
