import type { AddresseeCategory, CallKind, CircularContact } from '@app/calls';
import type { AnnexLocale } from '../annex/annex-i18n';
import type { AnnexContent } from '../annex/annex.types';

/**
 * A BDT circular in one language, everything it prints already decided: the same document gives
 * the same PDF and HTML. The results circular carries the published cohort (its Annexes II and
 * III); the announcement of a call carries its deadline, where to apply (or, for a registration
 * call, to reply) and whom to contact instead.
 */
export interface CircularDocument {
  locale: AnnexLocale;
  reference: string;
  place: string;
  /** ISO 8601, UTC: the letter's date (publication, or the call's opening). */
  date: string;
  addressees: AddresseeCategory[];
  subject: string;
  /** The body with its figures filled in, one string per paragraph. */
  paragraphs: string[];
  signatory: { name: string; title: string };
  /** Annex I, one string per paragraph. */
  about: string[];
  /** The results circular: the published cohort, for Annexes II and III. */
  results?: AnnexContent;
  /** The announcement: the call's deadline (ISO 8601), the page where centres apply or reply, whom to contact. */
  announcement?: CircularAnnouncement;
  /** In the PDF's metadata. */
  callTitle: string;
}

export interface CircularAnnouncement {
  deadline: string;
  /** The call's public page: where a selection call's centres apply, a registration call's addressees reply. */
  applyUrl: string;
  /** A registration call's letter asks for replies by the deadline, a selection call's for applications. */
  kind: CallKind;
  contact: CircularContact | null;
}
