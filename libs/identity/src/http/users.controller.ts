import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put, Query, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Page, PageOf, Public, Roles, Staff, parseSort } from '@app/platform';
import { AccountsService } from '../application/accounts.service';
import { CountriesService } from '../application/countries.service';
import { OrganisationsService } from '../application/organisations.service';
import { UsersService } from '../application/users.service';
import { User } from '../domain/user';
import {
  CountryDto,
  CreateOrganisationDto,
  CreateUserDto,
  MembershipCategoryChangeDto,
  OrganisationDto,
  UserDto,
  UserListItemDto,
  UpdateUserDto,
  UserQueryDto,
} from './identity.dto';
import { RetryAfterInterceptor } from './retry-after.interceptor';

@ApiTags('identity')
@Controller()
@UseInterceptors(RetryAfterInterceptor)
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
    private readonly countries: CountriesService,
    private readonly accounts: AccountsService,
  ) {}

  /** Creates an evaluator or a secretariat member. */
  @Post('users')
  @Staff()
  @ApiCreatedResponse({ type: UserDto })
  async create(@Body() body: CreateUserDto): Promise<UserDto> {
    return toUserDto(await this.users.createStaffUser(body));
  }

  /** The platform's users by role, status and search, sorted, for the secretariat (e.g. the evaluators to seat on a panel). */
  @Get('users')
  @Staff()
  @ApiOkResponse({ type: PageOf(UserListItemDto) })
  async list(@Query() query: UserQueryDto): Promise<Page<UserListItemDto>> {
    const page = await this.users.list({ ...query, sort: parseSort(query.sort, { key: 'name', descending: false }) });
    return { items: page.items.map((user) => ({ ...toUserDto(user), createdAt: user.createdAt })), total: page.total };
  }

  /**
   * Changes a user's role, deactivates or reactivates it, with a reason kept in its history; the
   * change applies to the tokens it already holds, and deactivation ends every session.
   */
  @Patch('users/:id')
  @Staff()
  @ApiOkResponse({ type: UserDto })
  async update(
    @CurrentUser() actor: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserDto> {
    return toUserDto(await this.accounts.updateAccount(actor, id, body));
  }

  /** Registers the caller's organisation; an applicant belongs to one. */
  @Post('organisations')
  @Roles('applicant')
  @ApiCreatedResponse({ type: OrganisationDto })
  createOrganisation(@CurrentUser() actor: AuthUser, @Body() body: CreateOrganisationDto): Promise<OrganisationDto> {
    return this.organisations.create(actor, body);
  }

  /** Sets an organisation's membership category, which calls are addressed by, with a reason. */
  @Put('organisations/:id/membership-category')
  @Staff()
  @ApiOkResponse({ type: OrganisationDto })
  setMembershipCategory(
    @CurrentUser() actor: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: MembershipCategoryChangeDto,
  ): Promise<OrganisationDto> {
    return this.organisations.setMembershipCategory(actor, id, body);
  }

  @Get('organisations/:id')
  @Roles('applicant', 'secretariat', 'admin')
  @ApiOkResponse({ type: OrganisationDto })
  getOrganisation(
    @CurrentUser() actor: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<OrganisationDto> {
    return this.organisations.getVisible(actor, id);
  }

  /** The countries an organisation may be in, with their ITU region. */
  @Get('countries')
  @Public()
  @ApiOkResponse({ type: [CountryDto] })
  listCountries(): Promise<CountryDto[]> {
    return this.countries.list();
  }
}

function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    countryCode: user.countryCode,
    affiliation: user.affiliation,
    locale: user.locale,
    active: user.active,
  };
}
