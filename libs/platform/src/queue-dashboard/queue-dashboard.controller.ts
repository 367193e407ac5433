import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Staff, bearerToken } from '../auth';
import { QUEUE_DASHBOARD_COOKIE, QUEUE_DASHBOARD_ROUTE } from './queue-dashboard.auth';

@ApiTags('operations')
@Controller('queue-dashboard')
export class QueueDashboardController {
  /**
   * Lets the caller's browser open the queue dashboard at /queues: the access token goes into an
   * HttpOnly cookie for that path only, expiring with the token.
   */
  @Post('session')
  @HttpCode(204)
  @Staff()
  @ApiNoContentResponse({ description: 'The cookie is set.' })
  openSession(@Req() request: Request, @Res({ passthrough: true }) response: Response): void {
    response.cookie(QUEUE_DASHBOARD_COOKIE, bearerToken(request.headers.authorization), {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure,
      path: QUEUE_DASHBOARD_ROUTE,
    });
  }
}
