import { CallKind, CircularSettings, fillPlaceholders, localizedIn } from '@app/calls';
import { AnnexLocale, annexTranslator } from '../annex/annex-i18n';
import type { AnnexContent } from '../annex/annex.types';
import type { CircularDocument } from './circular.types';

/**
 * A body as the secretariat wrote it: paragraphs separated by blank lines, line ends inside one kept
 * as spaces. No-break spaces stay, as French typography needs them.
 */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.replace(/[ \t\r\n]+/g, ' ').trim())
    .filter((paragraph) => paragraph.length > 0);
}

function common(settings: CircularSettings, locale: AnnexLocale, description: string) {
  return {
    locale,
    reference: settings.reference,
    place: localizedIn(settings.place, locale),
    addressees: settings.addressees,
    signatory: { name: settings.signatory.name, title: localizedIn(settings.signatory.title, locale) },
    about: paragraphsOf(settings.about ? localizedIn(settings.about, locale) : description),
  };
}

/** The results circular of a published cohort, its figures (formatted for the language) filled in. */
export function resultsCircular(
  settings: CircularSettings,
  content: AnnexContent,
  call: { title: string; description: string },
  locale: AnnexLocale,
): CircularDocument {
  const tr = annexTranslator(locale);
  const figures = {
    call: call.title,
    applications: tr.number(content.process.applicationsReceived),
    countries: tr.number(content.process.countries),
    selected: tr.number(content.process.selected),
  };
  return {
    ...common(settings, locale, call.description),
    date: content.publishedAt,
    subject: fillPlaceholders(localizedIn(settings.results.subject, locale), figures),
    paragraphs: paragraphsOf(fillPlaceholders(localizedIn(settings.results.body, locale), figures)),
    results: content,
    callTitle: call.title,
  };
}

/**
 * The announcement of a call, dated the day it opens: a selection call's asks for applications, a
 * registration call's (no `kind`: a selection call) for replies.
 */
export function callAnnouncement(
  settings: CircularSettings,
  call: { title: string; description: string; opensAt: Date; closesAt: Date; kind?: CallKind },
  applyUrl: string,
  locale: AnnexLocale,
): CircularDocument {
  const tr = annexTranslator(locale);
  const deadline = call.closesAt.toISOString();
  const figures = { call: call.title, deadline: tr.genevaTime(deadline) };
  return {
    ...common(settings, locale, call.description),
    date: call.opensAt.toISOString(),
    subject: fillPlaceholders(localizedIn(settings.announcement.subject, locale), figures),
    paragraphs: paragraphsOf(fillPlaceholders(localizedIn(settings.announcement.body, locale), figures)),
    announcement: { deadline, applyUrl, kind: call.kind ?? 'selection', contact: settings.contact ?? null },
    callTitle: call.title,
  };
}

/** How many annexes the letter announces: Annex I alone, or I to III with the cohort. */
export function annexCount(document: CircularDocument): number {
  return document.results ? 3 : 1;
}
