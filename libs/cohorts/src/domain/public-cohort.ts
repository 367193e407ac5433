import { createHash } from 'node:crypto';
import { canonicalJson } from '@app/platform/json/canonical-json';
import type { CohortAmendmentDocument } from './cohort-amendment';
import type { Region } from './selection.types';

/** ITU-D regions in the order ITU documents list them; the public list follows it. */
export const REGION_ORDER: readonly Region[] = ['AFR', 'AMS', 'ARB', 'ASP', 'CIS', 'EUR'];

export interface PublicCohortMember {
  name: string;
  city: string | null;
  countryCode: string;
  /** In English, as the document is one text for everyone; the annexes translate. */
  countryName: string;
  region: Region;
  /**
   * Only when a moderator's consensus score ranked the member instead of its evaluators' score
   * (moderation, issue 14): the rule stays recomputable from what is published. Absent otherwise,
   * so that a document without moderation is what it was before.
   */
  consensusScore?: number;
}

/**
 * The lottery at the line, when the cohort's seats at the line were drawn by lot (./lottery says how to
 * recompute it): the grey zone's candidates as frozen with the commitment, the commitment, the secret
 * it commits to, the lot order and who took the seats.
 */
export interface PublicCohortLottery {
  method: string;
  commitment: string;
  /** ISO 8601 UTC: when the commitment was made (and published), before the draw. */
  committedAt: string;
  secret: string;
  drawnAt: string;
  /** In rank order, each with its rank in the ranking. */
  greyZone: Array<{ applicationId: string; rank: number }>;
  /** In lot order: each candidate's key and the rank the lot dealt it. */
  lotOrder: Array<{ applicationId: string; key: string; drawnRank: number }>;
  /** The candidates the draw seated, in lot order, with their organisation's name. */
  seated: Array<{ applicationId: string; name: string }>;
}

/** The public document of a published cohort as GET /public/cohorts/:id serves it, less its contentHash. */
export interface PublicCohortDocument {
  id: string;
  call: { reference: string; title: string };
  /** ISO 8601 UTC, milliseconds included. */
  publishedAt: string;
  members: PublicCohortMember[];
  statistics: { applications: number; countries: number; selected: number };
  /** Only when the lot was drawn: a document without a lottery reads as before. */
  lottery?: PublicCohortLottery;
}

/** The snapshot stored at publication, its members in public order. */
export function publicCohortDocument(input: {
  id: string;
  call: { reference: string; title: string };
  publishedAt: Date;
  members: PublicCohortMember[];
  submitted: { applications: number; countries: number };
  lottery?: PublicCohortLottery;
}): PublicCohortDocument {
  const members = inPublicOrder(input.members);
  return {
    id: input.id,
    call: { reference: input.call.reference, title: input.call.title },
    publishedAt: input.publishedAt.toISOString(),
    members,
    statistics: { ...input.submitted, selected: members.length },
    ...(input.lottery === undefined ? {} : { lottery: input.lottery }),
  };
}

/**
 * Members by region, then country, then name, then city, by UTF-16 code units rather than a locale,
 * so that a document (and its hash) never depends on the ICU data of the machine that wrote it.
 */
export function inPublicOrder(members: readonly PublicCohortMember[]): PublicCohortMember[] {
  return [...members].sort(
    (a, b) =>
      REGION_ORDER.indexOf(a.region) - REGION_ORDER.indexOf(b.region) ||
      codeUnitOrder(a.countryName, b.countryName) ||
      codeUnitOrder(a.name, b.name) ||
      codeUnitOrder(a.city ?? '', b.city ?? ''),
  );
}

/** DESIGN §6: the SHA-256 hex digest of the document in canonical JSON (UTF-8), without contentHash. */
export function contentHashOf(document: PublicCohortDocument | CohortAmendmentDocument): string {
  return createHash('sha256').update(canonicalJson(document), 'utf8').digest('hex');
}

function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
