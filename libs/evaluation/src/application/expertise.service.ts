import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Call, TOPIC_QUESTION_TYPES } from '@app/calls';
import { AuthUser, Page, PageQuery, Transaction, Transactions, ValidationError } from '@app/platform';
import { ExpertiseProfile, affinityTable } from '../domain/affinity';
import { NotOnPanelError } from '../domain/evaluation.errors';
import { applicationTopic, declaredKeywords } from '../domain/expertise-profiles';
import { DeclaredExpertise, ExpertiseRepository } from '../infrastructure/expertise.repository';
import { PanelRepository } from '../infrastructure/panel.repository';
import { EvaluationContext } from './evaluation-context';

export interface OwnExpertise {
  callId: string;
  /** The call's keywords, to choose from. */
  availableKeywords: string[];
  keywords: string[];
  description: string;
  /** When the evaluator last declared it; null when it never did. */
  updatedAt: Date | null;
}

/** Evaluators' declared expertise (issue 16 item 4) and the affinities the automatic assignment reads from it. */
@Injectable()
export class ExpertiseService {
  constructor(
    private readonly expertise: ExpertiseRepository,
    private readonly panel: PanelRepository,
    private readonly context: EvaluationContext,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  /** The caller's declaration for a call of whose panels it sits on (empty until it declares one). */
  async mine(actor: AuthUser, callId: string): Promise<OwnExpertise> {
    const call = await this.context.call(callId);
    if (!(await this.panel.isMember(callId, actor.id))) throw new NotOnPanelError();
    const declared = await this.expertise.find(callId, actor.id);
    return ownView(call, declared);
  }

  /**
   * Writes the caller's expertise for the call, until its cohort is published: keywords from the
   * call's list only (stored as the call spells them), free text; audited on the call with the
   * declaration before and after. The next automatic assignment reads it; pairs already made keep
   * their affinity.
   */
  async declare(
    actor: AuthUser,
    callId: string,
    body: { keywords: string[]; description?: string },
  ): Promise<OwnExpertise> {
    const call = await this.context.openCall(callId);
    const { keywords, unknown } = declaredKeywords(body.keywords, call.expertise.keywords);
    if (unknown.length > 0) {
      throw new ValidationError(
        unknown.map((index) => ({
          field: `keywords.${index}`,
          message: 'this keyword is not on the call’s list',
          code: 'UNKNOWN_EXPERTISE_KEYWORD',
          params: { keyword: body.keywords[index] },
        })),
      );
    }
    const saved = await this.transactions.run(async (tx) => {
      await this.context.openCall(callId, tx);
      if (!(await this.panel.isMember(callId, actor.id, tx))) throw new NotOnPanelError();
      const description = (body.description ?? '').trim();
      const before = await this.expertise.find(callId, actor.id, tx);
      const saved = await this.expertise.save(tx, { callId, evaluatorId: actor.id, keywords, description });
      // Audited on the call, as the secretariat reads what shaped its assignment there.
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'expertise.declared',
        entityType: 'call',
        entityId: callId,
        before: before && { evaluatorId: actor.id, keywords: before.keywords, description: before.description },
        after: { evaluatorId: actor.id, keywords: saved.keywords, description: saved.description },
      });
      return saved;
    });
    return ownView(call, saved);
  }

  /** The calls on whose panels the caller sits, latest first, each with its keywords and the caller's declaration. */
  async minePerCall(
    actor: AuthUser,
    page: PageQuery,
  ): Promise<Page<OwnExpertise & { title: string; reference: string }>> {
    const seats = await this.expertise.pageOfEvaluator(actor.id, page);
    const calls = new Map((await this.context.callsByIds(seats.items.map((s) => s.callId))).map((c) => [c.id, c]));
    return {
      total: seats.total,
      items: seats.items.flatMap(({ callId, declared }) => {
        const call = calls.get(callId);
        return call ? [{ ...ownView(call, declared), title: call.title, reference: call.reference }] : [];
      }),
    };
  }

  /** A page of the call's declarations, latest first, with who declared each. */
  async list(callId: string, page: PageQuery): Promise<Page<DeclaredExpertise & { displayName: string }>> {
    await this.context.call(callId);
    const declared = await this.expertise.page(callId, page);
    const users = await this.context.usersByIds(declared.items.map((d) => d.evaluatorId));
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    return {
      total: declared.total,
      items: declared.items.map((d) => ({ ...d, displayName: names.get(d.evaluatorId) ?? '' })),
    };
  }

  /** The topics of the applications, read from their answers as the call says. Outside a transaction. */
  async applicationTopics(call: Call, applicationIds: string[]): Promise<ExpertiseProfile[]> {
    const applications = await this.context.applicationsByIds(applicationIds);
    const source = {
      keywords: call.expertise.keywords,
      topicQuestionKey: call.expertise.topicQuestionKey,
      textQuestionKeys: call.questions.filter((q) => TOPIC_QUESTION_TYPES.includes(q.type)).map((q) => q.key),
    };
    return applications.map((a) => applicationTopic(a.id, a.answers, source));
  }

  /** Every evaluator's affinity for every application, from what the evaluators declared for the call. */
  async affinities(
    callId: string,
    evaluatorIds: string[],
    topics: ExpertiseProfile[],
    tx: Transaction,
  ): Promise<(applicationId: string, evaluatorId: string) => number> {
    const declared = await this.expertise.ofEvaluators(callId, evaluatorIds, tx);
    if (declared.length === 0) return () => 0;
    const profiles = declared.map((d) => ({ id: d.evaluatorId, keywords: d.keywords, text: d.description }));
    return affinityTable(profiles, topics).of;
  }
}

function ownView(call: Call, declared: DeclaredExpertise | null): OwnExpertise {
  return {
    callId: call.id,
    availableKeywords: call.expertise.keywords,
    keywords: declared?.keywords ?? [],
    description: declared?.description ?? '',
    updatedAt: declared?.updatedAt ?? null,
  };
}
