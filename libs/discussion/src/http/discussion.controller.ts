import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, IfMatchVersion, Page, PageOf, PageQueryDto, Roles, STAFF_ROLES } from '@app/platform';
import { DiscussionService } from '../application/discussion.service';
import {
  DiscussionPostDto,
  DiscussionPostVersionDto,
  DiscussionThreadDto,
  ParticipantDto,
  ParticipantsQueryDto,
  PostTextDto,
} from './discussion.dto';

const ID = new ParseUUIDPipe();

/** Those who may ever take part: the secretariat, and evaluators (once their own evaluation is submitted). */
const Participants = () => Roles('evaluator', ...STAFF_ROLES);

/**
 * An application's discussion among its evaluators and the secretariat. An assigned evaluator who
 * has not submitted its own evaluation gets 403 DISCUSSION_AFTER_SUBMISSION; anyone not assigned 404.
 */
@ApiTags('discussion')
@Controller('applications/:id/discussion')
export class DiscussionController {
  constructor(private readonly discussion: DiscussionService) {}

  /** Whether the reader may take part, how, and whether the thread is frozen (the cohort published). */
  @Get()
  @Participants()
  @ApiOkResponse({ type: DiscussionThreadDto })
  thread(@CurrentUser() actor: AuthUser, @Param('id', ID) applicationId: string): Promise<DiscussionThreadDto> {
    return this.discussion.thread(actor, applicationId);
  }

  /** The posts, oldest first. */
  @Get('posts')
  @Participants()
  @ApiOkResponse({ type: PageOf(DiscussionPostDto) })
  posts(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) applicationId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<DiscussionPostDto>> {
    return this.discussion.posts(actor, applicationId, query);
  }

  /** Posts to the thread; each participant it mentions is notified in-app and by e-mail. 409 once published. */
  @Post('posts')
  @Participants()
  @ApiCreatedResponse({ type: DiscussionPostDto })
  post(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) applicationId: string,
    @Body() body: PostTextDto,
  ): Promise<DiscussionPostDto> {
    return this.discussion.post(actor, applicationId, body);
  }

  /**
   * Its author replaces a post's text and mentions; the text replaced is kept (…/versions) and only
   * people never mentioned by the post before are notified. 409 once published.
   */
  @Patch('posts/:postId')
  @Participants()
  @ApiHeader({ name: 'If-Match', required: true, description: 'The version last read, e.g. "1".' })
  @ApiOkResponse({ type: DiscussionPostDto })
  edit(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) applicationId: string,
    @Param('postId', ID) postId: string,
    @IfMatchVersion() version: number,
    @Body() body: PostTextDto,
  ): Promise<DiscussionPostDto> {
    return this.discussion.edit(actor, applicationId, postId, version, body);
  }

  /** The texts a post had before its edits, the latest first. */
  @Get('posts/:postId/versions')
  @Participants()
  @ApiOkResponse({ type: PageOf(DiscussionPostVersionDto) })
  versions(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) applicationId: string,
    @Param('postId', ID) postId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<DiscussionPostVersionDto>> {
    return this.discussion.versions(actor, applicationId, postId, query);
  }

  /** Who may be mentioned: the secretariat and the evaluators who submitted, by name. */
  @Get('participants')
  @Participants()
  @ApiOkResponse({ type: PageOf(ParticipantDto) })
  participants(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) applicationId: string,
    @Query() query: ParticipantsQueryDto,
  ): Promise<Page<ParticipantDto>> {
    return this.discussion.participants(actor, applicationId, query);
  }
}
