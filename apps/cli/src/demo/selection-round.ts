import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiClient } from './api-client';
import { DEMO_CALL } from './demo-data';
import {
  LotteryCheck,
  PublishedLottery,
  awaitFinalRankingUncertainty,
  drawAtTheLine,
  recomputeLottery,
} from './lottery-round';
import { Progress } from './progress';
import { uniform } from './seeded';

export interface EntryOrganisation {
  name: string;
  city: string | null;
  countryCode: string;
  region: string;
}

export interface CohortEntry {
  applicationId: string;
  rank: number;
  score: number;
  organisation: EntryOrganisation;
  reason?: string;
}

export interface CohortExclusion {
  applicationId: string;
  rank: number | null;
  score: number | null;
  reason: string;
  organisation: EntryOrganisation;
}

export interface ConstraintReport {
  constraint: string;
  region?: string;
  required?: number;
  limit?: number;
  achieved?: number;
  actual?: number;
  reason?: string;
}

export interface Cohort {
  id: string;
  status: string;
  members: CohortEntry[];
  waitlist: CohortEntry[];
  excluded: CohortExclusion[];
  unmetConstraints: ConstraintReport[];
  violations: ConstraintReport[];
  publishedAt: string | null;
  contentHash: string | null;
}

export interface PublicCohort {
  id: string;
  members: Array<{ name: string; city: string | null; countryCode: string; countryName: string; region: string }>;
  statistics: { applications: number; countries: number; selected: number };
  /** Present when seats at the line were drawn by lot. */
  lottery?: PublishedLottery;
  contentHash: string;
}

export interface SelectionOutcome {
  /** The platform's proposal, before any draw or change. */
  proposal: Cohort;
  /** The seats at the line drawn by lot among the proposal's grey zone, as published and as recomputed. */
  lottery?: { drawn: Cohort; published: PublishedLottery; check: LotteryCheck };
  override?: { removed: CohortEntry; added: CohortExclusion; reason: string; violations: ConstraintReport[] };
  published: Cohort;
  document: PublicCohort;
  /** Whether SHA-256 over the served document's canonical JSON (less contentHash) matched. */
  hashVerified: boolean;
  annexes: string[];
}

/** Reasons a candidate was passed over by the selection itself (not ineligible, not unscored). */
export const CANDIDATE_REASONS = ['COUNTRY_CAP', 'REGION_CAP', 'SEAT_RESERVED_FOR_REGION', 'COHORT_FULL'];

/**
 * The secretariat's end of the round: propose the cohort from the ranking and the call's
 * constraints, replace one member that has withdrawn informally (an override with its reason),
 * approve, publish; then anyone can fetch the public list, check its hash and download the annexes.
 */
export async function playSelectionRound(
  api: ApiClient,
  secretariat: string,
  callId: string,
  seed: number,
  artifactsDir: string,
): Promise<SelectionOutcome> {
  const progress = new Progress('Selection', 14);
  await api.request('PUT', `/calls/${callId}/lottery`, { token: secretariat, body: { enabled: true } });
  await awaitFinalRankingUncertainty(api, secretariat, callId);
  progress.step('lottery at the line enabled, final ranking intervals current');
  const proposal = await api.request<Cohort>('POST', `/calls/${callId}/cohorts`, { token: secretariat, body: {} });
  progress.step(`cohort of ${proposal.members.length} proposed`);
  const { drawn, listedBeforeDraw } = await drawAtTheLine(api, secretariat, callId, proposal.id);
  const afterDraw = drawn
    ? await api.request<Cohort>('GET', `/cohorts/${proposal.id}`, { token: secretariat })
    : proposal;
  progress.step(drawn ? 'seats at the line drawn by lot' : 'no grey zone: nothing to draw');
  const override = await replaceOneMember(api, secretariat, afterDraw, seed);
  progress.step('one member replaced by the secretariat');
  await api.request('POST', `/cohorts/${proposal.id}/approve`, { token: secretariat });
  progress.step('cohort approved');
  const published = await api.request<Cohort>('POST', `/cohorts/${proposal.id}/publish`, { token: secretariat });
  progress.step('cohort published');
  const text = await api.text(`/public/cohorts/${proposal.id}`);
  const document = JSON.parse(text) as PublicCohort;
  progress.step('public list fetched');
  const annexes = await downloadAnnexes(api, proposal.id, artifactsDir, () => progress.step('annex downloaded'));
  progress.finish('annexes saved');
  const lottery =
    drawn && document.lottery
      ? {
          drawn: afterDraw,
          published: document.lottery,
          check: { listedBeforeDraw, ...recomputeLottery(document.lottery) },
        }
      : undefined;
  return { proposal, lottery, override, published, document, hashVerified: verifyContentHash(text), annexes };
}

