import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Page, PageOf, PageQueryDto, Staff } from '@app/platform';
import { AccountsService } from '../application/accounts.service';
import { AccountHistoryEntryDto } from './accounts.dto';

@ApiTags('identity')
@Controller()
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  /** The changes made to a user's account (role, deactivation, reactivation) with who made them and why, oldest first. */
  @Get('users/:id/history')
  @Staff()
  @ApiOkResponse({ type: PageOf(AccountHistoryEntryDto) })
  history(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<AccountHistoryEntryDto>> {
    return this.accounts.history(id, query);
  }
}
