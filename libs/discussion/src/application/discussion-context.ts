import { Injectable } from '@nestjs/common';
import { Application, ApplicationsService } from '@app/applications';
import { Call, CallsService, isBeforePublication } from '@app/calls';
import { NotFoundError, Transaction } from '@app/platform';
import { DiscussionFrozenError } from '../domain/discussion.errors';

/** What discussion needs from the other contexts, read through their public services. */
@Injectable()
export class DiscussionContext {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly calls: CallsService,
  ) {}

  async application(applicationId: string): Promise<Application> {
    const application = await this.applications.findById(applicationId);
    if (!application) throw new NotFoundError('Application');
    return application;
  }

  call(callId: string): Promise<Call> {
    return this.calls.get(callId);
  }

  /**
   * The call of a thread about to change, share-locked so that a publication (which locks it
   * exclusively) cannot pass a post in flight. Whether it is still open is the caller's to check
   * (`assertOpenToDiscussion`), once it knows the writer may take part at all.
   */
  lockedCall(tx: Transaction, callId: string): Promise<Call> {
    return this.calls.getForShare(tx, callId);
  }
}

/** Once its cohort is published a call's threads are a record: refused (409). */
export function assertOpenToDiscussion(call: Call): void {
  if (!isBeforePublication(call.status)) throw new DiscussionFrozenError();
}
