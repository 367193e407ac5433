import { Injectable } from '@nestjs/common';
import type { Call } from '@app/calls';
import { OrganisationsService } from '@app/identity';
import { Application } from '../domain/application';
import { WITHHELD_MARK, blindAnswers, blindDocumentName, pseudonymOf } from '../domain/blind-review';
import { DocumentInfo } from '../infrastructure/documents.repository';
import { PseudonymsRepository } from '../infrastructure/pseudonyms.repository';

/** An application with its documents in upload order, as a reader is about to receive them. */
export interface ReadableApplication {
  application: Application;
  documents: DocumentInfo[];
}

/** The same as an evaluator receives it: in a blind call, with a pseudonym for who applied. */
export interface ReviewedApplication extends ReadableApplication {
  /** The pseudonym in a blind call, null in any other. */
  pseudonym: string | null;
}

/**
 * Hides who applied from the evaluators of blind calls: a stable pseudonym instead of the
 * organisation's name, no answer pointing at it, its name, city and website taken out of the others,
 * documents named by position. Everything else (the secretariat's reads, conflict checks) keeps the
 * real facts.
 */
@Injectable()
export class BlindReview {
  constructor(
    private readonly pseudonyms: PseudonymsRepository,
    private readonly organisations: OrganisationsService,
  ) {}

  /**
   * The pseudonyms of these submitted applications of a blind call by application id, the call's
   * applications numbered on first need; none in another call.
   */
  async pseudonymsOf(call: Call, applications: Application[]): Promise<Map<string, string>> {
    const ids = applications.filter((a) => a.callId === call.id && a.submittedAt !== null).map((a) => a.id);
    if (!call.blind || ids.length === 0) return new Map();
    let numbers = await this.pseudonyms.numbersOf(ids);
    if (numbers.size < new Set(ids).size) {
      await this.pseudonyms.numberUnnumbered(call.id);
      numbers = await this.pseudonyms.numbersOf(ids);
    }
    return new Map([...numbers].map(([id, number]) => [id, pseudonymOf(number)]));
  }

  /** The applications, whose calls are given, as their evaluators receive them; in calls that are not blind, unchanged. */
  async asReviewerSees(items: ReadableApplication[], calls: ReadonlyMap<string, Call>): Promise<ReviewedApplication[]> {
    const blind = items.map((i) => i.application).filter((a) => calls.get(a.callId)?.blind);
    if (blind.length === 0) return items.map((item) => ({ ...item, pseudonym: null }));
    const [organisations, pseudonyms] = await Promise.all([
      this.organisations.getMany(blind.map((a) => a.organisationId)),
      this.pseudonymsByCall(calls, blind),
    ]);
    const facts = new Map(organisations.map((o) => [o.id, o]));
    return items.map(({ application, documents }) => {
      const call = calls.get(application.callId);
      if (!call?.blind) return { application, documents, pseudonym: null };
      const pseudonym = pseudonyms.get(application.id) ?? WITHHELD_MARK;
      const organisation = facts.get(application.organisationId);
      const declared = {
        name: organisation?.name ?? '',
        city: organisation?.city ?? null,
        website: organisation?.website ?? null,
      };
      return {
        application: {
          ...application,
          answers: blindAnswers(call.questions, application.answers, declared, pseudonym),
        },
        documents: documents.map((d, index) => ({ ...d, filename: blindDocumentName(index + 1, d.filename) })),
        pseudonym,
      };
    });
  }

  private async pseudonymsByCall(
    calls: ReadonlyMap<string, Call>,
    applications: Application[],
  ): Promise<Map<string, string>> {
    const perCall = await Promise.all([...calls.values()].map((call) => this.pseudonymsOf(call, applications)));
    return new Map(perCall.flatMap((map) => [...map]));
  }
}