/**
 * A member tells the secretariat it can no longer take part; the secretariat takes, in its place,
 * the best-ranked waitlisted centre of the same region that keeps within the country cap (or, when
 * the waitlist has none, the best-ranked passed-over one). Which member withdraws is the seed's
 * choice, among those that such a replacement exists for.
 */
async function replaceOneMember(api: ApiClient, secretariat: string, proposal: Cohort, seed: number) {
  const members = [...proposal.members].sort(
    (a, b) => uniform(seed, 'withdraws', a.organisation.name) - uniform(seed, 'withdraws', b.organisation.name),
  );
  const waitlisted = new Set(proposal.waitlist.map((w) => w.applicationId));
  const pools = [proposal.excluded.filter((e) => waitlisted.has(e.applicationId)), proposal.excluded];
  for (const pool of pools) {
    for (const removed of members) {
      const added = replacementFor(proposal, pool, removed);
      if (added) return amend(api, secretariat, proposal, removed, added, waitlisted.has(added.applicationId));
    }
  }
  return undefined;
}

async function amend(
  api: ApiClient,
  secretariat: string,
  proposal: Cohort,
  removed: CohortEntry,
  added: CohortExclusion,
  fromWaitlist: boolean,
) {
  const reason =
    `${removed.organisation.name} informed the secretariat in writing that it can no longer take part in the ` +
    `programme. Replaced by ${added.organisation.name}, the best-ranked ${fromWaitlist ? 'waitlisted' : 'remaining'} ` +
    `centre of the same region (${added.organisation.region}) within the cap of ` +
    `${DEMO_CALL.selection.maxPerCountry} centres per country.`;
  const amended = await api.request<Cohort>('PATCH', `/cohorts/${proposal.id}`, {
    token: secretariat,
    body: { remove: [removed.applicationId], add: [added.applicationId], reason },
  });
  return { removed, added, reason, violations: amended.violations };
}

function replacementFor(proposal: Cohort, pool: CohortExclusion[], removed: CohortEntry): CohortExclusion | undefined {
  const cap = DEMO_CALL.selection.maxPerCountry;
  const remaining = proposal.members.filter((m) => m.applicationId !== removed.applicationId);
  const fromCountry = (code: string) => remaining.filter((m) => m.organisation.countryCode === code).length;
  return pool
    .filter((e) => CANDIDATE_REASONS.includes(e.reason) && e.rank !== null)
    .filter((e) => e.organisation.region === removed.organisation.region)
    .filter((e) => fromCountry(e.organisation.countryCode) < cap)
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))[0];
}

/** The six languages of the Union, in which the annex is published. */
const ANNEX_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

/** The annexes in CSV and in PDF in the six languages, as anyone can download them. */
async function downloadAnnexes(api: ApiClient, cohortId: string, dir: string, saved: () => void): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files = [
    { path: `/public/cohorts/${cohortId}/annex.csv`, name: 'cohort-annex.csv' },
    ...ANNEX_LANGUAGES.map((lang) => ({
      path: `/public/cohorts/${cohortId}/annex.pdf?lang=${lang}`,
      name: `cohort-annex-${lang}.pdf`,
    })),
  ];
  const written: string[] = [];
  for (const file of files) {
    const bytes = await api.download(file.path);
    if (file.name.endsWith('.pdf') && bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new Error(`GET ${file.path} did not answer a PDF.`);
    }
    const target = join(dir, file.name);
    await writeFile(target, bytes);
    written.push(target);
    saved();
  }
  return written;
}

/**
 * DESIGN §6, recomputed as any reader of the public list would: the SHA-256 (hex) of the document
 * without its contentHash, in canonical JSON (keys sorted recursively, no whitespace, UTF-8).
 */
export function verifyContentHash(servedText: string): boolean {
  const { contentHash, ...rest } = JSON.parse(servedText) as { contentHash: string };
  return hashOf(rest) === contentHash;
}

/** SHA-256 (hex) of a document in canonical JSON, as published hashes are defined (DESIGN §6). */
export function hashOf(document: unknown): string {
  return createHash('sha256').update(canonicalJson(document), 'utf8').digest('hex');
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const object = value as Record<string, unknown>;
  const members = Object.keys(object)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`);
  return `{${members.join(',')}}`;
}
