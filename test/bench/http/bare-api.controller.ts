import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpException,
  Inject,
  NotFoundException,
  Param,
  Patch,
  Post,
  Put,
  Query,
  UnauthorizedException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Pool, PoolClient } from 'pg';
import type { Call, EligibilityRules } from '@app/calls';
import type { MembershipCategory, OrganisationType } from '@app/identity';
import { answerErrors } from '../../../libs/applications/src/domain/answers.rules';
import { decideEligibility, missingDocuments } from '../../../libs/applications/src/domain/eligibility.rules';
import { PUBLIC_STATUSES } from '../../../libs/calls/src/application/calls.service';
import { isBeforePublication, submissionWindow } from '../../../libs/calls/src/domain/call-lifecycle';
import { toCallDto } from '../../../libs/calls/src/http/call.mapper';
import { CALL_PAGE_SQL, type CallPageRow, toCall } from '../../../libs/calls/src/infrastructure/call.sql';
import { nextAssignmentStatus } from '../../../libs/evaluation/src/domain/assignment-lifecycle';
import type { CriterionScore } from '../../../libs/evaluation/src/domain/evaluation';
import { scoreErrors } from '../../../libs/evaluation/src/domain/evaluation.rules';
import * as sql from './bare-sql';

export const BARE_POOL = 'BARE_POOL';

interface Claims {
  sub: string;
  sid: string;
  ver: number;
}

/**
 * The floor: the same routes, the same rules (the project's pure domain functions) and the rows each
 * needs, through `pg` with no layer between. Only the success paths are meant to be measured; a
 * failure answers its status without a problem document.
 */
@Controller('api/v1')
export class BareApiController {
  constructor(
    @Inject(BARE_POOL) private readonly pool: Pool,
    private readonly jwt: JwtService,
  ) {}

  /** The project's own statement and mapping of a call page: what differs is all the rest. */
  @Get('calls')
  async calls(@Query('limit') limit = '50', @Query('offset') offset = '0') {
    const { rows } = await this.pool.query<CallPageRow>(CALL_PAGE_SQL, [
      PUBLIC_STATUSES,
      Number(limit),
      Number(offset),
    ]);
    return {
      items: rows.map(({ total: _total, ...call }) => toCallDto(toCall(call), 'en')),
      total: rows[0]?.total ?? 0,
    };
  }

  @Get('applications/:id')
  async application(@Headers('authorization') authorization: string, @Param('id') id: string) {
    const { rows } = await this.pool.query(sql.OWN_APPLICATION, [...this.caller(authorization), id]);
    if (rows.length === 0) throw new UnauthorizedException();
    if (!rows[0].application) throw new NotFoundException();
    return rows[0].application;
  }

  @Patch('applications/:id')
  async autosave(
    @Headers('authorization') authorization: string,
    @Headers('if-match') ifMatch: string,
    @Param('id') id: string,
    @Body() body: { answers: Record<string, string | number | null> },
  ) {
    const version = Number(/\d+/.exec(ifMatch ?? '')?.[0]);
    const { rows } = await this.pool.query(sql.DRAFT_FOR_AUTOSAVE, [...this.caller(authorization), id]);
    if (rows.length === 0) throw new UnauthorizedException();
    const draft = rows[0];
    if (!draft.id) throw new NotFoundException();
    if (draft.status !== 'draft') throw new HttpException('not a draft', 409);
    if (draft.version !== version) throw new HttpException('version conflict', 412);
    const call = { status: draft.call_status, opensAt: draft.opens_at, closesAt: draft.closes_at };
    if (submissionWindow(call, new Date()) !== 'open') throw new HttpException('not accepting applications', 409);
    if (answerErrors(draft.questions, body.answers, false).length > 0) throw new HttpException('invalid answers', 400);
    const saved = await this.pool.query(sql.AUTOSAVE, [id, version, JSON.stringify(body.answers)]);
    if (saved.rows.length === 0) throw new HttpException('version conflict', 412);
    return saved.rows[0].application;
  }

