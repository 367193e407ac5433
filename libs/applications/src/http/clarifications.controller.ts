import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, Authenticated, CurrentUser, Page, PageOf, PageQueryDto, Roles, Staff } from '@app/platform';
import { ClarificationsService } from '../application/clarifications.service';
import { UploadedFile as UploadedDocument } from '../application/document-inspector';
import { Clarification } from '../domain/clarification';
import {
  AnswerClarificationDto,
  AnswerClarificationFormDto,
  ApproveClarificationDto,
  AskClarificationDto,
  CallClarificationDto,
  ClarificationDto,
  ClarificationListQueryDto,
  DeclineClarificationDto,
} from './clarification.dto';
import { AcceptsOneDocument, ServesDocumentBytes, documentDownload } from './document-transfer';

const ID = new ParseUUIDPipe();

/**
 * Questions to an applicant about its submitted application, and its answers: an assigned evaluator
 * proposes, the secretariat sends (or declines) or asks directly, the applicant answers in the portal.
 */
@ApiTags('applications')
@Controller()
export class ClarificationsController {
  constructor(private readonly clarifications: ClarificationsService) {}

  /**
   * Asks the applicant a question. An assigned evaluator's is a proposal the secretariat decides on;
   * the secretariat's is sent at once and the organisation's members are told. Submitted applications only.
   */
  @Post('applications/:id/clarifications')
  @Roles('evaluator', 'secretariat', 'admin')
  @ApiCreatedResponse({ type: ClarificationDto })
  ask(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) applicationId: string,
    @Body() body: AskClarificationDto,
  ): Promise<Clarification> {
    return this.clarifications.ask(actor, applicationId, { question: body.question, replyBy: body.replyBy });
  }

  /**
   * The application's questions and answers, oldest first: all of them for the secretariat; those
   * sent to the applicant (and its own proposals) for an evaluator; those sent to it for the applicant.
   */
  @Get('applications/:id/clarifications')
  @Authenticated()
  @ApiOkResponse({ type: PageOf(ClarificationDto) })
  listForApplication(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) applicationId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<Clarification>> {
    return this.clarifications.listForApplication(actor, applicationId, query);
  }

  /** The call's questions, filtered by status (`proposed`: the secretariat's queue), oldest first. */
  @Get('calls/:id/clarifications')
  @Staff()
  @ApiOkResponse({ type: PageOf(CallClarificationDto) })
  listForCall(
    @Param('id', ID) callId: string,
    @Query() query: ClarificationListQueryDto,
  ): Promise<Page<CallClarificationDto>> {
    const { status, ...page } = query;
    return this.clarifications.listForCall(callId, status ?? [], page);
  }

  /** Sends an evaluator's proposal to the applicant, reworded or with a new deadline when given. */
  @Post('clarifications/:id/approve')
  @HttpCode(200)
  @Staff()
  @ApiOkResponse({ type: ClarificationDto })
  approve(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) id: string,
    @Body() body: ApproveClarificationDto,
  ): Promise<Clarification> {
    return this.clarifications.approve(actor, id, { question: body.question, replyBy: body.replyBy });
  }

  /** Declines an evaluator's proposal, with the reason its evaluator reads. */
  @Post('clarifications/:id/decline')
  @HttpCode(200)
  @Staff()
  @ApiOkResponse({ type: ClarificationDto })
  decline(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) id: string,
    @Body() body: DeclineClarificationDto,
  ): Promise<Clarification> {
    return this.clarifications.decline(actor, id, body.reason);
  }

  /**
   * The applicant's answer, once, before the reply deadline (409 CLARIFICATION_EXPIRED after it):
   * text and optionally one document, checked as the application's are. The application itself is unchanged.
   */
  @Post('clarifications/:id/answer')
  @HttpCode(200)
  @Roles('applicant')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: AnswerClarificationFormDto })
  @ApiOkResponse({ type: ClarificationDto })
  @AcceptsOneDocument()
  answer(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) id: string,
    @Body() body: AnswerClarificationDto,
    @UploadedFile() file: UploadedDocument | undefined,
  ): Promise<Clarification> {
    return this.clarifications.answer(actor, id, body.answer, file);
  }

  /** The document of an answer, to those who read the request. */
  @Get('clarifications/:id/document')
  @Authenticated()
  @ServesDocumentBytes()
  async document(@CurrentUser() actor: AuthUser, @Param('id', ID) id: string): Promise<StreamableFile> {
    return documentDownload(await this.clarifications.document(actor, id));
  }
}
