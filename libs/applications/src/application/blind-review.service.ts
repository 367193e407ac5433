import { Injectable } from '@nestjs/common';
import { Call, CallsService } from '@app/calls';
import { OrganisationMembersService, OrganisationsService } from '@app/identity';
import { AuthUser } from '@app/platform';
import { Application } from '../domain/application';
import {
  IdentifyingFacts,
  WITHHELD_MARK,
  blindAnswers,
  blindClarification,
  blindDocumentName,
  pseudonymOf,
  redactor,
} from '../domain/blind-review';
import { Clarification } from '../domain/clarification';
import { DocumentInfo } from '../infrastructure/documents.repository';
import { PseudonymsRepository } from '../infrastructure/pseudonyms.repository';
import { ApplicationAccess } from './application-access';

/** What blind review reads of a call: a whole call or what an application shows of it. */
type ReviewedCall = Pick<Call, 'id' | 'blind' | 'questions'>;

const NO_FACTS: IdentifyingFacts = { name: '', city: null, website: null, people: [] };

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
 * organisation's name, no answer pointing at it, its name, city, website and team members' names taken
 * out of the others and of the clarifications, documents named by position. Everything else (the
 * secretariat's reads, conflict checks) keeps the real facts.
 */
@Injectable()
export class BlindReview {
  constructor(
    private readonly pseudonyms: PseudonymsRepository,
    private readonly organisations: OrganisationsService,
    private readonly members: OrganisationMembersService,
    private readonly calls: CallsService,
    private readonly access: ApplicationAccess,
  ) {}

  /** Whether who applied must be hidden from this reader of the application: an evaluator of a blind call. */
  async hidesApplicantFrom(actor: AuthUser, application: Application): Promise<boolean> {
    return (await this.access.readsByGrant(actor, application)) && (await this.calls.get(application.callId)).blind;
  }

  /** Clarification requests of an application, as an evaluator of its blind call reads them. */
  async clarificationsAsReviewerSees(application: Application, requests: Clarification[]): Promise<Clarification[]> {
    const redact = await this.redactorFor(await this.calls.get(application.callId), application);
    return requests.map((request) => blindClarification(request, redact));
  }

  /**
   * What takes who applied out of a text about the application that its evaluators read (a notice
   * quoting a question): in a blind call the redaction of its answers, in another none.
   */
  async redactorFor(call: ReviewedCall, application: Application): Promise<(text: string) => string> {
    if (!call.blind) return (text) => text;
    const [facts, pseudonyms] = await Promise.all([
      this.factsOf([application.organisationId]),
      this.pseudonymsOf(call, [application]),
    ]);
    return redactor(facts.get(application.organisationId) ?? NO_FACTS, pseudonyms.get(application.id) ?? WITHHELD_MARK);
  }

  /**
   * The pseudonyms of these submitted applications of a blind call by application id, the call's
   * applications numbered on first need; none in another call.
   */
  async pseudonymsOf(call: ReviewedCall, applications: Application[]): Promise<Map<string, string>> {
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
  async asReviewerSees(
    items: ReadableApplication[],
    calls: ReadonlyMap<string, ReviewedCall>,
  ): Promise<ReviewedApplication[]> {
    const blind = items.map((i) => i.application).filter((a) => calls.get(a.callId)?.blind);
    if (blind.length === 0) return items.map((item) => ({ ...item, pseudonym: null }));
    const [facts, pseudonyms] = await Promise.all([
      this.factsOf(blind.map((a) => a.organisationId)),
      this.pseudonymsByCall(calls, blind),
    ]);
    return items.map(({ application, documents }) => {
      const call = calls.get(application.callId);
      if (!call?.blind) return { application, documents, pseudonym: null };
      const pseudonym = pseudonyms.get(application.id) ?? WITHHELD_MARK;
      const declared = facts.get(application.organisationId) ?? NO_FACTS;
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

  /** What names each organisation, its team's names included, in one query each for all of them. */
  private async factsOf(organisationIds: string[]): Promise<Map<string, IdentifyingFacts>> {
    const [organisations, people] = await Promise.all([
      this.organisations.getMany(organisationIds),
      this.members.namesOf(organisationIds),
    ]);
    return new Map(
      organisations.map((o) => [
        o.id,
        { name: o.name, city: o.city, website: o.website, people: people.get(o.id) ?? [] },
      ]),
    );
  }

  private async pseudonymsByCall(
    calls: ReadonlyMap<string, ReviewedCall>,
    applications: Application[],
  ): Promise<Map<string, string>> {
    const perCall = await Promise.all([...calls.values()].map((call) => this.pseudonymsOf(call, applications)));
    return new Map(perCall.flatMap((map) => [...map]));
  }
}
