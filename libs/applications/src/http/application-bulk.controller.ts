import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotificationPreviewsDto, toPreviewsDto } from '@app/notifications';
import { AuthUser, CurrentUser, Staff } from '@app/platform';
import { ApplicationBulkService } from '../application/application-bulk.service';
import {
  BulkApplicationsDto,
  BulkEligibilityDecisionDto,
  BulkEligibilityResultDto,
  RemindersResultDto,
} from './application-bulk.dto';

const ID = new ParseUUIDPipe();

/** The secretariat's actions on a selection of a call's applications. */
@ApiTags('applications')
@Controller('calls/:id/applications')
export class ApplicationBulkController {
  constructor(private readonly bulk: ApplicationBulkService) {}

  @Post('eligibility')
  @HttpCode(200)
  @Staff()
  @ApiOperation({
    summary: 'One eligibility decision, with its reason, for many submitted applications of the call',
    description:
      'All or nothing, in one transaction, audited per application. When any id is not an application of ' +
      'the call (404 NOT_FOUND) or not submitted (409 INVALID_TRANSITION), nothing changes and the ' +
      'problem lists each such id in `errors` (`code` NOT_IN_CALL or NOT_SUBMITTED, `params.applicationId`).',
  })
  @ApiOkResponse({ type: BulkEligibilityResultDto })
  async decideEligibility(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Body() body: BulkEligibilityDecisionDto,
  ): Promise<BulkEligibilityResultDto> {
    const decision = { eligible: body.eligible, reason: body.reason.trim() };
    const ids = await this.bulk.decideEligibility(actor, callId, body.applicationIds, decision);
    return { decided: ids.length, applicationIds: ids };
  }

  @Post('reminders')
  @HttpCode(200)
  @Staff()
  @ApiOperation({
    summary: 'Reminds the applicants of the drafts named that they are not submitted',
    description:
      'In-app and by e-mail, in each applicant’s language, at most once per application and day (UTC); ' +
      'submitted or withdrawn applications are left out. Answers what was done for each id. An id that is ' +
      'not an application of the call refuses the whole request (404, listed in `errors`); so does a call ' +
      'that no longer takes submissions (409).',
  })
  @ApiOkResponse({ type: RemindersResultDto })
  async remind(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Body() body: BulkApplicationsDto,
  ): Promise<RemindersResultDto> {
    const items = await this.bulk.remind(actor, callId, body.applicationIds);
    return { reminded: items.filter((i) => i.outcome === 'reminded').length, items };
  }

  @Post('reminders/previews')
  @HttpCode(200)
  @Staff()
  @ApiOperation({
    summary: 'The reminders that POST …/reminders would send now, once per language of their recipients',
  })
  @ApiOkResponse({ type: NotificationPreviewsDto })
  async previewReminders(
    @Param('id', ID) callId: string,
    @Body() body: BulkApplicationsDto,
  ): Promise<NotificationPreviewsDto> {
    return toPreviewsDto(await this.bulk.previewReminders(callId, body.applicationIds));
  }
}
