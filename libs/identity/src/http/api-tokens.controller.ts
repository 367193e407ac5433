import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiTokenAccess, AuthUser, CurrentUser, Page, PageOf, PageQueryDto, Staff } from '@app/platform';
import { ApiTokensService } from '../application/api-tokens.service';
import { ApiTokenDto, CreateApiTokenDto, CreatedApiTokenDto } from './api-tokens.dto';

/** The caller's personal API tokens, for integrations; no API token reaches these routes. */
@ApiTags('identity')
@ApiTokenAccess('none')
@Controller('me/api-tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  /** Creates a token; the answer holds its secret, which is never shown again. */
  @Post()
  @Staff()
  @ApiCreatedResponse({ type: CreatedApiTokenDto })
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateApiTokenDto): Promise<CreatedApiTokenDto> {
    return this.tokens.create(actor, body);
  }

  /** The caller's tokens, newest first, with their last use; never their secrets. */
  @Get()
  @Staff()
  @ApiOkResponse({ type: PageOf(ApiTokenDto) })
  list(@CurrentUser() actor: AuthUser, @Query() query: PageQueryDto): Promise<Page<ApiTokenDto>> {
    return this.tokens.list(actor, query);
  }

  /** Revokes one of the caller's tokens: refused from the next request on; revoking again changes nothing. */
  @Delete(':id')
  @HttpCode(204)
  @Staff()
  @ApiNoContentResponse()
  async revoke(@CurrentUser() actor: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.tokens.revoke(actor, id);
  }
}
