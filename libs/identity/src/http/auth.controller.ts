import { Body, Controller, Get, HttpCode, Patch, Post, Req, UseGuards, UseInterceptors } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Authenticated, AuthUser, CurrentUser, Public } from '@app/platform';
import { AuthService } from '../application/auth.service';
import { EmailVerificationService } from '../application/email-verification.service';
import { OrganisationsService } from '../application/organisations.service';
import { UsersService } from '../application/users.service';
import { SessionClient } from '../domain/session';
import { User } from '../domain/user';
import {
  LoginDto,
  LogoutDto,
  MeDto,
  RefreshDto,
  RegisterDto,
  RegisteredUserDto,
  TokenPairDto,
  UpdateMeDto,
} from './identity.dto';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { RetryAfterInterceptor } from './retry-after.interceptor';

@ApiTags('identity')
@Controller()
@UseInterceptors(RetryAfterInterceptor)
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
    private readonly verification: EmailVerificationService,
  ) {}

  /** Creates an applicant account. */
  @Post('auth/register')
  @Public()
  @ApiCreatedResponse({ type: RegisteredUserDto })
  async register(@Body() body: RegisterDto): Promise<RegisteredUserDto> {
    const user = await this.auth.register(body);
    return { id: user.id, email: user.email, role: 'applicant' };
  }

  @Post('auth/login')
  @HttpCode(200)
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiTooManyRequestsResponse({
    description: 'Too many attempts from this client (for this e-mail or any), or too many passwords being checked.',
  })
  @ApiServiceUnavailableResponse({ description: 'The sign-in counters are unreachable; retry after Retry-After.' })
  login(@Body() body: LoginDto, @Req() request: Request): Promise<TokenPairDto> {
    return this.auth.login(body.email, body.password, clientOf(request));
  }

  /** Exchanges a refresh token for a new pair; the old refresh token stops working. */
  @Post('auth/refresh')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: TokenPairDto })
  refresh(@Body() body: RefreshDto, @Req() request: Request): Promise<TokenPairDto> {
    return this.auth.refresh(body.refreshToken, clientOf(request));
  }

  /** Signs out: the refresh token and every token refreshed from the same sign-in stop working. */
  @Post('auth/logout')
  @HttpCode(204)
  @Public()
  @ApiNoContentResponse({ description: 'Signed out (also when the token was already unknown or spent).' })
  logout(@Body() body: LogoutDto): Promise<void> {
    return this.auth.logout(body.refreshToken);
  }

  @Get('me')
  @Authenticated()
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentUser() actor: AuthUser): Promise<MeDto> {
    return this.describe(await this.users.get(actor.id));
  }

  /** Changes the caller's name or language; its notifications are then written in that language. */
  @Patch('me')
  @Authenticated()
  @ApiOkResponse({ type: MeDto })
  async updateMe(@CurrentUser() actor: AuthUser, @Body() body: UpdateMeDto): Promise<MeDto> {
    return this.describe(await this.users.updateProfile(actor.id, body));
  }

  private async describe(user: User): Promise<MeDto> {
    const organisation = user.organisationId ? await this.organisations.get(user.organisationId) : null;
    const countryCode = user.countryCode ?? organisation?.countryCode;
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      locale: user.locale,
      ...(user.organisationId ? { organisationId: user.organisationId } : {}),
      ...(countryCode ? { countryCode } : {}),
      ...this.verification.state(user),
    };
  }
}

/** Where a sign-in or refresh comes from, kept with its session (the address as TRUST_PROXY resolves it). */
function clientOf(request: Request): SessionClient {
  return { userAgent: request.headers['user-agent'], ip: request.ip };
}
