import { Injectable } from '@nestjs/common';
import { CallsService } from '@app/calls';
import { Page, PageQuery } from '@app/platform';
import { EvaluatorConfidence, EvaluatorConfidenceRepository } from '../infrastructure/evaluator-confidence.repository';

/** The secretariat's read of how sure each evaluator of a call said it was. */
@Injectable()
export class EvaluatorConfidenceQuery {
  constructor(
    private readonly calls: CallsService,
    private readonly confidence: EvaluatorConfidenceRepository,
  ) {}

  async page(callId: string, page: PageQuery): Promise<Page<EvaluatorConfidence>> {
    await this.calls.get(callId);
    return this.confidence.page(callId, page);
  }
}
