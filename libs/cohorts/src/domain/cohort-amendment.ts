import { contentHashOf, inPublicOrder, type PublicCohortDocument, type PublicCohortMember } from './public-cohort';

/**
 * What changed the published list: a centre declined its offer or let it expire (it leaves), the
 * secretariat withdrew a centre, with a written reason (it leaves), or promoted a centre from the
 * waitlist to a freed seat (it joins).
 */
export const AMENDMENT_KINDS = ['declined', 'expired', 'promoted', 'withdrawn'] as const;
export type AmendmentKind = (typeof AMENDMENT_KINDS)[number];

/**
 * One change to a published cohort, as GET /public/cohorts/:id/amendments serves it less its hash.
 * It names the hash of what it amends (the published document's contentHash, then each amendment's
 * hash), so that the whole history verifies from the publication on, and holds the list as it
 * stands after it.
 */
export interface CohortAmendmentDocument {
  cohortId: string;
  /** 1 for the first amendment after publication, then 2, 3, … */
  sequence: number;
  kind: AmendmentKind;
  /** ISO 8601 UTC, milliseconds included. */
  at: string;
  /** The centre the change concerns, as the list named it. */
  centre: PublicCohortMember;
  previousHash: string;
  /** The members after the change, in public order. */
  members: PublicCohortMember[];
  /** Why the secretariat withdrew the centre: on a withdrawal only, and public like the rest. */
  reason?: string;
}

export type CohortAmendment = CohortAmendmentDocument & { hash: string };

/** The published list as the last amendment left it (the published document when there is none). */
export interface CohortListState {
  members: PublicCohortMember[];
  /** The hash the next amendment names. */
  hash: string;
  sequence: number;
}

export function publishedState(document: PublicCohortDocument, contentHash: string): CohortListState {
  return { members: document.members, hash: contentHash, sequence: 0 };
}

export function stateAfter(amendment: CohortAmendment): CohortListState {
  return { members: amendment.members, hash: amendment.hash, sequence: amendment.sequence };
}

/**
 * The amendment of `kind` about `centre`: a promoted centre joins the list; one that declines, lets
 * its offer expire or is withdrawn leaves it, as one entry equal to it field by field, so that two
 * centres of the same name in one city stay two entries until each leaves. A withdrawal carries its
 * reason, and only a withdrawal: the other kinds' documents (and hashes) are as they always were.
 */
export function amendmentOf(
  kind: AmendmentKind,
  cohortId: string,
  state: CohortListState,
  centre: PublicCohortMember,
  at: Date,
  reason?: string,
): CohortAmendment {
  if ((kind === 'withdrawn') !== (reason !== undefined)) {
    throw new Error('A withdrawal, and only a withdrawal, carries a reason.');
  }
  const members = inPublicOrder(kind === 'promoted' ? [...state.members, centre] : without(state.members, centre));
  const document: CohortAmendmentDocument = {
    cohortId,
    sequence: state.sequence + 1,
    kind,
    at: at.toISOString(),
    centre,
    previousHash: state.hash,
    members,
    ...(reason === undefined ? {} : { reason }),
  };
  return { ...document, hash: contentHashOf(document) };
}

function without(members: PublicCohortMember[], centre: PublicCohortMember): PublicCohortMember[] {
  const index = members.findIndex((member) => sameEntry(member, centre));
  if (index < 0) throw new Error('The centre is not on the current list of the cohort.');
  return members.filter((_, i) => i !== index);
}

function sameEntry(a: PublicCohortMember, b: PublicCohortMember): boolean {
  return (
    a.name === b.name &&
    a.city === b.city &&
    a.countryCode === b.countryCode &&
    a.countryName === b.countryName &&
    a.region === b.region &&
    a.consensusScore === b.consensusScore
  );
}