  @Post('applications/:id/submit')
  @HttpCode(200)
  async submit(@Headers('authorization') authorization: string, @Param('id') id: string) {
    const caller = this.caller(authorization);
    return this.transaction(async (db) => {
      const { rows } = await db.query(sql.DRAFT_FOR_SUBMISSION, [...caller, id]);
      if (rows.length === 0) await this.notFoundOrUnauthenticated(db, caller);
      const draft = rows[0];
      if (draft.status !== 'draft') throw new HttpException('not a draft', 409);
      const call = { status: draft.call_status, opensAt: draft.opens_at, closesAt: draft.closes_at };
      if (submissionWindow(call, draft.now) !== 'open') throw new HttpException('not accepting applications', 409);
      const rules = draft.eligibility as EligibilityRules;
      const incomplete =
        answerErrors(draft.questions, draft.answers, true).length +
        missingDocuments(rules, draft.document_kinds).length;
      if (incomplete > 0) throw new UnprocessableEntityException();
      const eligibility = decideEligibility(rules, {
        countryCode: draft.country_code,
        memberState: draft.member_state,
        organisationType: draft.organisation_type as OrganisationType,
        membershipCategory: draft.membership_category as MembershipCategory,
      });
      const params = {
        callReference: draft.reference,
        callTitle: draft.title,
        organisationName: draft.organisation_name,
        submittedAt: draft.now.toISOString(),
      };
      const { rows: submitted } = await db.query(sql.SUBMIT, [
        id,
        draft.now,
        eligibility,
        caller[0],
        { status: 'submitted', eligibility },
        draft.locale,
        params,
        `Application received: ${draft.reference}`,
        `We received the application of ${draft.organisation_name} to ${draft.title} on ${params.submittedAt}.`,
      ]);
      return submitted[0].application;
    });
  }

  @Put('assignments/:id/evaluation')
  async saveEvaluation(
    @Headers('authorization') authorization: string,
    @Param('id') id: string,
    @Body() body: { scores: CriterionScore[]; overallComment?: string },
  ) {
    const caller = this.caller(authorization);
    return this.transaction(async (db) => {
      const { rows } = await db.query(sql.ASSIGNMENT_FOR_SAVE, [...caller, id]);
      if (rows.length === 0) await this.notFoundOrUnauthenticated(db, caller);
      const assignment = rows[0];
      if (!isBeforePublication(assignment.call_status)) throw new HttpException('call published', 409);
      const status = nextAssignmentStatus(assignment.status, 'saveDraft');
      const scoring = assignment.scoring as Call['scoring'];
      if (scoreErrors(assignment.criteria, scoring, body.scores).length > 0) throw new HttpException('invalid', 400);
      const { rows: saved } = await db.query(sql.SAVE_EVALUATION, [
        id,
        JSON.stringify(body.scores),
        status,
        body.overallComment ?? null,
        caller[0],
        { scores: body.scores.length },
      ]);
      return saved[0].evaluation;
    });
  }

  /** Verifies the token's signature with the key object the module holds: [user, token version, session]. */
  private caller(authorization: string | undefined): [string, number, string] {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new UnauthorizedException();
    try {
      const { sub, ver, sid } = this.jwt.verify<Claims>(token);
      return [sub, ver, sid];
    } catch {
      throw new UnauthorizedException();
    }
  }

  private async notFoundOrUnauthenticated(db: PoolClient, caller: [string, number, string]): Promise<never> {
    const { rows } = await db.query(sql.CALLER_EXISTS, caller);
    throw rows.length === 0 ? new UnauthorizedException() : new NotFoundException();
  }

  private async transaction<T>(work: (db: PoolClient) => Promise<T>): Promise<T> {
    const db = await this.pool.connect();
    try {
      await db.query('BEGIN');
      const result = await work(db);
      await db.query('COMMIT');
      return result;
    } catch (error) {
      await db.query('ROLLBACK');
      throw error;
    } finally {
      db.release();
    }
  }
}
