import { Body, Controller, HttpCode, Post, UseGuards, UseInterceptors } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Authenticated, AuthUser, CurrentUser, Public } from '@app/platform';
import { EmailVerificationService } from '../application/email-verification.service';
import { RetryAfterInterceptor } from './retry-after.interceptor';
import { ConfirmEmailDto, EmailVerificationDto } from './team.dto';
import { VerificationResendGuard } from './verification-resend.guard';

@ApiTags('identity')
@Controller()
@UseInterceptors(RetryAfterInterceptor)
export class EmailVerificationController {
  constructor(private readonly verification: EmailVerificationService) {}

  /**
   * Confirms an e-mail address by the token of the link e-mailed to it. Signed in, the link must be
   * the caller's own (LINK_WRONG_USER); LINK_INVALID, LINK_EXPIRED, LINK_USED, LINK_REVOKED otherwise.
   */
  @Post('auth/email-verification/confirm')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: EmailVerificationDto })
  async confirm(
    @CurrentUser() caller: AuthUser | undefined,
    @Body() body: ConfirmEmailDto,
  ): Promise<EmailVerificationDto> {
    const state = await this.verification.confirm(caller, body.token);
    return { emailVerified: state.emailVerified };
  }

  /** E-mails a new verification link; the earlier ones stop working. */
  @Post('me/email-verification/resend')
  @HttpCode(202)
  @Authenticated()
  @UseGuards(VerificationResendGuard)
  @ApiAcceptedResponse({ description: 'A new link is on its way; earlier links no longer work.' })
  @ApiTooManyRequestsResponse({ description: 'Too many links asked for; retry after Retry-After.' })
  @ApiServiceUnavailableResponse({ description: 'The counters are unreachable; retry after Retry-After.' })
  async resend(@CurrentUser() actor: AuthUser): Promise<void> {
    await this.verification.resend(actor);
  }
}
