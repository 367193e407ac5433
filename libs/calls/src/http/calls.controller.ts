import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser, IfMatchVersion, Page, PageOf, Public, Staff } from '@app/platform';
import { CallsService } from '../application/calls.service';
import { Call } from '../domain/call';
import type { Language } from '@app/platform/languages';
import { CallDto, CallListQueryDto, CopyCallDto, CreateCallDto, UpdateCallDto } from './call.dto';
import { CallLanguageQueryDto, ReaderLanguage } from './call-translations.dto';
import { SavedLanguageInterceptor } from './saved-language.interceptor';
import { toCallCopy, toCallDefinition, toCallDto, toCallPatch } from './call.mapper';

const ID = new ParseUUIDPipe();

@ApiTags('calls')
@Controller('calls')
@UseInterceptors(SavedLanguageInterceptor)
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  /** Creates a draft call with its criteria, questions and rules. */
  @Post()
  @Staff()
  @ApiCreatedResponse({ type: CallDto })
  async create(
    @CurrentUser() actor: AuthUser,
    @Body() body: CreateCallDto,
    @ReaderLanguage() language: Language,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.calls.create(actor, toCallDefinition(body)), language);
  }

  /**
   * A new draft with the criteria, questions, eligibility, selection, scoring and assignment rules of
   * the call named; its reference and window are given anew, its title defaults to the source's "(copy)".
   */
  @Post(':id/copy')
  @Staff()
  @ApiCreatedResponse({ type: CallDto })
  async copy(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) id: string,
    @Body() body: CopyCallDto,
    @ReaderLanguage() language: Language,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.calls.copy(actor, id, toCallCopy(body)), language);
  }

  /** The public sees open calls and those whose cohort is published; the secretariat every call; both filter by `status`. */
  @Get()
  @Public()
  @ApiOkResponse({ type: PageOf(CallDto) })
  async list(
    @CurrentUser() actor: AuthUser | undefined,
    @Query() query: CallListQueryDto,
    @ReaderLanguage() language: Language,
  ): Promise<Page<CallDto>> {
    const page = await this.calls.list(actor, query);
    return { items: page.items.map((call) => toCallDto(call, language)), total: page.total };
  }

  @Get(':id')
  @Public()
  @ApiOkResponse({ type: CallDto })
  async get(
    @CurrentUser() actor: AuthUser | undefined,
    @Param('id', ID) id: string,
    @Query() _query: CallLanguageQueryDto,
    @ReaderLanguage() language: Language,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CallDto> {
    return withEtag(res, await this.calls.getVisible(actor, id), language);
  }

  /** Any field while draft; afterwards only an extension of closesAt and the criteria weights. */
  @Patch(':id')
  @Staff()
  @ApiHeader({ name: 'If-Match', required: true, description: 'The version last read, e.g. "3".' })
  @ApiOkResponse({ type: CallDto })
  async update(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) id: string,
    @IfMatchVersion() version: number,
    @Body() body: UpdateCallDto,
    @ReaderLanguage() language: Language,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CallDto> {
    return withEtag(res, await this.calls.update(actor, id, version, toCallPatch(body)), language);
  }

  @Post(':id/open')
  @HttpCode(200)
  @Staff()
  @ApiOkResponse({ type: CallDto })
  async open(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) id: string,
    @ReaderLanguage() language: Language,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.calls.transition(actor, id, 'open'), language);
  }

  /** Closes the call now, before its deadline if need be. */
  @Post(':id/close')
  @HttpCode(200)
  @Staff()
  @ApiOkResponse({ type: CallDto })
  async close(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) id: string,
    @ReaderLanguage() language: Language,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.calls.transition(actor, id, 'close'), language);
  }

  /** Files away a call whose cohort is published: it leaves the current calls, stays public and readable. */
  @Post(':id/archive')
  @HttpCode(200)
  @Staff()
  @ApiOkResponse({ type: CallDto })
  async archive(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) id: string,
    @ReaderLanguage() language: Language,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.calls.transition(actor, id, 'archive'), language);
  }
}

function withEtag(res: Response, call: Call, language: Language): CallDto {
  res.setHeader('ETag', `"${call.version}"`);
  return toCallDto(call, language);
}
