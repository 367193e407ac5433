import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Staff } from '@app/platform';
import { CircularSettingsService } from '../application/circular-settings.service';
import { CircularSettingsDto } from './circular-settings.dto';

const ID = new ParseUUIDPipe();

/** What the call's results circular and announcement say (the defaults until the secretariat writes them). */
@ApiTags('calls')
@Controller('calls/:id/circular')
export class CircularSettingsController {
  constructor(private readonly settings: CircularSettingsService) {}

  @Get()
  @Staff()
  @ApiOkResponse({ type: CircularSettingsDto })
  get(@Param('id', ID) callId: string): Promise<CircularSettingsDto> {
    return this.settings.get(callId);
  }

  /** Replaces the settings until publication (409 COHORT_PUBLISHED after). */
  @Put()
  @Staff()
  @ApiOkResponse({ type: CircularSettingsDto })
  replace(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Body() body: CircularSettingsDto,
  ): Promise<CircularSettingsDto> {
    return this.settings.replace(actor, callId, { ...body, about: body.about ?? null });
  }
}
