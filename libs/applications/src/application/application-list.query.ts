import { Injectable } from '@nestjs/common';
import { Call, CallsService } from '@app/calls';
import { Page } from '@app/platform';
import {
  ApplicationListFilter,
  ApplicationListRepository,
  ListedApplication,
} from '../infrastructure/application-list.repository';

/** The read model of the secretariat's list of a call's applications. */
@Injectable()
export class ApplicationListQuery {
  constructor(
    private readonly list: ApplicationListRepository,
    private readonly calls: CallsService,
  ) {}

  /** A page of the call's applications with who applied, and the call they share (404 if unknown). */
  async page(callId: string, filter: ApplicationListFilter): Promise<{ call: Call; page: Page<ListedApplication> }> {
    // Side by side: the list of an unknown call is empty anyway, and the call's read says it is unknown.
    const [call, page] = await Promise.all([this.calls.get(callId), this.list.page(callId, filter)]);
    return { call, page };
  }
}
