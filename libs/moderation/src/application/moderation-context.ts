import { Injectable } from '@nestjs/common';
import { ApplicationsService } from '@app/applications';
import { Call, CallsService, isBeforePublication, stageAt } from '@app/calls';
import { PanelService } from '@app/evaluation';
import { OrganisationsService, UsersService } from '@app/identity';
import { NotFoundError, Transaction } from '@app/platform';
import { ModerationFrozenError } from '../domain/moderation.errors';

/** What moderation needs from the other contexts, read through their public services. */
@Injectable()
export class ModerationContext {
  constructor(
    private readonly calls: CallsService,
    private readonly applications: ApplicationsService,
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
    private readonly panel: PanelService,
  ) {}

  /** The call, when it has the stage (404 STAGE_NOT_FOUND otherwise). */
  async callWithStage(callId: string, stage: number): Promise<Call> {
    const call = await this.calls.get(callId);
    stageAt(call, stage);
    return call;
  }

  /**
   * The call about to be moderated, share-locked so that a publication (which locks it exclusively)
   * cannot pass a decision in flight; refused once its cohort is published.
   */
  async callOpenToModeration(tx: Transaction, callId: string): Promise<Call> {
    const call = await this.calls.getForShare(tx, callId);
    if (!isBeforePublication(call.status)) throw new ModerationFrozenError();
    return call;
  }

  /** Refused once the call's cohort is published, before any change is attempted. */
  assertOpen(call: Call): void {
    if (!isBeforePublication(call.status)) throw new ModerationFrozenError();
  }

  /** Each call's reference and title, in the order given. */
  async callNames(callIds: string[]): Promise<Array<{ callId: string; reference: string; title: string }>> {
    const calls = await this.calls.getMany(callIds);
    return calls.map(({ id, reference, title }) => ({ callId: id, reference, title }));
  }

  async requireApplicationOf(callId: string, applicationId: string): Promise<void> {
    const application = await this.applications.findById(applicationId);
    if (!application || application.callId !== callId) throw new NotFoundError('Application');
  }

  /** Who applied, by application id. */
  async organisationNames(applicationIds: string[]): Promise<Map<string, string>> {
    const applications = await this.applications.findByIds([...new Set(applicationIds)]);
    const names = await this.organisations.namesOf(applications.map((a) => a.organisationId));
    return new Map(applications.map((a) => [a.id, names.get(a.organisationId) ?? '']));
  }

  async displayNames(userIds: string[]): Promise<Map<string, string>> {
    const users = await this.users.getMany([...new Set(userIds)]);
    return new Map(users.map((u) => [u.id, u.displayName]));
  }

  async isPanelMember(callId: string, userId: string): Promise<boolean> {
    return (await this.panel.list(callId)).some((member) => member.user.id === userId);
  }
}
