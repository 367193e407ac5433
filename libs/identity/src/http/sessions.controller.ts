import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, AuthUser, CurrentUser, Page, PageOf, PageQueryDto, Roles } from '@app/platform';
import { SessionsService } from '../application/sessions.service';
import { Session } from '../domain/session';
import { SessionDto, SessionsRevokedDto } from './accounts.dto';

@ApiTags('identity')
@Controller()
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  /** The caller's live sessions (one per sign-in), the most recently used first; its own is marked current. */
  @Get('me/sessions')
  @Authenticated()
  @ApiOkResponse({ type: PageOf(SessionDto) })
  async listMine(@CurrentUser() actor: AuthUser, @Query() query: PageQueryDto): Promise<Page<SessionDto>> {
    return toSessionPage(await this.sessions.list(actor.id, query), actor.sessionId);
  }

  /** Ends one of the caller's sessions at once (its refresh and access tokens stop working); 404 for any other. */
  @Delete('me/sessions/:id')
  @HttpCode(204)
  @Authenticated()
  @ApiNoContentResponse({ description: 'The session is ended.' })
  revokeMine(@CurrentUser() actor: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.sessions.revoke(actor.id, id);
  }

  /** Ends every session of the caller but the one making the request. */
  @Post('me/sessions/revoke-others')
  @HttpCode(200)
  @Authenticated()
  @ApiOkResponse({ type: SessionsRevokedDto })
  async revokeOthers(@CurrentUser() actor: AuthUser): Promise<SessionsRevokedDto> {
    return { ended: await this.sessions.revokeAll(actor.id, { keepSessionId: actor.sessionId }) };
  }

  /** A user's live sessions, for an administrator. */
  @Get('users/:id/sessions')
  @Roles('admin')
  @ApiOkResponse({ type: PageOf(SessionDto) })
  async listOfUser(
    @CurrentUser() actor: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<SessionDto>> {
    return toSessionPage(await this.sessions.list(id, query), id === actor.id ? actor.sessionId : undefined);
  }

  /** Ends one of a user's sessions, for an administrator; 404 when the user has no such live session. */
  @Delete('users/:id/sessions/:sessionId')
  @HttpCode(204)
  @Roles('admin')
  @ApiNoContentResponse({ description: 'The session is ended.' })
  revokeOfUser(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('sessionId', new ParseUUIDPipe()) sessionId: string,
  ): Promise<void> {
    return this.sessions.revoke(id, sessionId);
  }
}

function toSessionPage(page: Page<Session>, currentSessionId: string | undefined): Page<SessionDto> {
  return { total: page.total, items: page.items.map((s) => ({ ...s, current: s.id === currentSessionId })) };
}
