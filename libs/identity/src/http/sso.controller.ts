import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiFoundResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiQuery,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public, cookieValue } from '@app/platform';
import { SsoService } from '../application/sso.service';
import { ssoErrorCode } from '../domain/sso.errors';
import { TokenPairDto } from './identity.dto';
import { SsoExchangeDto, SsoSettingsDto, SsoStartQueryDto } from './sso.dto';

/** The cookie binding a started sign-in to the browser that started it; sent back only to these routes. */
const BINDING_COOKIE = 'sso_binding';
const COOKIE_PATH = '/api/v1/auth/sso';

/**
 * Single sign-on. The browser goes to start, then to the provider, which sends it back to the
 * callback; the callback sends it to the web app, with a one-time code in the fragment of
 * /sso/complete (or to /sign-in?ssoError=CODE), which the web app exchanges for the token pair.
 */
@ApiTags('identity')
@Controller('auth/sso')
export class SsoController {
  constructor(private readonly sso: SsoService) {}

  /** Whether single sign-on is offered, and the provider's name. */
  @Get()
  @Public()
  @ApiOkResponse({ type: SsoSettingsDto })
  settings(): SsoSettingsDto {
    return this.sso.describe();
  }

  /** Sends the browser to the identity provider (authorization code with PKCE). */
  @Get('start')
  @Public()
  @ApiFoundResponse({ description: "To the identity provider's sign-in (or to /sign-in?ssoError=CODE)." })
  @ApiNotFoundResponse({ description: 'SSO_NOT_CONFIGURED' })
  async start(@Query() query: SsoStartQueryDto, @Res() response: Response): Promise<void> {
    try {
      const started = await this.sso.start({ returnTo: query.returnTo });
      response.cookie(BINDING_COOKIE, started.browserBinding, this.cookieOptions(started.maxAgeSeconds));
      redirect(response, started.url);
    } catch (error) {
      redirect(response, this.toSignIn(error));
    }
  }

  /** The identity provider's answer: signs in, then sends the browser to the web app. */
  @Get('callback')
  @Public()
  @ApiQuery({ name: 'code', required: false, type: String })
  @ApiQuery({ name: 'state', required: false, type: String })
  @ApiQuery({ name: 'iss', required: false, type: String })
  @ApiQuery({ name: 'error', required: false, type: String })
  @ApiQuery({ name: 'error_description', required: false, type: String })
  @ApiFoundResponse({ description: 'To /sso/complete#code=… once signed in, or to /sign-in?ssoError=CODE.' })
  @ApiNotFoundResponse({ description: 'SSO_NOT_CONFIGURED' })
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const query = request.originalUrl.includes('?') ? request.originalUrl.slice(request.originalUrl.indexOf('?')) : '';
    let target: string;
    try {
      const done = await this.sso.complete(query, cookieValue(request.headers.cookie, BINDING_COOKIE));
      const next = done.returnTo ? `&next=${encodeURIComponent(done.returnTo)}` : '';
      target = `/sso/complete#code=${encodeURIComponent(done.code)}${next}`;
    } catch (error) {
      target = this.toSignIn(error);
    }
    response.clearCookie(BINDING_COOKIE, { path: COOKIE_PATH });
    redirect(response, target);
  }

  /** Exchanges the one-time code of the callback for the platform's token pair; the code is spent. */
  @Post('exchange')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({ description: 'SSO_CODE_INVALID' })
  @ApiNotFoundResponse({ description: 'SSO_NOT_CONFIGURED' })
  @ApiServiceUnavailableResponse({ description: 'The store of sign-in codes is unreachable.' })
  exchange(@Body() body: SsoExchangeDto): Promise<TokenPairDto> {
    return this.sso.exchange(body.code);
  }

  /** A refusal of single sign-on sends the browser to the sign-in page, which says why; anything else is thrown. */
  private toSignIn(error: unknown): string {
    const code = ssoErrorCode(error);
    if (!code || code === 'SSO_NOT_CONFIGURED') throw error;
    return `/sign-in?ssoError=${code}`;
  }

  private cookieOptions(maxAgeSeconds: number) {
    return {
      httpOnly: true,
      // Sent on the provider's top-level redirect back to the callback, not on cross-site subrequests.
      sameSite: 'lax' as const,
      secure: this.sso.callbackIsHttps(),
      path: COOKIE_PATH,
      maxAge: maxAgeSeconds * 1000,
    };
  }
}

/** A 302 without a body (Express's redirect() would add a text one). */
function redirect(response: Response, url: string): void {
  response.status(302).setHeader('Location', url);
  response.setHeader('Cache-Control', 'no-store');
  response.end();
}
