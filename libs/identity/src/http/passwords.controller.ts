import { Body, Controller, HttpCode, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { Authenticated, AuthUser, CurrentUser, Public } from '@app/platform';
import { PasswordsService } from '../application/passwords.service';
import {
  ChangePasswordDto,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
  PasswordResetRequestedDto,
} from './account-links.dto';
import { RetryAfterInterceptor } from './retry-after.interceptor';

const RESET_REQUESTED: PasswordResetRequestedDto = {
  message: 'If an account uses this address, a link to reset its password has been sent to it.',
};

@ApiTags('identity')
@Controller()
@UseInterceptors(RetryAfterInterceptor)
export class PasswordsController {
  constructor(private readonly passwords: PasswordsService) {}

  /** E-mails a link to reset the password; the answer is the same whether or not the address has an account. */
  @Post('auth/password-reset/request')
  @HttpCode(202)
  @Public()
  @ApiAcceptedResponse({ type: PasswordResetRequestedDto })
  @ApiTooManyRequestsResponse({ description: 'Too many link e-mails for this address or from this client.' })
  async requestReset(
    @Body() body: PasswordResetRequestDto,
    @Req() request: Request,
  ): Promise<PasswordResetRequestedDto> {
    await this.passwords.requestReset(body.email, request.ip ?? 'unknown');
    return RESET_REQUESTED;
  }

  /** Sets a new password through the e-mailed link; every session of the account ends. */
  @Post('auth/password-reset/confirm')
  @HttpCode(204)
  @Public()
  @ApiNoContentResponse({ description: 'The password is changed and every session ended.' })
  confirmReset(@Body() body: PasswordResetConfirmDto): Promise<void> {
    return this.passwords.confirmReset(body.token, body.password);
  }

  /** Changes the caller's password given the current one; its other sessions end, this one goes on. */
  @Post('me/password')
  @HttpCode(204)
  @Authenticated()
  @ApiNoContentResponse({ description: 'The password is changed and the other sessions ended.' })
  change(@CurrentUser() actor: AuthUser, @Body() body: ChangePasswordDto): Promise<void> {
    return this.passwords.change(actor, body.currentPassword, body.newPassword);
  }
}
